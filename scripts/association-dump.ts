// Writes one association's rows as a psql script (docs/operations.md, "One association").
//
//   DATABASE_URL=postgresql://…/alaqa npm run association:dump -- qader qader.sql
//   psql -X -f qader.sql "postgresql://…/target"      (target: migrated, same migrations)
//
// The rows are read by one psql session in a REPEATABLE READ transaction (a consistent snapshot
// while the app keeps running) with COPY … TO STDOUT, in foreign-key order; the file is created
// readable by its owner only. What is and is not included: scripts/association-export.ts.
import { spawn } from "node:child_process";
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import pg from "pg";
import { copyFooter, copyHeader, exportQuery, planExport, restorePrologue, SESSION_SETTINGS } from "./association-export";

/** A psql meta-command argument in single quotes. */
const psqlQuoted = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const qecho = (text: string) => text.split("\n").map((line) => `\\qecho ${psqlQuoted(line)}`).join("\n");

async function dumpAssociation(url: string, slug: string, file: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plan = await planExport(client, slug).finally(() => client.end());

  const parsed = new URL(url);
  const fd = openSync(file, "w", 0o600);
  try {
    writeSync(fd, restorePrologue(plan, `${parsed.host}${parsed.pathname}`));
    const script = [
      "\\set ON_ERROR_STOP on",
      SESSION_SETTINGS,
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;",
      ...plan.tables.flatMap((t) => [qecho(copyHeader(t)), `COPY (${exportQuery(t)}) TO STDOUT;`, qecho(copyFooter(t))]),
      "COMMIT;",
    ].join("\n");
    const psql = spawn("psql", ["-X", "-q", "-d", url], { stdio: ["pipe", fd, "pipe"] });
    let stderr = "";
    psql.stderr!.on("data", (chunk) => (stderr += chunk));
    psql.stdin!.end(script);
    const code = await new Promise<number | null>((resolve, reject) => psql.on("error", reject).on("close", resolve));
    if (code !== 0) throw new Error(`psql exited with ${code}: ${stderr.trim()}`);
    writeSync(fd, "COMMIT;\n");
  } finally {
    closeSync(fd);
  }

  // Rows per table: COPY's text format writes one line per row.
  const counts = new Map<string, number>();
  let table: string | null = null;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    const header = /^COPY "([^"]+)" \(.*\) FROM stdin;$/.exec(line);
    if (header) {
      table = header[1].replace(/^restore_/, "");
      counts.set(table, 0);
    } else if (line === "\\.") table = null;
    else if (table) counts.set(table, counts.get(table)! + 1);
  }
  return counts;
}

async function main() {
  const [slug, file] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!slug || !file || !url) {
    throw new Error("usage: DATABASE_URL=postgresql://… tsx scripts/association-dump.ts <slug> <file.sql>");
  }
  const started = Date.now();
  const counts = await dumpAssociation(url, slug, file);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const [table, rows] of counts) console.log(`${table.padEnd(22)} ${String(rows).padStart(8)}`);
  console.log(`[association-dump] ${slug}: ${total} rows in ${counts.size} tables → ${file} (${Date.now() - started} ms)`);
}

main().catch((error) => {
  console.error(`[association-dump] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
