import type { Prisma } from "../db/generated/client";
import type { DbClient } from "../db/types";
import { redact } from "./redact";

export type AuditEntry = {
  associationId: string | null;
  actorId: string | null;
  action: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Appends one event, in the caller's transaction so the change and its record land together. */
export async function recordAudit(db: DbClient, entry: AuditEntry) {
  const summary =
    entry.before === undefined && entry.after === undefined
      ? undefined
      : (redact({ before: entry.before ?? null, after: entry.after ?? null }) as Prisma.InputJsonValue);
  await db.auditEvent.create({
    data: {
      associationId: entry.associationId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      summary,
      ip: entry.ip?.slice(0, 64) ?? null,
    },
  });
}
