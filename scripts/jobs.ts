// npx tsx scripts/jobs.ts digest|escalate|grace|retention — runs one job once, now, on DATABASE_URL or embedded
// PGlite (stop the app server first when it uses the same PGlite folder). Idempotent like the
// scheduled runs: a digest that already ran today sends nothing.
import { openDatabase, targetFromEnv } from "../lib/db/client";
import { runBillingGrace } from "../lib/jobs/billing-grace";
import { runDigest } from "../lib/jobs/digest";
import { runEscalation } from "../lib/jobs/escalate";
import { runRetention } from "../lib/pdpl/retention";

const JOBS = { digest: runDigest, escalate: runEscalation, grace: runBillingGrace, retention: runRetention } as const;

async function main(command: string | undefined) {
  if (!command || !(command in JOBS)) throw new Error("usage: tsx scripts/jobs.ts digest|escalate|grace|retention");
  const db = await openDatabase(targetFromEnv());
  try {
    const result = await JOBS[command as keyof typeof JOBS](db.prisma);
    console.log(`[jobs] ${command}: ${JSON.stringify(result)}`);
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
