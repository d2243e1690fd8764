import { getDb } from "../db";
import { loggable } from "../errors";
import { deliverDue } from "./deliver";
import { transportsFromEnv } from "./transports";

// Runs in each app server (started from instrumentation.ts). SKIP LOCKED makes several servers
// safe together; issue 5's job queue may take this over.

const INTERVAL_MS = Number(process.env.OUTBOX_INTERVAL_MS ?? 5_000);
const state = globalThis as unknown as { __ailaqaOutbox?: NodeJS.Timeout };

export function startOutboxWorker() {
  if (state.__ailaqaOutbox) return;
  const transports = transportsFromEnv();
  let running = false;
  state.__ailaqaOutbox = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(await getDb(), transports);
    } catch (error) {
      console.error("[outbox] delivery round failed:", loggable(error));
    } finally {
      running = false;
    }
  }, INTERVAL_MS);
  state.__ailaqaOutbox.unref();
}
