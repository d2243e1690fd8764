// PostgreSQL restarted under load: does every submission either succeed exactly once or fail
// clearly, and does the app recover by itself? Not a timed test: it prints figures.
//
//   npm run bench:restart   (root on a machine whose PostgreSQL cluster it may restart;
//                            builds unless BENCH_SKIP_BUILD=1)
//
// Starts `next start` on a fresh database, then offers intake submissions (as a browser with
// JavaScript sends them) at RESTART_RATE per second, twice the ~66/s one node served in
// `npm run bench`, for RESTART_SECONDS, with at most RESTART_IN_FLIGHT waiting at once. At a
// third of the run it restarts the cluster (`pg_ctlcluster <version> main restart`). Then:
//   - every reference a 2xx response showed is stored exactly once (rows lost = shown, not stored);
//   - every other answer is the localized "busy, send again" message (errors.UNAVAILABLE) or a
//     503 with Retry-After: never a 500 or an unexpected error;
//   - submissions succeed again after the restart, from the same server process.
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { actionBody, intakeFields, readForm, request, run, waitFor } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3910);
const RATE = Number(process.env.RESTART_RATE ?? 132);
const SECONDS = Number(process.env.RESTART_SECONDS ?? 60);
const MAX_IN_FLIGHT = Number(process.env.RESTART_IN_FLIGHT ?? 200);
const ADMIN_URL = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HOST = `alhilah.localhost:${PORT}`;
/** The name every submission of this run carries, to count them afterwards. */
const APPLICANT = "مستفيد اختبار إعادة التشغيل";

type Answer = { at: number; status: number; reference?: string; unavailable: boolean; retryAfter?: string; other?: string };

/** Restarts the cluster without blocking this process (the load goes on meanwhile). */
function restartCluster(): Promise<number> {
  const version = readdirSync("/etc/postgresql")[0];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`pg_ctlcluster restart: exit ${code}`))));
  });
}

async function main() {
  const dbName = `bench_restart_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), PORT: String(PORT), OUTBOX_WORKER: "off", JOBS: "off", NODE_ENV: "production", DEMO_ACCOUNTS: "off" };
  const server = (() => {
    if (process.env.BENCH_SKIP_BUILD !== "1") run("npx", ["next", "build"], env);
    run("npm", ["run", "db:setup"], env);
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    const log = openSync(path.join(ROOT, "test-results/bench-restart-server.log"), "w");
    return spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], { cwd: ROOT, env, stdio: ["ignore", log, log], detached: true });
  })();
  try {
    await waitFor("/api/health", `localhost:${PORT}`, PORT);
    const form = await readForm(HOST, PORT);
    const boundary = "----restartbench";
    let n = 0;
    const submit = async (): Promise<Answer> => {
      const fields = intakeFields(500_000 + ++n, form, APPLICANT);
      const body = actionBody(fields, boundary);
      const headers = {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        "next-action": form.actionId,
        accept: "text/x-component",
      };
      const at = performance.now();
      try {
        const reply = await request("/request", HOST, { method: "POST", headers, body, port: PORT });
        const reference = reply.body.match(/"reference":"([^"]+)"/)?.[1];
        const unavailable = reply.body.includes("errors.UNAVAILABLE");
        const other = reference || unavailable ? undefined : (reply.body.match(/"error":"([^"]+)"/)?.[1] ?? reply.body.slice(0, 120));
        return { at, status: reply.status, reference, unavailable, retryAfter: reply.headers["retry-after"] as string | undefined, other };
      } catch (error) {
        return { at, status: 0, unavailable: false, other: `socket: ${(error as Error).message}` };
      }
    };

    // Warm up (compile paths, fill the pool).
    for (let i = 0; i < 10; i++) if (!(await submit()).reference) throw new Error("warm-up submission failed");

    const answers: Answer[] = [];
    let inFlight = 0;
    let offered = 0;
    let shed = 0;
    const start = performance.now();
    let restartAt = 0;
    let restartMs = 0;
    const pending: Promise<void>[] = [];
    const restart = new Promise<void>((resolve, reject) =>
      setTimeout(async () => {
        restartAt = performance.now() - start;
        console.log(`\n[restart] pg_ctlcluster restart at ${(restartAt / 1000).toFixed(1)} s`);
        try {
          restartMs = await restartCluster();
        } catch (error) {
          return reject(error);
        }
        console.log(`[restart] PostgreSQL back after ${(restartMs / 1000).toFixed(1)} s`);
        resolve();
      }, (SECONDS * 1000) / 3),
    );
    // Open loop: one submission every 1/RATE s, whatever the server's pace.
    while (performance.now() - start < SECONDS * 1000) {
      offered++;
      if (inFlight >= MAX_IN_FLIGHT) shed++;
      else {
        inFlight++;
        pending.push(submit().then((answer) => void answers.push({ ...answer, at: answer.at - start }), () => undefined).finally(() => inFlight--));
      }
      const due = start + (offered * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    }
    await restart;
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 2000));

    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    const stored = new Map<string, number>();
    for (const row of (await db.query(`SELECT reference FROM "SupportRequest" WHERE "applicantName" = $1`, [APPLICANT])).rows) {
      stored.set(row.reference, (stored.get(row.reference) ?? 0) + 1);
    }
    await db.end();

    const shown = answers.filter((a) => a.status >= 200 && a.status < 300 && a.reference).map((a) => a.reference!);
    const lost = shown.filter((ref) => !stored.has(ref));
    const duplicated = [...stored.values()].filter((count) => count > 1).length;
    const unshownRows = [...stored.keys()].filter((ref) => !shown.includes(ref)).length - 10; // minus the warm-up
    const busy = answers.filter((a) => a.unavailable);
    const with503 = answers.filter((a) => a.status === 503);
    const others = answers.filter((a) => !a.reference && !a.unavailable && a.status !== 503);
    const after = answers.filter((a) => a.at > restartAt + restartMs + 5000);
    const recovered = after.length > 0 && after.filter((a) => a.reference).length / after.length;
    const statuses = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    const health = await request("/api/health", `localhost:${PORT}`, { port: PORT });

    console.log(`\nPostgreSQL restart under load: ${RATE}/s offered for ${SECONDS} s, at most ${MAX_IN_FLIGHT} waiting`);
    console.log(`  offered ${offered}, sent ${answers.length}, held back by the client (too many waiting) ${shed}`);
    console.log(`  HTTP statuses: ${JSON.stringify(statuses)}`);
    console.log(`  succeeded (reference shown): ${shown.length}; stored exactly once: ${shown.length - lost.length}; rows lost: ${lost.length}; references stored twice: ${duplicated}`);
    console.log(`  rows stored without a reference shown (answer lost in the restart): ${Math.max(0, unshownRows)}`);
    console.log(`  "busy, send again" answers (errors.UNAVAILABLE): ${busy.length}; 503 with Retry-After: ${with503.filter((a) => a.retryAfter).length} of ${with503.length}`);
    console.log(`  any other answer: ${others.length}${others.length ? ` (${[...new Set(others.map((a) => `${a.status} ${a.other}`))].slice(0, 5).join(" | ")})` : ""}`);
    console.log(`  after the restart (+5 s): ${after.length} answers, ${recovered === false ? "none" : `${(recovered * 100).toFixed(1)} % succeeded`}; /api/health ${health.status}`);
    // Successes per 5 s window (by when the submission was sent): the load before, during and after the restart.
    const windows = Array.from({ length: Math.ceil(SECONDS / 5) }, (_, i) => answers.filter((a) => a.reference && a.at >= i * 5000 && a.at < (i + 1) * 5000).length);
    console.log(`  succeeded per 5 s window: ${windows.join(" ")} (restart at ${(restartAt / 1000).toFixed(0)} s)`);
    const ok = lost.length === 0 && duplicated === 0 && others.length === 0 && recovered !== false && recovered > 0.95 && health.status === 200;
    console.log(ok ? "\nOK" : "\nFAILED");
    process.exitCode = ok ? 0 : 1;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    const cleanup = new Client({ connectionString: ADMIN_URL });
    await cleanup.connect().catch(() => undefined);
    await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await cleanup.end().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
