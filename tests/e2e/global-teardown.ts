import { existsSync, rmSync } from "node:fs";
import type { FakeStripe } from "../helpers/fake-stripe";
import { readServerState, stateFilePath } from "./server-state";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the `next start` process group that globalSetup started and removes its temporary data. */
export default async function globalTeardown() {
  const file = stateFilePath();
  if (!existsSync(file)) return;
  const { pid, pgliteDir } = readServerState();
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (alive(-pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(-pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone in between
    }
  }
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  rmSync(file, { force: true });
  await (globalThis as { fakeStripe?: FakeStripe }).fakeStripe?.close();
}
