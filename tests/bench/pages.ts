// The public pages' speed against the limit, on PostgreSQL, over HTTP against the production
// server, in one run (not a timed test: it prints figures and writes them as JSON).
//
//   npm run bench        (needs PostgreSQL on 127.0.0.1:5432; builds unless BENCH_SKIP_BUILD=1)
//
// 1. Creates a fresh database, migrates and seeds it, starts `next start` with the outbox and
//    job workers off.
// 2. Page weight: the JavaScript files the intake page (/request) loads first, gzipped.
// 3. GET throughput, BENCH_SECONDS each with BENCH_CONNECTIONS connections: a static page
//    (/pricing, built once: the limit), then Al-Hilah's home, policy document, intake form
//    and tracking form, each as a ratio to the static page.
// 4. Intake submission with BENCH_POST_CONNECTIONS connections, twice: as a browser with
//    JavaScript posts it (the server action's arguments; RSC reply) and as one without (the
//    form's multipart post with the action's hidden fields; the page renders again). Every
//    submission has its own valid national ID, mobile number and client address, so none is a
//    duplicate or rate limited. Afterwards every reference that a 2xx response showed must be
//    stored exactly once; other new rows can only be submissions in flight at the stop.
// 5. Embedded start: `npm run serve` on a new PGlite directory (migrate + seed) and again on the
//    same directory, timed from the command to the first 200 of a tenant home page.
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { gzipSync } from "node:zlib";
import { actionBody, intakeFields, multipart, readForm, request, run, waitFor } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const POST_CONNECTIONS = Number(process.env.BENCH_POST_CONNECTIONS ?? 20);
const ADMIN_URL = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HOST = `alhilah.localhost:${PORT}`;

type Load = { requestsPerSecond: number; p50: number; p99: number; max: number; requests: number; non2xx: number; errors: number };

function load(result: autocannon.Result): Load {
  const { requests, latency, non2xx, errors } = result;
  return { requestsPerSecond: requests.average, p50: latency.p50, p99: latency.p99, max: latency.max, requests: requests.total, non2xx, errors };
}

/** The gzipped size of every script the page's HTML loads (not the legacy noModule one). */
async function firstLoadJs(pathname: string, host: string) {
  const html = (await request(pathname, host, { port: PORT })).body;
  const sources = [...new Set([...html.matchAll(/<script src="([^"]+)"(?![^>]*noModule)/g)].map(([, src]) => src))];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const src of sources) {
    const file = await request(src, host, { port: PORT });
    if (file.status !== 200) throw new Error(`${src}: HTTP ${file.status}`);
    sizes.set(src, { raw: Buffer.byteLength(file.body), gzip: gzipSync(file.body).length });
  }
  const kb = (pick: (size: { raw: number; gzip: number }) => number, only = sources) => only.reduce((sum, src) => sum + pick(sizes.get(src)!), 0) / 1024;
  return { sources, files: sources.length, rawKb: kb((s) => s.raw), gzipKb: kb((s) => s.gzip), gzipKbOf: (only: string[]) => kb((s) => s.gzip, only) };
}

const PAGES = [
  { name: "static page (/pricing)", host: `localhost:${PORT}`, path: "/pricing" },
  { name: "tenant home (/)", host: HOST, path: "/" },
  { name: "policy document (/policy/print)", host: HOST, path: "/policy/print" },
  { name: "intake form (/request)", host: HOST, path: "/request" },
  { name: "tracking (/track)", host: HOST, path: "/track" },
];

async function measureGet(page: (typeof PAGES)[number]) {
  for (let i = 0; i < 20; i++) {
    const response = await request(page.path, page.host, { port: PORT });
    if (response.status !== 200) throw new Error(`${page.host}${page.path}: HTTP ${response.status}`);
  }
  const cache = (await request(page.path, page.host, { port: PORT })).headers["x-nextjs-cache"] ?? "none";
  const result = await autocannon({ url: `http://127.0.0.1:${PORT}${page.path}`, connections: CONNECTIONS, duration: SECONDS, headers: { host: page.host } });
  return { ...page, cache, ...load(result) };
}

/** How a browser submits the form: with JavaScript, React posts the server action's arguments
 * (the previous state, then the form's fields under the prefix `_1_`) and gets its result back
 * as RSC; without it, the form posts to the page, which renders again as HTML. */
type Mode = "javascript" | "html";

let applicants = 0;

async function measureIntake(db: Client, form: Awaited<ReturnType<typeof readForm>>, mode: Mode) {
  const boundary = "----bench7f3a";
  const body = () => {
    const fields = intakeFields(++applicants, form, `مستفيد تجريبي ${applicants}`);
    if (mode === "html") return multipart([...form.hidden, ...fields], boundary);
    return actionBody(fields, boundary);
  };
  const headers = (ip: number) => ({
    host: HOST,
    "content-type": `multipart/form-data; boundary=${boundary}`,
    "x-forwarded-for": `10.${mode === "html" ? 128 + ((ip >> 16) & 127) : (ip >> 16) & 127}.${(ip >> 8) & 255}.${ip & 255}`,
    ...(mode === "javascript" ? { "next-action": form.actionId, accept: "text/x-component" } : {}),
  });
  const reference = (text: string) => (mode === "html" ? text.match(/data-testid="reference">([^<]+)</) : text.match(/"reference":"([^"]+)"/))?.[1];

  const before = Number((await db.query(`SELECT count(*) FROM "SupportRequest"`)).rows[0].count);
  const shown: string[] = [];
  let ip = 0;
  // Warm up: compile paths and fill the connection pool.
  for (let i = 0; i < 20; i++) {
    const response = await request("/request", HOST, { method: "POST", headers: headers(++ip), body: body(), port: PORT });
    const ref = reference(response.body);
    if (response.status !== 200 || !ref) throw new Error(`warm-up submission (${mode}) failed: HTTP ${response.status} ${response.body.slice(0, 300)}`);
    shown.push(ref);
  }

  let okWithoutReference = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/request`,
    connections: POST_CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({ ...req, headers: headers(++ip), body: body() }),
        onResponse: (status, responseBody) => {
          if (status < 200 || status >= 300) return;
          const ref = reference(responseBody);
          if (ref) shown.push(ref);
          else okWithoutReference++;
        },
      },
    ],
  });

  await new Promise((r) => setTimeout(r, 2000)); // let the submissions in flight at the stop commit
  // Exactly once: each reference shown to an applicant is stored once. Rows beyond them can only
  // be submissions still in flight when the load stopped (their responses were not read).
  const stored = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "SupportRequest" WHERE reference = ANY($1) GROUP BY reference`, [shown]);
  const rowsAdded = Number((await db.query(`SELECT count(*) FROM "SupportRequest"`)).rows[0].count) - before;
  const storedOnce = stored.rows.filter((row) => Number(row.n) === 1).length;
  const inFlight = rowsAdded - shown.length;
  return {
    mode,
    connections: POST_CONNECTIONS,
    ...load(result),
    referencesShown: shown.length,
    okWithoutReference,
    storedOnce,
    missing: shown.length - stored.rows.length,
    inFlightAtStop: inFlight,
    exactlyOnce: okWithoutReference === 0 && storedOnce === shown.length && inFlight >= 0 && inFlight <= POST_CONNECTIONS,
  };
}

/** `npm run serve` on the embedded database in `dir`: milliseconds to the first tenant page. */
async function embeddedStart(dir: string, port: number) {
  // As a user starts it: no DATABASE_URL (the embedded database), npm's own NODE_ENV.
  const inherited = Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL" && name !== "NODE_ENV");
  const env = Object.fromEntries([...inherited, ["PGLITE_DIR", dir], ["PORT", String(port)], ["OUTBOX_WORKER", "off"], ["JOBS", "off"]]) as NodeJS.ProcessEnv;
  const started = performance.now();
  const server = spawn("npm", ["run", "serve", "--", "-p", String(port)], { cwd: ROOT, env, stdio: "ignore", detached: true });
  try {
    await waitFor("/", `qader.localhost:${port}`, port);
    return performance.now() - started;
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  const dbName = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), PORT: String(PORT), OUTBOX_WORKER: "off", JOBS: "off", NODE_ENV: "production", DEMO_ACCOUNTS: "off" };
  let server: ReturnType<typeof spawn> | null = null;
  const db = new Client({ connectionString: url.toString() });
  try {
    if (process.env.BENCH_SKIP_BUILD !== "1") run("npx", ["next", "build"], env);
    run("npm", ["run", "db:setup"], env);
    server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], { cwd: ROOT, env, stdio: "ignore", detached: true });
    await waitFor("/api/health", `localhost:${PORT}`, PORT);
    await db.connect();

    const weight = await firstLoadJs("/request", HOST);
    // The static page's scripts are what any page of this build loads: React, Next's router.
    const floor = await firstLoadJs("/pricing", `localhost:${PORT}`);
    const ownKb = weight.gzipKbOf(weight.sources.filter((src) => !floor.sources.includes(src)));
    console.log(`\nintake page first-load JavaScript: ${weight.files} files, ${weight.rawKb.toFixed(1)} KB, ${weight.gzipKb.toFixed(1)} KB gzip (target < 120 KB)`);
    console.log(`  of which ${(weight.gzipKb - ownKb).toFixed(1)} KB gzip are files the static page loads too (it loads ${floor.gzipKb.toFixed(1)} KB in all), ${ownKb.toFixed(1)} KB the intake page's own`);

    console.log(`\nGET, ${CONNECTIONS} connections, ${SECONDS} s each (PostgreSQL, Al-Hilah)`);
    const pages: Awaited<ReturnType<typeof measureGet>>[] = [];
    for (const page of PAGES) {
      const figures = await measureGet(page);
      pages.push(figures);
      const ratio = figures.requestsPerSecond / pages[0].requestsPerSecond;
      console.log(
        `  ${page.name.padEnd(34)} ${figures.requestsPerSecond.toFixed(0).padStart(6)} req/s · p50 ${figures.p50} ms · p99 ${figures.p99} ms · ${ratio.toFixed(2)}× static · cache ${figures.cache}` +
          (figures.non2xx || figures.errors ? ` · ${figures.non2xx} not 2xx, ${figures.errors} errors` : ""),
      );
    }

    const form = await readForm(HOST, PORT);
    const intake = [];
    for (const mode of ["javascript", "html"] as const) {
      const figures = await measureIntake(db, form, mode);
      intake.push(figures);
      console.log(`\nintake submission (POST /request, ${mode === "javascript" ? "with JavaScript: server action, RSC reply" : "without JavaScript: form post, HTML page"}), ${POST_CONNECTIONS} connections, ${SECONDS} s`);
      console.log(`  ${figures.requestsPerSecond.toFixed(1)} req/s · p50 ${figures.p50} ms · p99 ${figures.p99} ms · max ${figures.max} ms (target p99 < 150 ms)`);
      console.log(
        `  ${figures.requests} responses, ${figures.non2xx} not 2xx, ${figures.errors} errors; ${figures.referencesShown} references shown (20 from warm-up): ${figures.storedOnce} stored exactly once, ${figures.missing} missing; ${figures.inFlightAtStop} more rows from submissions in flight at the stop: ${figures.exactlyOnce ? "exactly once" : "MISMATCH"}`,
      );
    }

    if (server.pid) process.kill(-server.pid, "SIGTERM");
    server = null;
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-pglite-"));
    const firstStart = await embeddedStart(dir, PORT + 1);
    const secondStart = await embeddedStart(dir, PORT + 1);
    rmSync(dir, { recursive: true, force: true });
    console.log(`\nembedded start (npm run serve, PGlite) to the first tenant page: ${(firstStart / 1000).toFixed(1)} s on a new database (migrate + seed), ${(secondStart / 1000).toFixed(1)} s on an existing one (target < 5 s)`);

    const figures = {
      measuredAt: new Date().toISOString(),
      engine: "postgresql",
      seconds: SECONDS,
      intakePageFirstLoadJs: { files: weight.files, rawKb: round(weight.rawKb), gzipKb: round(weight.gzipKb), ownGzipKb: round(ownKb), staticPageGzipKb: round(floor.gzipKb) },
      pages: pages.map((p) => ({ ...p, connections: CONNECTIONS, ratioToStatic: round((p.requestsPerSecond / pages[0].requestsPerSecond) * 100) / 100 })),
      intakeSubmission: intake,
      embeddedStartMs: { newDatabase: Math.round(firstStart), existingDatabase: Math.round(secondStart) },
    };
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "test-results/bench-pages.json"), JSON.stringify(figures, null, 2));
    console.log("\nfigures: test-results/bench-pages.json");
    if (intake.some((figures) => !figures.exactlyOnce)) process.exitCode = 1;
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
