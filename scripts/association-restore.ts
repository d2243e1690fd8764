// Loads a file written by scripts/association-dump.ts (docs/operations.md, "One association").
//
//   DATABASE_URL=postgresql://…/target npm run association:restore -- qader.sql
//
// Applies the app's migrations first WITHOUT the seed (npm run db:migrate would seed the demo
// associations into an empty database, and the restored one may be one of them), then runs the
// file with psql: one transaction, refused unless the target has exactly the source's migrations.
import { spawn } from "node:child_process";
import { openDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";

async function main() {
  const [file] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!file || !url) throw new Error("usage: DATABASE_URL=postgresql://… tsx scripts/association-restore.ts <file.sql>");
  const started = Date.now();

  const db = await openDatabase({ kind: "postgres", url });
  try {
    const session = await db.session();
    try {
      const applied = await migrate(session);
      console.log(`[association-restore] ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);
    } finally {
      await session.release();
    }
  } finally {
    await db.close();
  }

  const psql = spawn("psql", ["-X", "-q", "-f", file, "-d", url], { stdio: "inherit" });
  const code = await new Promise<number | null>((resolve, reject) => psql.on("error", reject).on("close", resolve));
  if (code !== 0) throw new Error(`psql exited with ${code}: nothing was restored`);
  console.log(`[association-restore] ${file} loaded (${Date.now() - started} ms)`);
}

main().catch((error) => {
  console.error(`[association-restore] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
