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
};

/** The state file of this Jest run (globalSetup exports its path; tests inherit the env). */
export function stateFilePath(): string {
  return process.env.E2E_STATE_FILE ?? path.join(os.tmpdir(), "ailaqa-e2e-server.json");
}

export function readServerState(): ServerState {
  return JSON.parse(readFileSync(stateFilePath(), "utf8")) as ServerState;
}
