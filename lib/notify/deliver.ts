import type { Db } from "../db";
import type { Transports } from "./transports";

// Claims due messages with FOR UPDATE SKIP LOCKED (several workers never send one twice),
// leases them for a few minutes, sends, and records the outcome. Failures retry with backoff
// and give up after MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
const backoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);

type Claimed = { id: string; channel: "EMAIL" | "SMS"; recipient: string; subject: string | null; body: string; attempts: number };

export async function deliverDue(db: Db, transports: Transports, options: { limit?: number; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const channels = [transports.email && "EMAIL", transports.sms && "SMS"].filter(Boolean) as string[];
  if (channels.length === 0) return { sent: 0, failed: 0 };

  const claimed = await db.$queryRawUnsafe<Claimed[]>(
    `UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = $1
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
         WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= $2 AND "channel"::text = ANY($3::text[])
         ORDER BY "nextAttemptAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
      RETURNING "id", "channel"::text AS "channel", "recipient", "subject", "body", "attempts"`,
    new Date(now.getTime() + LEASE_MS),
    now,
    channels,
    options.limit ?? 20,
  );

  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      if (message.channel === "EMAIL") await transports.email!({ to: message.recipient, subject: message.subject ?? "", text: message.body });
      else await transports.sms!({ to: message.recipient, text: message.body });
      await db.outboxMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      const giveUp = message.attempts >= MAX_ATTEMPTS;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: giveUp ? "FAILED" : "QUEUED",
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}
