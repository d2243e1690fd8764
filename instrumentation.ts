// Runs once when a server starts: the outbox worker delivers queued e-mails (when SMTP_URL is
// set) and SMS in the background of every app server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("./lib/notify/worker");
  startOutboxWorker();
}
