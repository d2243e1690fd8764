// The million-request scale test on PostgreSQL (not a timed test: it prints figures and writes
// them as JSON to test-results/bench-scale.json).
//
//   npm run bench:scale        (needs PostgreSQL; BENCH_PG is its admin URL,
//                               default postgresql://postgres@127.0.0.1:5432/postgres)
//
// 1. Creates the database BENCH_DB (default bench_scale; dropped first if present, kept at the
//    end for inspection unless BENCH_DROP=1), migrates it with the app's runner and seeds it
//    with the normal seed (the two demo associations, their accounts, requests and surveys).
// 2. Generates SCALE_ASSOCIATIONS (1,000) associations × SCALE_REQUESTS (1,000) requests
//    submitted over SCALE_DAYS (90) days, with their steps, events, votes and invitations, and
//    SCALE_RESPONSES (1,000,000) survey responses over 12 months (scale-generate.ts), then
//    VACUUM ANALYZE. SCALE_REUSE=1 keeps an existing generated database (migrating it).
// 3. Times the staff pages' reads through the service functions on BENCH_SAMPLE (20)
//    associations, BENCH_ITERATIONS (5) passes after a warm-up: p50/p95/max against the targets
//    (staff list and request page p95 < 30 ms, survey dashboard < 300 ms).
//    SCALE_ASSOCIATIONS=10 SCALE_REQUESTS=100000 puts the same million requests in a few large
//    associations instead (the targets are for the default shape).
// 4. EXPLAINs every query those reads send; exits non-zero when one scans SupportRequest,
//    RequestStep, RequestEvent or SurveyResponse sequentially.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { seed, seedDemoAccounts } from "../../lib/db/seed";
import { seedDemoRequests } from "../../lib/db/seed-requests";
import { seedDemoSurveys } from "../../lib/db/seed-surveys";
import { SEED_ASSOCIATIONS } from "../../prisma/seed";
import { generate, rowCounts, type ScaleSizes } from "./scale-generate";
import { describe, explain, samples, time, type QueryPlan, type Timing } from "./scale-measure";

const ROOT = path.resolve(__dirname, "../..");
const ADMIN_URL = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_DB ?? "bench_scale";
const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const SIZES: ScaleSizes = {
  associations: int("SCALE_ASSOCIATIONS", 1000),
  requestsPerAssociation: int("SCALE_REQUESTS", 1000),
  responses: int("SCALE_RESPONSES", 1_000_000),
  days: int("SCALE_DAYS", 90),
};
const SAMPLE = int("BENCH_SAMPLE", 20);
const ITERATIONS = int("BENCH_ITERATIONS", 5);
const REUSE = process.env.SCALE_REUSE === "1";

if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error("BENCH_DB must be a plain lower-case name");

const started = performance.now();
const elapsed = (from = started) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[scale ${elapsed()}] ${message}`);

function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

const admin = <T>(run: (client: pg.Client) => Promise<T>) => withClient(ADMIN_URL, run);

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function prepare(url: string): Promise<{ seconds: number; steps: { label: string; seconds: number }[] } | null> {
  const exists = await admin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])).rowCount === 1);
  const db = await openDatabase({ kind: "postgres", url: REUSE && exists ? url : (await recreate(), url) });
  try {
    const session = await db.session();
    try {
      const applied = await migrate(session);
      log(`migrated (${applied.length ? applied.join(", ") : "up to date"})`);
    } finally {
      await session.release();
    }
    if (REUSE && exists) {
      log(`reusing ${DB_NAME} (SCALE_REUSE=1): no generation`);
      return null;
    }
    await seed(db.prisma);
    await seedDemoAccounts(db.prisma);
    const slugs = SEED_ASSOCIATIONS.map((a) => a.slug);
    await seedDemoRequests(db.prisma, slugs);
    await seedDemoSurveys(db.prisma, slugs);
    log("seeded the demo associations");
  } finally {
    await db.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const genStart = performance.now();
  const steps: { label: string; seconds: number }[] = [];
  try {
    await generate(client, SIZES, new Date(), async (label, run) => {
      const t = performance.now();
      await run();
      const seconds = (performance.now() - t) / 1000;
      steps.push({ label, seconds });
      log(`${label}: ${seconds.toFixed(1)} s`);
    });
    const t = performance.now();
    await client.query("VACUUM ANALYZE");
    steps.push({ label: "VACUUM ANALYZE", seconds: (performance.now() - t) / 1000 });
    log(`VACUUM ANALYZE: ${elapsed(t)}`);
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - genStart) / 1000, steps };

  async function recreate() {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DB_NAME}`);
    });
    log(`created database ${DB_NAME}`);
  }
}

const ms = (value: number) => value.toFixed(1).padStart(7);

function printTimings(rows: Timing[]) {
  console.log("\nmeasurement                              n     p50 ms  p95 ms  max ms  target   result");
  for (const r of rows) {
    const verdict = r.pass === null ? "—" : r.pass ? "PASS" : "MISS";
    const target = r.target === null ? "—" : `<${r.target}`;
    console.log(`${r.name.padEnd(40)} ${String(r.n).padStart(4)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}  ${target.padEnd(7)}  ${verdict}`);
  }
}

/** Each query once: a page's common reads (membership, policy, attestation) show under the
 * first measurement that sends them (same SQL, same parameters), and later ones count them. */
function printPlans(plans: QueryPlan[]) {
  console.log("\nEXPLAIN (ANALYZE, BUFFERS) of every query the measured reads send, for one association:");
  const shown = new Set<string>();
  const key = (p: QueryPlan) => `${p.sql}\u0000${JSON.stringify(p.params)}`;
  const measurements = [...new Set(plans.map((p) => p.measurement))];
  for (const measurement of measurements) {
    const own = plans.filter((p) => p.measurement === measurement);
    const fresh = own.filter((p) => !shown.has(key(p)) || p.bigSeqScans.length > 0);
    console.log(`\n${measurement}${fresh.length < own.length ? ` (${own.length - fresh.length} more as shown above)` : ""}`);
    for (const p of fresh) {
      shown.add(key(p));
      const flag = p.bigSeqScans.length ? `SEQ SCAN ${p.bigSeqScans.join(", ")}` : "ok";
      const sql = p.sql.replace(/\s+/g, " ").replace(/"public"\./g, "").trim();
      console.log(`  [${flag}] ${p.executionMs.toFixed(2)} ms  ${sql.slice(0, 110)}${sql.length > 110 ? "…" : ""}`);
      console.log(`      ${describe(p.nodes).join("; ") || "(no table)"}`);
    }
  }
}

async function main() {
  const url = databaseUrl(DB_NAME);
  log(`sizes: ${SIZES.associations} associations × ${SIZES.requestsPerAssociation} requests over ${SIZES.days} days, ${SIZES.responses} survey responses`);
  const generation = await prepare(url);
  const counts = await withClient(url, rowCounts);
  if (generation) log(`generation: ${generation.seconds.toFixed(1)} s`);
  console.log("\nrows: " + Object.entries(counts.rows).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", "));
  console.log("requests by status: " + Object.entries(counts.statuses).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", "));
  console.log(`overdue now: ${counts.overdue.toLocaleString("en")}`);

  const db = await openDatabase({ kind: "postgres", url });
  let timings: Timing[];
  let sampled;
  try {
    sampled = await samples(db.prisma, SAMPLE, ITERATIONS + 1);
    const t = performance.now();
    timings = await time(db.prisma, sampled, ITERATIONS);
    log(`measured ${sampled.length} associations × ${ITERATIONS} passes in ${elapsed(t)}`);
  } finally {
    await db.close();
  }
  printTimings(timings);

  const plans = await explain(url, sampled[0]);
  printPlans(plans);
  const seqScans = plans.filter((p) => p.bigSeqScans.length > 0);

  const output = path.join(ROOT, "test-results", "bench-scale.json");
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(
    output,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        database: DB_NAME,
        sizes: SIZES,
        sample: { associations: sampled.length, iterations: ITERATIONS },
        generation,
        rows: counts.rows,
        statuses: counts.statuses,
        overdueNow: counts.overdue,
        timings,
        plans: plans.map((p) => ({ ...p, uses: describe(p.nodes) })),
        seqScansOnBigTables: seqScans.length,
        totalSeconds: (performance.now() - started) / 1000,
      },
      null,
      2,
    ),
  );
  log(`figures written to ${path.relative(ROOT, output)}`);

  if (process.env.BENCH_DROP === "1") {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
    log(`dropped ${DB_NAME} (BENCH_DROP=1)`);
  } else {
    log(`kept ${DB_NAME} for inspection (BENCH_DROP=1 drops it)`);
  }
  const misses = timings.filter((t) => t.pass === false).map((t) => t.name);
  if (misses.length) console.log(`\nMISSED targets: ${misses.join("; ")}`);
  if (seqScans.length) {
    console.error(`\nFAIL: ${seqScans.length} measured quer${seqScans.length === 1 ? "y scans" : "ies scan"} a big table sequentially (see above).`);
    process.exitCode = 1;
  }
  log("done");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
