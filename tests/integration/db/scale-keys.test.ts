/** @jest-environment node */
import type { Database } from "@/lib/db/client";
import { engineName, freshDatabase } from "../../helpers/db";

// docs/scaling.md: the schema can be distributed by association (Citus) as it is. Every table is
// either distributed by "associationId", a reference table (small, global, copied to every node)
// or a table that stays on the coordinator. A distributed table needs "associationId" in every
// unique key and in every foreign key to another distributed table (same position on both
// sides), or Citus refuses it. A new table must pick its kind here; a key that breaks the rule
// fails this test. The two queries are the ones printed in docs/scaling.md.

/** Global and small, joined from tenant tables: create_reference_table. */
const REFERENCE = ["Association", "AssociationDomain", "CatalogEntry", "User"];
/** Platform-wide or queue-like tables kept on the coordinator (citus_add_local_table_to_metadata). */
const COORDINATOR = ["AuditEvent", "JobRun", "OutboxMessage", "PasswordReset", "RateLimiterFlexible", "StripeEvent"];

const KEYS_SQL = `
WITH tables AS (
  SELECT c.oid, c.relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
), keys AS (
  SELECT x.indrelid AS oid, i.relname AS key, x.indisprimary AS is_primary,
         string_agg(a.attname, ',' ORDER BY k.ord) AS columns,
         bool_or(a.attname = 'associationId') AS has_association
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
   WHERE x.indisunique
   GROUP BY x.indrelid, i.relname, x.indisprimary
)
SELECT t.relname AS "table",
       CASE WHEN a.attname IS NULL THEN '-'
            ELSE format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
       END AS "associationId",
       coalesce(string_agg(CASE WHEN k.is_primary THEN 'PK' ELSE k.key END || '(' || k.columns || ')', '; ' ORDER BY k.key)
                FILTER (WHERE NOT k.has_association), '') AS "keys without associationId"
  FROM tables t
  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = 'associationId' AND NOT a.attisdropped
  LEFT JOIN keys k ON k.oid = t.oid
 GROUP BY t.relname, a.attname, a.atttypid, a.atttypmod, a.attnotnull
 ORDER BY (a.attname IS NULL), t.relname`;

const FOREIGN_KEYS_SQL = `
SELECT f.relname AS "from", t.relname AS "to",
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS "columns",
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS "references",
       EXISTS (SELECT 1 FROM unnest(c.conkey, c.confkey) AS p(n, rn)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = p.n
                 JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = p.rn
                WHERE a.attname = 'associationId' AND ra.attname IN ('associationId', 'id')
                  AND (ra.attname = 'associationId' OR t.relname = 'Association')) AS "by association",
       c.confupdtype AS "on update", c.confdeltype AS "on delete"
  FROM pg_constraint c
  JOIN pg_class f ON f.oid = c.conrelid
  JOIN pg_class t ON t.oid = c.confrelid
  JOIN pg_namespace n ON n.oid = c.connamespace
 WHERE c.contype = 'f' AND n.nspname = 'public'
 ORDER BY 1, 2, 3`;

type TableRow = { table: string; associationId: string; "keys without associationId": string };
type ForeignKeyRow = { from: string; to: string; columns: string; references: string; "by association": boolean };

let db: Database;
let tables: TableRow[];
let foreignKeys: ForeignKeyRow[];

beforeAll(async () => {
  db = await freshDatabase();
  const session = await db.session();
  tables = await session.query<TableRow>(KEYS_SQL);
  foreignKeys = await session.query<ForeignKeyRow>(FOREIGN_KEYS_SQL);
  await session.release();
});

afterAll(() => db.close());

const kindOf = (table: string) => (REFERENCE.includes(table) ? "reference" : COORDINATOR.includes(table) ? "coordinator" : "distributed");
const fk = (row: ForeignKeyRow) => `${row.from}(${row.columns}) → ${row.to}(${row.references})`;

describe(`every table can be placed on a Citus cluster (${engineName()})`, () => {
  it("names only existing tables in the lists of reference and coordinator tables", () => {
    const names = tables.map((t) => t.table);
    expect([...REFERENCE, ...COORDINATOR].filter((name) => !names.includes(name))).toEqual([]);
  });

  it("gives every distributed table a non-null uuid associationId inside all its unique keys", () => {
    const distributed = tables.filter((t) => kindOf(t.table) === "distributed");
    expect(distributed.length).toBeGreaterThan(20);
    const broken = distributed
      .filter((t) => t.associationId !== "uuid not null" || t["keys without associationId"] !== "")
      .map((t) => `${t.table}: associationId ${t.associationId}; keys without it: ${t["keys without associationId"]}`);
    expect(broken).toEqual([]);
  });

  it("joins distributed tables to each other by associationId, and never to a coordinator table", () => {
    const broken = foreignKeys
      .filter((row) => kindOf(row.from) === "distributed")
      .filter((row) => kindOf(row.to) === "coordinator" || (kindOf(row.to) === "distributed" && !row["by association"]))
      .map(fk);
    expect(broken).toEqual([]);
  });

  it("lets reference tables refer only to reference tables, and coordinator tables never to distributed ones", () => {
    const broken = foreignKeys
      .filter((row) => (kindOf(row.from) === "reference" && kindOf(row.to) !== "reference") || (kindOf(row.from) === "coordinator" && kindOf(row.to) === "distributed"))
      .map(fk);
    expect(broken).toEqual([]);
  });
});
