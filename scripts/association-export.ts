// What one association's export holds, read from the database's own catalog (so a new table
// is either exported or refused, never silently left out). Used by scripts/association-dump.ts
// (writes the file) and scripts/backup-check.ts (proves a restore gives the same rows).
//
// - Association: the row whose id is the association's.
// - Every public table with an "associationId" column: the rows with that id (AuditEvent,
//   OutboxMessage and StripeEvent also hold platform rows with a null id: those stay out).
// - User: the users this association's rows refer to by foreign key (members, board voters,
//   attesters), with isOperator written as false: operator rights are not moved with a tenant.
//   Merged on restore: a user already present on the target (same id) is kept as it is.
// - CatalogEntry: the platform catalog (a fresh migrated database has none; the seed writes it),
//   merged on restore.
// - Left out: SKIPPED below.
import type pg from "pg";

export const SKIPPED: Record<string, string> = {
  _prisma_migrations: "the target is migrated by the app; the dump checks it has the same migrations",
  PasswordReset: "one-hour password reset links of the users",
  RateLimiterFlexible: "rate-limit counters (platform-wide, expire on their own)",
  JobRun: "the platform's record of scheduled jobs already run",
};

/** Global tables merged into the target (INSERT … ON CONFLICT DO NOTHING on their primary key). */
const MERGED = new Set(["User", "CatalogEntry"]);

export type TablePlan = {
  table: string;
  columns: string[];
  /** One SQL expression per column, aliased as the column. */
  select: string[];
  /** Which rows belong to the export (SQL condition, the association id inlined). */
  where: string;
  pk: string[];
  /** Insert through a temporary table with ON CONFLICT DO NOTHING (global rows). */
  merge: boolean;
};

export type ExportPlan = {
  association: { id: string; slug: string };
  /** In foreign-key order: a table comes after every table it refers to. */
  tables: TablePlan[];
  /** Migrations applied to the source; the target must have exactly these. */
  migrations: string[];
};

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

type Catalog = {
  columns: Map<string, string[]>;
  pks: Map<string, string[]>;
  fks: { from: string; to: string; columns: string[] }[];
};

const KEY_COLUMNS = (k: string) => `ARRAY(
  SELECT a.attname FROM unnest(${k}) WITH ORDINALITY u(n, i)
  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[]`;

export async function readCatalog(client: pg.ClientBase, schema = "public"): Promise<Catalog> {
  const columns = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const keys = await client.query<{ type: string; from: string; to: string | null; columns: string[] }>(
    `SELECT k.contype AS type, s.relname AS from, t.relname AS to, ${KEY_COLUMNS("k.conkey")} AS columns
       FROM pg_constraint k JOIN pg_class s ON s.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_class t ON t.oid = k.confrelid
      WHERE n.nspname = $1 AND k.contype IN ('p', 'f')`,
    [schema],
  );
  const catalog: Catalog = { columns: new Map(), pks: new Map(), fks: [] };
  for (const row of columns.rows) {
    catalog.columns.set(row.table, [...(catalog.columns.get(row.table) ?? []), row.column]);
  }
  for (const key of keys.rows) {
    if (key.type === "p") catalog.pks.set(key.from, key.columns);
    else catalog.fks.push({ from: key.from, to: key.to!, columns: key.columns });
  }
  return catalog;
}

export async function planExport(client: pg.ClientBase, slug: string): Promise<ExportPlan> {
  const found = await client.query<{ id: string }>(`SELECT id FROM "Association" WHERE slug = $1`, [slug]);
  if (found.rows.length !== 1) throw new Error(`no association with slug "${slug}"`);
  const id = found.rows[0].id;
  const migrations = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const catalog = await readCatalog(client);
  const tenantTables = [...catalog.columns].filter(([, cols]) => cols.includes("associationId")).map(([t]) => t);

  const where = (table: string): string => {
    if (table === "Association") return `"id" = ${literal(id)}`;
    if (catalog.columns.get(table)!.includes("associationId")) return `"associationId" = ${literal(id)}`;
    if (table === "User") {
      const refs = catalog.fks
        .filter((fk) => fk.to === "User" && tenantTables.includes(fk.from))
        .map((fk) => `SELECT ${ident(fk.columns[0])} FROM ${ident(fk.from)} WHERE "associationId" = ${literal(id)}`);
      return `"id" IN (${refs.join(" UNION ")})`;
    }
    if (table === "CatalogEntry") return "true";
    throw new Error(
      `table "${table}" has no associationId and is not classified: add it to SKIPPED or MERGED in scripts/association-export.ts`,
    );
  };

  const plans = new Map<string, TablePlan>();
  for (const [table, columns] of catalog.columns) {
    if (table in SKIPPED) continue;
    const pk = catalog.pks.get(table);
    if (!pk) throw new Error(`table "${table}" has no primary key`);
    plans.set(table, {
      table,
      columns,
      select: columns.map((c) => (table === "User" && c === "isOperator" ? `false AS ${ident(c)}` : ident(c))),
      where: where(table),
      pk,
      merge: MERGED.has(table),
    });
  }

  // Foreign-key order (Kahn's algorithm, ties by name so the file is stable).
  const deps = new Map([...plans.keys()].map((t) => [t, new Set<string>()]));
  for (const fk of catalog.fks) {
    if (fk.from !== fk.to && plans.has(fk.from) && plans.has(fk.to)) deps.get(fk.from)!.add(fk.to);
  }
  const ordered: TablePlan[] = [];
  while (deps.size) {
    const ready = [...deps].filter(([, d]) => d.size === 0).map(([t]) => t).sort();
    if (!ready.length) throw new Error(`foreign-key cycle among ${[...deps.keys()].join(", ")}`);
    for (const table of ready) {
      ordered.push(plans.get(table)!);
      deps.delete(table);
      for (const d of deps.values()) d.delete(table);
    }
  }
  return { association: { id, slug }, tables: ordered, migrations: migrations.rows.map((r) => r.migration_name) };
}

/** SELECT of the exported rows of one table, ordered by primary key. */
export const exportQuery = (plan: TablePlan) =>
  `SELECT ${plan.select.join(", ")} FROM ${ident(plan.table)} WHERE ${plan.where} ORDER BY ${plan.pk.map(ident).join(", ")}`;

/** Settings of both the export session and the restore, so values read back as written. */
export const SESSION_SETTINGS = `SET client_encoding = 'UTF8';
SET datestyle = ISO, YMD;
SET intervalstyle = postgres;
SET extra_float_digits = 3;
SET TimeZone = 'UTC';`;

/** The restore script's opening: settings, one transaction, and the migration check. */
export function restorePrologue(plan: ExportPlan, source: string): string {
  const expected = plan.migrations.map(literal).join(", ");
  return `-- Alaqa: the rows of one association, written by scripts/association-dump.ts.
-- Association: ${plan.association.slug} (${plan.association.id}), from ${source}, at ${new Date().toISOString()}.
-- Holds personal data (beneficiaries' requests, health consents, complaints): keep it encrypted.
-- Restore into a database migrated to the same migrations (npm run db:migrate, no seed):
--   psql -X -f FILE "postgresql://…/target"
-- It runs in one transaction: on any error nothing is written.
\\set ON_ERROR_STOP on
${SESSION_SETTINGS}
BEGIN;
DO $check$ BEGIN
  IF (SELECT array_agg(migration_name::text ORDER BY migration_name) FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) IS DISTINCT FROM ARRAY[${expected}]::text[] THEN
    RAISE EXCEPTION 'the target database must be migrated to exactly the source''s migrations: %', ARRAY[${expected}];
  END IF;
END $check$;
`;
}

/** What the restore runs before a table's COPY data (the data follows, then "\."). */
export function copyHeader(plan: TablePlan): string {
  const columns = plan.columns.map(ident).join(", ");
  if (!plan.merge) return `COPY ${ident(plan.table)} (${columns}) FROM stdin;`;
  return `CREATE TEMP TABLE ${ident(`restore_${plan.table}`)} (LIKE ${ident(plan.table)}) ON COMMIT DROP;
COPY ${ident(`restore_${plan.table}`)} (${columns}) FROM stdin;`;
}

/** What the restore runs after a table's data. */
export function copyFooter(plan: TablePlan): string {
  if (!plan.merge) return "\\.";
  const columns = plan.columns.map(ident).join(", ");
  return `\\.
INSERT INTO ${ident(plan.table)} (${columns}) SELECT ${columns} FROM ${ident(`restore_${plan.table}`)}
  ON CONFLICT (${plan.pk.map(ident).join(", ")}) DO NOTHING;`;
}
