import type { Db } from "../db/client";
import { loggable } from "../errors";
import { runRetention } from "../pdpl/retention";
import { runBillingGrace } from "./billing-grace";
import { runDigest } from "./digest";
import { runEscalation } from "./escalate";
import { riyadhDate } from "./shared";

// Schedules the jobs. On PostgreSQL pg-boss keeps the schedule in the database (schema
// "pgboss"): cron in Riyadh time, one worker per queue, safe with several servers. On the
// embedded database (one process) a one-minute timer does the same; both are restart-safe
// because what already ran is in the database (JobRun for the digest, escalatedAt per request,
// the plan itself for the end of a billing grace, JobRun and anonymisedAt for PDPL retention).

export const QUEUES = { digest: "requests-digest", escalate: "requests-escalate", grace: "billing-grace", retention: "pdpl-retention" } as const;
const DIGEST_HOUR = 7; // 07:00 Riyadh
const GRACE_HOUR = 3; // 03:00 Riyadh, before the working day
const RETENTION_HOUR = 2; // 02:00 Riyadh, a quiet hour
const ESCALATE_EVERY_MIN = 15;
const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;

type Log = (message: string) => void;
const log: Log = (message) => console.log(`[jobs] ${message}`);
const logError = (what: string, error: unknown) => console.error(`[jobs] ${what} failed:`, loggable(error));

/** Never inside jest (tests call the jobs directly) nor when switched off with JOBS=off. */
export const jobsEnabled = (env: Record<string, string | undefined> = process.env) => env.JOBS !== "off" && !env.JEST_WORKER_ID;

const state = globalThis as unknown as { __ailaqaJobs?: { stop(): Promise<void> } };

export async function startJobs(getDb: () => Promise<Db>) {
  if (!jobsEnabled() || state.__ailaqaJobs) return;
  const url = process.env.DATABASE_URL;
  state.__ailaqaJobs = url ? await startPgBoss(url, getDb) : startInProcess(getDb);
}

/** pg-boss on PostgreSQL: the digest daily at 07:00, the billing grace at 03:00, PDPL retention
 * at 02:00 and escalation every 15 minutes, Riyadh time. */
export async function startPgBoss(connectionString: string, getDb: () => Promise<Db>) {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString, schema: "pgboss" });
  boss.on("error", (error) => logError("pg-boss", error));
  await boss.start();
  const jobs: { name: string; cron: string; run: () => Promise<unknown> }[] = [
    { name: QUEUES.digest, cron: `0 ${DIGEST_HOUR} * * *`, run: async () => runDigest(await getDb()) },
    { name: QUEUES.escalate, cron: `*/${ESCALATE_EVERY_MIN} * * * *`, run: async () => runEscalation(await getDb()) },
    { name: QUEUES.grace, cron: `0 ${GRACE_HOUR} * * *`, run: async () => runBillingGrace(await getDb()) },
    { name: QUEUES.retention, cron: `0 ${RETENTION_HOUR} * * *`, run: async () => runRetention(await getDb()) },
  ];
  for (const { name, cron, run } of jobs) {
    await boss.createQueue(name);
    await boss.schedule(name, cron, {}, { tz: "Asia/Riyadh" });
    await boss.work(name, async () => log(`${name}: ${JSON.stringify(await run())}`));
  }
  log("scheduled with pg-boss");
  return { boss, stop: () => boss.stop({ graceful: true }) };
}

/** What the in-process runner remembers between minutes: when it last escalated, and the Riyadh
 * days whose digest and billing grace are done (sent now, or found already claimed after a restart). */
export type TickState = { lastEscalation: number | null; digestDay: string | null; graceDay?: string | null; retentionDay?: string | null };

/** What the in-process runner does at one minute: exported so its decisions can be tested. Most
 * minutes touch no database: escalation waits 15 minutes, the digest 07:00, the billing grace
 * 03:00 and PDPL retention 02:00, each then the next day. */
export async function tick(db: Db, now: Date, memory: TickState): Promise<{ escalated: boolean; digest: boolean }> {
  let escalated = false;
  if (memory.lastEscalation === null || now.getTime() - memory.lastEscalation >= ESCALATE_EVERY_MIN * 60_000) {
    await runEscalation(db, now);
    memory.lastEscalation = now.getTime();
    escalated = true;
  }
  const riyadhHour = new Date(now.getTime() + RIYADH_OFFSET_MS).getUTCHours();
  const today = riyadhDate(now);
  let digest = false;
  if (riyadhHour >= DIGEST_HOUR && memory.digestDay !== today) {
    digest = (await runDigest(db, now)).ran; // false when the day was already claimed
    memory.digestDay = today;
  }
  // The grace job is idempotent by itself (a downgraded row is Free); the day only spares queries.
  if (riyadhHour >= GRACE_HOUR && memory.graceDay !== today) {
    await runBillingGrace(db, now);
    memory.graceDay = today;
  }
  // Retention claims its day in JobRun: after a restart it finds the day done and does nothing.
  if (riyadhHour >= RETENTION_HOUR && memory.retentionDay !== today) {
    await runRetention(db, now);
    memory.retentionDay = today;
  }
  return { escalated, digest };
}

/** The embedded database's runner: a timer each minute that never keeps the process alive. */
export function startInProcess(getDb: () => Promise<Db>) {
  const memory: TickState = { lastEscalation: null, digestDay: null, graceDay: null, retentionDay: null };
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await tick(await getDb(), new Date(), memory);
    } catch (error) {
      logError("round", error);
    } finally {
      running = false;
    }
  }, 60_000);
  timer.unref();
  log("scheduled in process");
  return { stop: async () => clearInterval(timer) };
}
