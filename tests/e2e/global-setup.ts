import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe";
import { E2E_STRIPE_ENV, stateFilePath, type ServerState } from "./server-state";

// Builds the app (unless E2E_SKIP_BUILD=1), sets up a fresh database and starts `next start`.

const ROOT = path.resolve(__dirname, "../..");
const PREFERRED_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The environment of the app's processes: Jest's NODE_ENV=test must not reach `next`. */
function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => name !== "NODE_ENV" && name !== "JEST_WORKER_ID");
  return { ...Object.fromEntries(inherited), ...extra } as NodeJS.ProcessEnv;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  console.log(`\n[e2e] ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`[e2e] ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  console.log(`[e2e] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (let port = PREFERRED_PORT; port < PREFERRED_PORT + 20; port++) {
    if (await portIsFree(port)) return port;
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "0.0.0.0", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GET /api/health on the platform host; resolves to the status code, or null if unreachable. */
function health(port: number): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/health", headers: { host: `localhost:${port}` }, timeout: 5_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

export default async function globalSetup() {
  const started = Date.now();
  const resultsDir = path.join(ROOT, "test-results");
  mkdirSync(path.join(resultsDir, "screenshots"), { recursive: true });

  if (process.env.E2E_SKIP_BUILD !== "1") run("npm", ["run", "build"], appEnv({}));

  const pgliteDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), "ailaqa-e2e-pglite-"));
  const port = await freePort();
  // Stripe's API is a local stand-in (the browser tests never leave the machine); globalTeardown closes it.
  const stripe = await startFakeStripe();
  (globalThis as { fakeStripe?: FakeStripe }).fakeStripe = stripe;
  const env = appEnv({ PORT: String(port), ...(pgliteDir ? { PGLITE_DIR: pgliteDir } : {}), ...E2E_STRIPE_ENV, STRIPE_API_PORT: String(stripe.port) });

  try {
    run("npm", ["run", "db:setup"], env);
  } catch (error) {
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    throw error;
  }

  const logFile = path.join(resultsDir, "e2e-server.log");
  const log = openSync(logFile, "w");
  // Its own process group, so teardown stops `next start` and any worker it forks.
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  child.unref();
  let exited: string | null = null;
  child.once("exit", (code, signal) => (exited = `exit ${code ?? signal}`));

  const state: ServerState = { port, pid: child.pid!, pgliteDir, logFile, stripePort: stripe.port };
  const stateFile = path.join(os.tmpdir(), `ailaqa-e2e-${process.pid}.json`);
  writeFileSync(stateFile, JSON.stringify(state));
  process.env.E2E_STATE_FILE = stateFile;
  if (stateFilePath() !== stateFile) throw new Error("E2E_STATE_FILE not set");

  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await health(port);
    if (res?.status === 200 && JSON.parse(res.body).status === "ok") break;
    if (exited || Date.now() > deadline) {
      // Jest skips globalTeardown when globalSetup fails: clean up here.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already stopped
      }
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
      rmSync(stateFile, { force: true });
      await stripe.close();
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
      throw new Error(`[e2e] next start on port ${port} ${exited ? `stopped (${exited})` : "did not become healthy in 90 s"}:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`[e2e] next start (pid ${child.pid}) healthy on port ${port}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
