// npx tsx scripts/jobs.ts digest|escalate — runs one job once, now, on DATABASE_URL or embedded
// PGlite (stop the app server first when it uses the same PGlite folder). Idempotent like the
// scheduled runs: a digest that already ran today sends nothing.
import { openDatabase, targetFromEnv } from "../lib/db/client";
import { runDigest } from "../lib/jobs/digest";
import { runEscalation } from "../lib/jobs/escalate";

async function main(command: string | undefined) {
  if (command !== "digest" && command !== "escalate") throw new Error("usage: tsx scripts/jobs.ts digest|escalate");
  const db = await openDatabase(targetFromEnv());
  try {
    const result = command === "digest" ? await runDigest(db.prisma) : await runEscalation(db.prisma);
    console.log(`[jobs] ${command}: ${JSON.stringify(result)}`);
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
