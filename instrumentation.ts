// Runs once when a server starts: the outbox worker delivers queued e-mails (when SMTP_URL is
// set) and SMS in the background of every app server (OUTBOX_WORKER=off stops it); the
// scheduled jobs (digest, escalation) run through lib/jobs/runner.ts (JOBS=off stops them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.OUTBOX_WORKER !== "off") {
    const { startOutboxWorker } = await import("./lib/notify/worker");
    startOutboxWorker();
  }
  if (process.env.JOBS !== "off") {
    const [{ startJobs }, { getDb }, { loggable }] = await Promise.all([import("./lib/jobs/runner"), import("./lib/db"), import("./lib/errors")]);
    startJobs(getDb).catch((error) => console.error("[jobs] could not start:", loggable(error)));
  }
}
