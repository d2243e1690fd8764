import type { Prisma } from "../db/generated/client";
import type { DbClient } from "../db/types";

// Erasure by anonymisation (PDPL): personal fields become a fixed placeholder or null, links that
// lead back to the person (tracking codes, consented survey links) are deleted, and what the
// association must still count (status, dates, support type, channel, household size, survey
// scores) stays. Callers pass ids already scoped to their association and run this in a
// transaction: a failure leaves the person's data as it was.

export const ERASED = "—";

/** Free text inside timeline events and committee votes (lib/requests/events.ts). */
const TEXT_KEYS = ["text", "reason"] as const;

export async function anonymiseRequests(db: DbClient, associationId: string, requestIds: string[], now: Date): Promise<number> {
  if (requestIds.length === 0) return 0;
  const where = { associationId, id: { in: requestIds }, anonymisedAt: null };
  const rows = await db.supportRequest.findMany({ where, select: { id: true, phone: true, email: true } });
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  const scoped = { associationId, id: { in: ids } };
  await db.supportRequest.updateMany({ where: { ...scoped, decisionReason: { not: null } }, data: { decisionReason: ERASED } });
  // anonymisedAt first: the append-only triggers let notes be blanked only after it is set.
  await db.supportRequest.updateMany({
    where: scoped,
    data: { applicantName: ERASED, idNumber: ERASED, phone: ERASED, email: null, city: ERASED, description: ERASED, anonymisedAt: now },
  });
  const byRequest = { associationId, requestId: { in: ids } };
  const events = await db.requestEvent.findMany({ where: { ...byRequest, type: { in: ["RESEARCH_NOTE", "FIELD_VISIT", "COMMITTEE_VOTE", "DECIDED"] } } });
  for (const event of events) {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const keys = TEXT_KEYS.filter((k) => typeof data[k] === "string" && data[k] !== ERASED);
    if (keys.length === 0) continue;
    const blanked = { ...data, ...Object.fromEntries(keys.map((k) => [k, ERASED])) } as Prisma.InputJsonValue;
    await db.requestEvent.update({ where: { associationId_id: { associationId, id: event.id } }, data: { data: blanked } });
  }
  await db.committeeVote.updateMany({ where: { ...byRequest, reason: { not: null } }, data: { reason: ERASED } });
  await db.trackingCode.deleteMany({ where: byRequest });
  await db.surveyResponseLink.deleteMany({ where: byRequest });
  // An unused survey link could otherwise tie a new answer to the anonymised request.
  await db.surveyInvitation.updateMany({ where: { ...byRequest, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await eraseMessages(db, associationId, rows.flatMap((r) => [r.phone, r.email]), now);
  return ids.length;
}

export async function anonymiseComplaints(db: DbClient, associationId: string, complaintIds: string[], now: Date): Promise<number> {
  if (complaintIds.length === 0) return 0;
  const where = { associationId, id: { in: complaintIds }, anonymisedAt: null };
  const rows = await db.complaint.findMany({ where, select: { id: true, phone: true, email: true } });
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await db.complaint.updateMany({ where: { associationId, id: { in: ids } }, data: { name: null, phone: null, email: null, body: ERASED, anonymisedAt: now } });
  await db.complaintReply.updateMany({ where: { associationId, complaintId: { in: ids } }, data: { body: ERASED } });
  await eraseMessages(db, associationId, rows.flatMap((r) => [r.phone, r.email]), now);
  return ids.length;
}

/** SMS and e-mails to the person: their address and text go; one still queued is never sent. */
async function eraseMessages(db: DbClient, associationId: string, recipients: (string | null)[], now: Date) {
  const list = [...new Set(recipients.filter((r): r is string => !!r && r !== ERASED))];
  if (list.length === 0) return;
  const where = { associationId, recipient: { in: list } };
  await db.outboxMessage.updateMany({ where: { ...where, status: "QUEUED" }, data: { status: "FAILED", lastError: "erased (PDPL)", nextAttemptAt: now } });
  await db.outboxMessage.updateMany({ where, data: { recipient: ERASED, subject: null, body: ERASED } });
}
