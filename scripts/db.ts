// npm run db:migrate | db:seed | db:setup — on DATABASE_URL, or on embedded PGlite when unset.
import { openDatabase, targetFromEnv } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { demoAccountsEnabled, seed, seedDemoAccounts } from "../lib/db/seed";
import { seedDemoRequests } from "../lib/db/seed-requests";
import { seedDemoSurveys } from "../lib/db/seed-surveys";
import { SEED_ASSOCIATIONS } from "../prisma/seed";

async function main(command: string | undefined) {
  if (!command || !["migrate", "seed", "setup"].includes(command)) {
    throw new Error("usage: tsx scripts/db.ts migrate|seed|setup");
  }
  const target = targetFromEnv();
  const where = target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${target.dataDir}`;
  const db = await openDatabase(target);
  try {
    if (command !== "seed") {
      const session = await db.session();
      try {
        const applied = await migrate(session);
        console.log(`[db] ${where}: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);
      } finally {
        await session.release();
      }
    }
    // At start-up, seed only an empty database; `db:seed` always (it is idempotent).
    if (command === "seed" || (await db.prisma.association.count()) === 0) {
      await seed(db.prisma);
      console.log(`[db] ${where}: seeded the demo associations`);
    }
    if (demoAccountsEnabled() && (command === "seed" || (await db.prisma.user.count()) === 0)) {
      await seedDemoAccounts(db.prisma);
      await seedDemoRequests(db.prisma, SEED_ASSOCIATIONS.map((a) => a.slug));
      await seedDemoSurveys(db.prisma, SEED_ASSOCIATIONS.map((a) => a.slug));
      console.log(`[db] ${where}: demo accounts and requests ready (see README; NODE_ENV=production or DEMO_ACCOUNTS=off skips them)`);
    }
  } finally {
    await db.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`[db] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
