import type { DbClient } from "../db/types";
import { deadlineState, type DeadlineState } from "../requests/due-date";

// What a beneficiary sees of their request, and nothing more: no staff, no notes, no ID
// number, no internal ids. Each field is picked by name so a new column never leaks here.

export type TrackingView = {
  reference: string;
  receivedAt: Date;
  /** Set once the request left RECEIVED; `at` is when research or the committee took it up. */
  underStudy: { at: Date | null } | null;
  decision: { outcome: "ACCEPTED" | "REJECTED"; reason: string | null; at: Date | null } | null;
  registeredAt: Date | null;
  deliveredAt: Date | null;
  dueAt: Date;
  deadline: DeadlineState;
};

const STUDY_EVENTS = ["REFERRED_TO_RESEARCH", "SENT_TO_COMMITTEE"];

export async function trackingView(db: DbClient, associationId: string, requestId: string, now = new Date()): Promise<TrackingView | null> {
  const request = await db.supportRequest.findUnique({
    where: { associationId_id: { associationId, id: requestId } },
    select: {
      reference: true,
      status: true,
      submittedAt: true,
      dueAt: true,
      decision: true,
      decisionReason: true,
      decidedAt: true,
      registeredAt: true,
      deliveredAt: true,
      // When research or the committee first took it up, in the same query.
      events: {
        where: { associationId, type: { in: STUDY_EVENTS } },
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  if (!request) return null;
  return {
    reference: request.reference,
    receivedAt: request.submittedAt,
    underStudy: request.status === "RECEIVED" ? null : { at: request.events[0]?.createdAt ?? null },
    decision: request.decision
      ? { outcome: request.decision === "ACCEPT" ? "ACCEPTED" : "REJECTED", reason: request.decisionReason, at: request.decidedAt }
      : null,
    registeredAt: request.registeredAt,
    deliveredAt: request.deliveredAt,
    dueAt: request.dueAt,
    deadline: deadlineState(request.dueAt, now, request.decidedAt),
  };
}
