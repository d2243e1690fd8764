/** @jest-environment node */
import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import type { Database } from "@/lib/db/client";
import { engineName, freshDatabase } from "../../helpers/db";

// The migrations are written by hand (no schema engine on these machines). This test proves that
// a freshly migrated database is exactly what schema.prisma describes, in both directions.

type Field = {
  name: string;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Index = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };

const dmmf = getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
if ("error" in dmmf) throw new Error(String(dmmf.error));
const models = dmmf.datamodel.models as unknown as Model[];
const enums = dmmf.datamodel.enums as unknown as { name: string; values: { name: string }[] }[];
const indexes = dmmf.datamodel.indexes as unknown as Index[];
const table = (m: Model) => m.dbName ?? m.name;

/** What information_schema should report for a Prisma field. */
function expectedType(field: Field): string {
  // Scalar lists are Postgres arrays; information_schema names the element type "_<type>".
  if (field.isList) return `ARRAY:_${field.kind === "enum" ? field.type : expectedType({ ...field, isList: false })}`;
  if (field.kind === "enum") return `USER-DEFINED:${field.type}`;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "String":
      return native === "Uuid" ? "uuid" : native === "VarChar" ? "character varying" : native === "Char" ? "character" : "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Json":
      return "jsonb";
    case "DateTime":
      return native === "Date" ? "date" : native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone";
    default:
      throw new Error(`No mapping for ${field.type}`);
  }
}

let db: Database;
let columns: { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; character_maximum_length: number | null }[];
let indexRows: { table_name: string; columns: string; is_unique: boolean; is_primary: boolean }[];
let fkRows: { table_name: string; columns: string; ref_table: string; ref_columns: string; on_delete: string }[];

beforeAll(async () => {
  db = await freshDatabase();
  const s = await db.session();
  columns = await s.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  indexRows = await s.query(
    `SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
            string_agg(a.attname, ',' ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
  );
  fkRows = await s.query(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns,
            c.confdeltype AS on_delete
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
      WHERE c.contype = 'f'`,
  );
  await s.release();
});

afterAll(() => db.close());

const unquote = (name: string) => name.replace(/^"|"$/g, "");

describe(`migrations match schema.prisma (${engineName()})`, () => {
  it("has exactly one table per model and one column per scalar field", () => {
    const tables = new Set(columns.map((c) => c.table_name));
    expect([...tables].sort()).toEqual(models.map(table).sort());
    for (const model of models) {
      const scalar = model.fields.filter((f) => f.kind !== "object").map((f) => f.name).sort();
      const actual = columns.filter((c) => c.table_name === table(model)).map((c) => c.column_name).sort();
      expect({ model: model.name, columns: actual }).toEqual({ model: model.name, columns: scalar });
    }
  });

  it("gives every column the field's type, length, nullability and default", () => {
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const col = columns.find((c) => c.table_name === table(model) && c.column_name === field.name)!;
        const type = col.data_type === "USER-DEFINED" ? `USER-DEFINED:${col.udt_name}` : col.data_type === "ARRAY" ? `ARRAY:${col.udt_name}` : col.data_type;
        const nativeLength = field.nativeType?.[1]?.[0];
        const fn = (field.default as { name?: string } | undefined)?.name;
        // uuid() and cuid() are generated by the client, so the column has no default.
        const dbDefault = field.hasDefaultValue && fn !== "uuid" && fn !== "cuid";
        expect({ at: `${model.name}.${field.name}`, type, nullable: col.is_nullable === "YES", hasDefault: col.column_default !== null, length: col.character_maximum_length }).toEqual({
          at: `${model.name}.${field.name}`,
          type: expectedType(field),
          // Prisma creates scalar-list columns without NOT NULL.
          nullable: field.isList || !field.isRequired,
          hasDefault: dbDefault,
          length: nativeLength && ["VarChar", "Char"].includes(field.nativeType![0]) ? Number(nativeLength) : null,
        });
      }
    }
  });

  it("has the primary keys, unique keys and indexes the schema declares, and no others", () => {
    const expected = indexes.map((i) => ({
      table: table(models.find((m) => m.name === i.model)!),
      columns: i.fields.map((f) => f.name).join(","),
      kind: i.type === "id" ? "primary" : i.type === "unique" ? "unique" : "index",
    }));
    const actual = indexRows.map((r) => ({
      table: r.table_name,
      columns: r.columns,
      kind: r.is_primary ? "primary" : r.is_unique ? "unique" : "index",
    }));
    const key = (x: { table: string; columns: string; kind: string }) => `${x.kind} ${x.table}(${x.columns})`;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("has one foreign key per relation, on the same columns and with the same delete rule", () => {
    const deleteRule: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };
    const expected = models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => `${table(m)}(${f.relationFromFields!.join(",")}) -> ${table(models.find((t) => t.name === f.type)!)}(${f.relationToFields!.join(",")}) ${deleteRule[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")]}`),
    );
    const actual = fkRows.map((r) => `${unquote(r.table_name)}(${r.columns}) -> ${unquote(r.ref_table)}(${r.ref_columns}) ${r.on_delete}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("defines every enum with the schema's values in order", async () => {
    const s = await db.session();
    const rows = await s.query<{ name: string; values: string }>(
      `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    await s.release();
    expect(rows.map((r) => `${r.name}:${r.values}`).sort()).toEqual(enums.map((e) => `${e.name}:${e.values.map((v) => v.name).join(",")}`).sort());
  });
});
