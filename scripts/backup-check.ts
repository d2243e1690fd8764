// Proves that the backups in docs/operations.md restore what they saved (npm run backup:check).
//
//   npm run backup:check      (BACKUP_CHECK_URL: the server's admin URL, default
//                              postgresql://postgres@127.0.0.1:5432/postgres; needs pg_dump,
//                              pg_restore and psql of the server's major version)
//
// 1. Creates alaqa_backup_check_source (dropped first if present), migrates and seeds it
//    (npm run db:setup) and adds rows the seed lacks: a user in both associations, an operator
//    who is a member, platform rows with no association, domains, complaints with tabs,
//    newlines, backslashes and quotes, votes, attestations, invitations, resets, Stripe events.
// 2. Whole database: pg_dump -Fc, pg_restore into a new empty database, then per table of every
//    schema: row count and md5 of the rows in primary-key order, source against restore.
// 3. One association: npm run association:dump (qader) and npm run association:restore into a
//    new empty database, then per exported table the same count and md5 of qader's rows, no
//    extra rows, no row of another association, no operator, nothing in the tables left out.
// Exits 1 on any difference. Drops its databases and files unless BACKUP_KEEP=1.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { exportQuery, ident, planExport, readCatalog, SKIPPED } from "./association-export";

const ADMIN_URL = process.env.BACKUP_CHECK_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const KEEP = process.env.BACKUP_KEEP === "1";
const SLUG = "qader";
const DB = { source: "alaqa_backup_check_source", whole: "alaqa_backup_check_whole", tenant: "alaqa_backup_check_tenant" };

const urlOf = (database: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dropDatabases = () =>
  withClient(ADMIN_URL, async (admin) => {
    for (const name of Object.values(DB)) await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });

const createDatabase = (name: string) => withClient(ADMIN_URL, (admin) => admin.query(`CREATE DATABASE ${ident(name)}`));

/** Rows the seed does not make, so that every table the export treats specially has some. */
const EXTRA_ROWS = `
INSERT INTO "User" (id, email, name, "updatedAt") VALUES (gen_random_uuid(), 'both@backup.check', 'عضو في جمعيتين', now());
INSERT INTO "Membership" ("associationId", "userId", roles, "updatedAt")
  SELECT a.id, u.id, '{OFFICER}'::"Role"[], now() FROM "Association" a, "User" u WHERE u.email = 'both@backup.check';
INSERT INTO "User" (id, email, "isOperator", "updatedAt") VALUES (gen_random_uuid(), 'operator-member@backup.check', true, now());
INSERT INTO "Membership" ("associationId", "userId", roles, "updatedAt")
  SELECT a.id, u.id, '{ADMIN}'::"Role"[], now() FROM "Association" a, "User" u
   WHERE a.slug = '${SLUG}' AND u.email = 'operator-member@backup.check';
INSERT INTO "AssociationDomain" (id, "associationId", hostname) SELECT gen_random_uuid(), id, slug || '.backup.check' FROM "Association";
INSERT INTO "Complaint" ("associationId", id, reference, kind, name, body, "updatedAt")
  SELECT id, gen_random_uuid(), 'BK-' || slug, 'COMPLAINT'::"ComplaintKind", 'مشتكٍ',
         E'tab\\there, new\\nline, back\\\\slash, \\\\. alone:\\n\\\\.\\n, quote '' and "double", «عربي» 🙂', now()
    FROM "Association";
INSERT INTO "ComplaintReply" ("associationId", id, "complaintId", "authorId", body)
  SELECT c."associationId", gen_random_uuid(), c.id, m."userId", 'رد ' || m."userId"
    FROM "Complaint" c JOIN "Membership" m USING ("associationId");
INSERT INTO "Invitation" ("associationId", id, email, roles, "tokenHash", "expiresAt")
  SELECT id, gen_random_uuid(), 'invitee@' || slug || '.check', '{RESEARCHER,COMMITTEE}'::"Role"[], md5(slug) || md5(slug),
         now() + interval '7 days' FROM "Association";
INSERT INTO "AuditEvent" (id, "associationId", action, summary)
  SELECT gen_random_uuid(), id, 'backup.check', '{"k": [1, 2.50, null], "t": "\\u00e9"}'::jsonb FROM "Association";
INSERT INTO "AuditEvent" (id, "associationId", action) VALUES (gen_random_uuid(), NULL, 'operator.sign_in');
INSERT INTO "OutboxMessage" (id, "associationId", channel, recipient, template, body)
  VALUES (gen_random_uuid(), NULL, 'EMAIL', 'ops@backup.check', 'platform', 'platform message');
INSERT INTO "StripeEvent" (id, type, "associationId", "createdAt")
  SELECT 'evt_' || slug, 'invoice.paid', id, now() FROM "Association";
INSERT INTO "StripeEvent" (id, type, "associationId", "createdAt") VALUES ('evt_platform', 'account.updated', NULL, now());
INSERT INTO "BoardVote" ("associationId", id, "policyVersionId", round, "userId", choice)
  SELECT pv."associationId", gen_random_uuid(), pv.id, pv.round, m."userId", 'APPROVE'::"VoteChoice"
    FROM "PolicyVersion" pv JOIN "Membership" m USING ("associationId");
INSERT INTO "PolicyAttestation" ("associationId", "policyVersionId", "userId")
  SELECT pv."associationId", pv.id, m."userId" FROM "PolicyVersion" pv JOIN "Membership" m USING ("associationId");
INSERT INTO "TrackingCode" ("associationId", id, "requestId", "codeHash", "expiresAt")
  SELECT "associationId", gen_random_uuid(), id, md5(reference) || md5(reference), now() + interval '10 minutes' FROM "SupportRequest";
INSERT INTO "SurveyResponseLink" ("associationId", "responseId", "requestId")
  SELECT DISTINCT ON (s."associationId") s."associationId", s.id, r.id
    FROM "SurveyResponse" s JOIN "SupportRequest" r USING ("associationId") ORDER BY s."associationId", s.id, r.id;
INSERT INTO "PasswordReset" (id, "userId", "tokenHash", "expiresAt")
  SELECT gen_random_uuid(), id, md5(email) || md5(email), now() + interval '1 hour' FROM "User";
INSERT INTO "JobRun" (name, key) VALUES ('backup-check', 'once');
`;

type Digest = { rows: number; md5: string };

/** Count and md5 of the rows (one text line each) in primary-key order. */
async function digest(client: pg.ClientBase, query: string, orderBy: string[]): Promise<Digest> {
  const { rows } = await client.query<Digest>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY ${orderBy.map((c) => `r.${ident(c)}`).join(", ")}), '')) AS md5
       FROM (${query}) r`,
  );
  return rows[0];
}

type Line = { table: string; source: Digest; restored: Digest; note?: string };

function printTable(title: string, lines: Line[]) {
  const width = Math.max(5, ...lines.map((l) => l.table.length));
  console.log(`\n${title}`);
  console.log(`${"table".padEnd(width)}  ${"source".padStart(7)}  ${"restored".padStart(8)}  md5 (source)                      result`);
  for (const l of lines) {
    const ok = l.source.rows === l.restored.rows && l.source.md5 === l.restored.md5 && !l.note;
    console.log(
      `${l.table.padEnd(width)}  ${String(l.source.rows).padStart(7)}  ${String(l.restored.rows).padStart(8)}  ${l.source.md5}  ${ok ? "same" : `DIFFERENT${l.note ? ` (${l.note})` : ""}`}`,
    );
  }
}

const differs = (l: Line) => l.source.rows !== l.restored.rows || l.source.md5 !== l.restored.md5 || Boolean(l.note);

/** Every table of every non-system schema, with its primary key. */
async function allTables(client: pg.ClientBase): Promise<{ name: string; pk: string[] }[]> {
  const { rows } = await client.query<{ schema: string }>(
    `SELECT nspname AS schema FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  const tables: { name: string; pk: string[] }[] = [];
  for (const { schema } of rows) {
    const catalog = await readCatalog(client, schema);
    for (const table of catalog.columns.keys()) {
      const name = schema === "public" ? ident(table) : `${ident(schema)}.${ident(table)}`;
      tables.push({ name, pk: catalog.pks.get(table) ?? catalog.columns.get(table)! });
    }
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

const triggerCount = (client: pg.ClientBase) =>
  client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal`).then((r) => r.rows[0].n);

async function main() {
  const started = Date.now();
  const lap = (() => {
    let last = started;
    return (what: string) => {
      const now = Date.now();
      console.log(`[backup-check] ${what} (${((now - last) / 1000).toFixed(1)} s)`);
      last = now;
    };
  })();
  const failures: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "alaqa-backup-check-"));
  const source = urlOf(DB.source);

  try {
    await dropDatabases();
    await createDatabase(DB.source);
    await run("npm", ["run", "-s", "db:setup"], { DATABASE_URL: source });
    await withClient(source, (c) => c.query(EXTRA_ROWS));
    lap(`source ${DB.source}: migrated, seeded, extra rows added`);

    // Whole database.
    const dumpFile = path.join(dir, "whole.dump");
    await run("pg_dump", ["-Fc", "-f", dumpFile, "-d", source]);
    await createDatabase(DB.whole);
    await run("pg_restore", ["--exit-on-error", "--no-owner", "-d", urlOf(DB.whole), dumpFile]);
    lap(`pg_dump -Fc (${(statSync(dumpFile).size / 1024).toFixed(0)} KiB) and pg_restore into ${DB.whole}`);
    const whole = await withClient(source, (src) =>
      withClient(urlOf(DB.whole), async (dst) => {
        const [srcTables, dstTables] = [await allTables(src), await allTables(dst)];
        const names = [...new Set([...srcTables, ...dstTables].map((t) => t.name))].sort();
        const lines: Line[] = [];
        const none = { rows: 0, md5: "-" };
        for (const name of names) {
          const s = srcTables.find((t) => t.name === name);
          const d = dstTables.find((t) => t.name === name);
          const query = `SELECT * FROM ${name}`;
          lines.push({
            table: name,
            source: s ? await digest(src, query, s.pk) : none,
            restored: d ? await digest(dst, query, d.pk) : none,
            note: !s ? "not in the source" : !d ? "missing from the restore" : undefined,
          });
        }
        const triggers = [await triggerCount(src), await triggerCount(dst)];
        if (triggers[0] !== triggers[1]) failures.push(`whole database: ${triggers[0]} triggers in the source, ${triggers[1]} restored`);
        return { lines, triggers };
      }),
    );
    printTable(`Whole database: ${whole.lines.length} tables, triggers ${whole.triggers[0]} / ${whole.triggers[1]}`, whole.lines);
    for (const l of whole.lines.filter(differs)) failures.push(`whole database: ${l.table} differs`);
    const wholeRows = whole.lines.reduce((n, l) => n + l.source.rows, 0);
    lap(`whole database compared: ${whole.lines.length} tables, ${wholeRows} rows`);

    // One association.
    const tenantFile = path.join(dir, `${SLUG}.sql`);
    await run("npm", ["run", "-s", "association:dump", "--", SLUG, tenantFile], { DATABASE_URL: source });
    await createDatabase(DB.tenant);
    await run("npm", ["run", "-s", "association:restore", "--", tenantFile], { DATABASE_URL: urlOf(DB.tenant) });
    lap(`association:dump ${SLUG} (${(statSync(tenantFile).size / 1024).toFixed(0)} KiB) and association:restore into ${DB.tenant}`);
    const tenant = await withClient(source, (src) =>
      withClient(urlOf(DB.tenant), async (dst) => {
        const plan = await planExport(src, SLUG);
        const lines: Line[] = [];
        for (const t of plan.tables) {
          const query = exportQuery(t);
          const restored = await digest(dst, query, t.pk);
          const total = (await dst.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.table)}`)).rows[0].n;
          lines.push({
            table: t.table,
            source: await digest(src, query, t.pk),
            restored,
            note: total !== restored.rows ? `${total - restored.rows} rows not of ${SLUG}` : undefined,
          });
        }
        // Tables left out must be empty; no other association, no operator may come along.
        const checks: [string, string][] = [
          ...Object.keys(SKIPPED)
            .filter((t) => t !== "_prisma_migrations")
            .map((t): [string, string] => [`rows in ${t} (left out)`, `SELECT count(*)::int AS n FROM ${ident(t)}`]),
          [`associations other than ${SLUG}`, `SELECT count(*)::int AS n FROM "Association" WHERE "id" <> '${plan.association.id}'`],
          ...plan.tables
            .filter((t) => t.columns.includes("associationId"))
            .map((t): [string, string] => [
              `rows of another association (or none) in ${t.table}`,
              `SELECT count(*)::int AS n FROM ${ident(t.table)} WHERE "associationId" IS DISTINCT FROM '${plan.association.id}'`,
            ]),
          [`users with isOperator`, `SELECT count(*)::int AS n FROM "User" WHERE "isOperator"`],
        ];
        const strays: string[] = [];
        for (const [what, sql] of checks) {
          const n = (await dst.query<{ n: number }>(sql)).rows[0].n;
          if (n) strays.push(`${n} ${what}`);
        }
        const others = await src.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Association" WHERE slug <> $1`, [SLUG]);
        return { lines, strays, checks: checks.length, others: others.rows[0].n };
      }),
    );
    printTable(`One association (${SLUG}): ${tenant.lines.length} tables`, tenant.lines);
    for (const l of tenant.lines.filter(differs)) failures.push(`association ${SLUG}: ${l.table} differs`);
    for (const s of tenant.strays) failures.push(`association ${SLUG}: restore holds ${s}`);
    const tenantRows = tenant.lines.reduce((n, l) => n + l.source.rows, 0);
    console.log(
      `isolation: ${tenant.checks} checks on the restore (the source has ${tenant.others} other association(s)): ${tenant.strays.length ? tenant.strays.join("; ") : "nothing foreign"}`,
    );
    lap(`association compared: ${tenant.lines.length} tables, ${tenantRows} rows`);
  } finally {
    if (KEEP) {
      console.log(`[backup-check] kept: databases ${Object.values(DB).join(", ")}; files in ${dir}`);
    } else {
      await dropDatabases();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const total = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    console.error(`\n[backup-check] FAILED in ${total} s:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`\n[backup-check] OK in ${total} s`);
}

main().catch((error) => {
  console.error(`[backup-check] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
