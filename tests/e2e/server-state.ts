import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** What globalSetup hands to the tests and to globalTeardown. */
export type ServerState = {
  port: number;
  /** pid of `next start`, leader of its own process group. */
  pid: number;
  /** Temporary PGlite folder to remove at teardown; null when DATABASE_URL was used. */
  pgliteDir: string | null;
  logFile: string;
  /** Port of the local stand-in for Stripe's API (tests/helpers/fake-stripe.ts). */
  stripePort: number;
};

/** Billing configuration of the app under test: test keys, and prices the webhooks name. */
export const E2E_STRIPE_ENV = {
  STRIPE_SECRET_KEY: "sk_test_e2e",
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_secret",
  STRIPE_API_HOST: "127.0.0.1",
  STRIPE_API_PROTOCOL: "http",
  STRIPE_PRICE_STANDARD_MONTHLY: "price_standard_monthly",
  STRIPE_PRICE_STANDARD_YEARLY: "price_standard_yearly",
  STRIPE_PRICE_PLUS_MONTHLY: "price_plus_monthly",
  STRIPE_PRICE_PLUS_YEARLY: "price_plus_yearly",
} as const;

/** The state file of this Jest run (globalSetup exports its path; tests inherit the env). */
export function stateFilePath(): string {
  return process.env.E2E_STATE_FILE ?? path.join(os.tmpdir(), "ailaqa-e2e-server.json");
}

export function readServerState(): ServerState {
  return JSON.parse(readFileSync(stateFilePath(), "utf8")) as ServerState;
}
