// Intake submission throughput and latency on PostgreSQL, measured over HTTP against the
// production server (not a timed test: it prints figures and writes them as JSON).
//
//   npm run bench:intake            (needs PostgreSQL on 127.0.0.1:5432; builds unless BENCH_SKIP_BUILD=1)
//
// It creates a fresh database, migrates and seeds it, starts `next start` with the outbox and
// job workers off, reads the public form /request of Al-Hilah, then autocannon posts the form
// as a browser without JavaScript does (multipart, with the server action's hidden fields) for
// BENCH_SECONDS with BENCH_CONNECTIONS connections. Every submission has its own valid
// national ID, mobile number and client address, so none is a duplicate or rate limited.
// Afterwards it counts the rows written and checks they match the successful responses.
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Client } from "pg";
import { withCheckDigit } from "../../lib/requests/identity";

const ROOT = path.resolve(__dirname, "../..");
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ADMIN_URL = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const HOST = `alhilah.localhost:${PORT}`;

/** The n-th valid national ID (1 + 8 digits + check digit) and mobile number. */
export function applicant(n: number) {
  const body = `1${String(n).padStart(8, "0")}`;
  return { idNumber: withCheckDigit(body), phone: `05${String(n).padStart(8, "0")}` };
}

/** Node's fetch drops a Host header, and the host names the association: plain http instead. */
function request(pathname: string, host: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, path: pathname, method: options.method ?? "GET", headers: { ...options.headers, host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function waitHealthy() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await request("/api/health", `localhost:${PORT}`)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy");
}

/** The form's hidden fields ($ACTION_*) and its support type and channel options. */
async function readForm() {
  const response = await request("/request", HOST);
  const html = response.body;
  const hidden = [...html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
    name,
    (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  ]);
  const option = (name: string) => html.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option[^>]*value="([^"]+)"`))?.[1];
  const supportType = option("supportTypeKey");
  const channel = option("channelKey");
  if (hidden.length === 0 || !supportType || !channel) throw new Error(`could not read the intake form (HTTP ${response.status}): ${html.slice(0, 300)}`);
  return { hidden, supportType, channel };
}

function multipart(fields: [string, string][], boundary: string) {
  return fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
}

async function main() {
  const dbName = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), PORT: String(PORT), OUTBOX_WORKER: "off", JOBS: "off", NODE_ENV: "production", DEMO_ACCOUNTS: "off" };
  let server: ReturnType<typeof spawn> | null = null;
  try {
    if (process.env.BENCH_SKIP_BUILD !== "1") run("npx", ["next", "build"], env);
    run("npm", ["run", "db:setup"], env);
    server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], { cwd: ROOT, env, stdio: "ignore", detached: true });
    await waitHealthy();
    const form = await readForm();

    let n = 0;
    const boundary = "----bench7f3a";
    const body = () => {
      const person = applicant(++n);
      return multipart(
        [
          ...(form.hidden as [string, string][]),
          ["applicantName", `مستفيد تجريبي ${n}`],
          ["idType", "NATIONAL_ID"],
          ["idNumber", person.idNumber],
          ["phone", person.phone],
          ["city", "الحلاه"],
          ["householdSize", "4"],
          ["supportTypeKey", form.supportType],
          ["channelKey", form.channel],
          ["description", "طلب مساعدة لقياس الأداء، نص وصفي كاف للتحقق."],
          ["privacyConsent", "on"],
          ["healthConsent", "on"],
          ["accuracyDeclaration", "on"],
          ["website", ""],
        ],
        boundary,
      );
    };
    // Warm up: compile paths and fill the connection pool.
    for (let i = 0; i < 20; i++) {
      await request("/request", HOST, {
        method: "POST",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "x-forwarded-for": `10.9.0.${i}` },
        body: body(),
      });
    }

    let ip = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}/request`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            ip++;
            return {
              ...req,
              headers: {
                host: HOST,
                "content-type": `multipart/form-data; boundary=${boundary}`,
                "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
              },
              body: body(),
            };
          },
        },
      ],
    });

    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    const rows = Number((await db.query(`SELECT count(*) FROM "SupportRequest"`)).rows[0].count);
    const references = Number((await db.query(`SELECT count(DISTINCT "reference") FROM "SupportRequest"`)).rows[0].count);
    await db.end();

    const figures = {
      measuredAt: new Date().toISOString(),
      engine: "postgresql",
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rowsWritten: rows,
      distinctReferences: references,
    };
    console.log(`\nintake submission (POST /request, Al-Hilah, PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s)`);
    console.log(`  ${figures.requestsPerSecond.toFixed(1)} req/s · p50 ${figures.latencyMs.p50} ms · p99 ${figures.latencyMs.p99} ms · max ${figures.latencyMs.max} ms`);
    console.log(`  ${figures.requests} responses, ${figures.non2xx} not 2xx, ${figures.errors} errors; ${rows} requests stored (${references} distinct references, 20 from warm-up)`);
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    writeFileSync(path.join(ROOT, "test-results/bench-intake.json"), JSON.stringify(figures, null, 2));
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
