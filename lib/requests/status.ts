import type { RequestStatus } from "../db/generated/enums";

// A request's stages and the moves between them. The committee's decision closes the
// deadline (the policy's deadline is the research committee's response time).

export const REQUEST_STATUSES = [
  "RECEIVED",
  "IN_RESEARCH",
  "IN_COMMITTEE",
  "ACCEPTED",
  "REJECTED",
  "REGISTERED",
  "DELIVERED",
] as const satisfies readonly RequestStatus[];

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  RECEIVED: ["IN_RESEARCH", "IN_COMMITTEE"],
  IN_RESEARCH: ["IN_COMMITTEE"],
  IN_COMMITTEE: ["ACCEPTED", "REJECTED"],
  ACCEPTED: ["REGISTERED"],
  REJECTED: [],
  REGISTERED: ["DELIVERED"],
  DELIVERED: [],
};

export const canMove = (from: RequestStatus, to: RequestStatus) => NEXT[from].includes(to);

/** Still waiting for the association: a second request with the same ID is not accepted. */
export const OPEN_STATUSES = ["RECEIVED", "IN_RESEARCH", "IN_COMMITTEE", "ACCEPTED", "REGISTERED"] as const satisfies readonly RequestStatus[];

/** Waiting for the committee's decision: these count against the deadline. */
export const UNDECIDED_STATUSES = ["RECEIVED", "IN_RESEARCH", "IN_COMMITTEE"] as const satisfies readonly RequestStatus[];

export const isOpen = (status: RequestStatus) => (OPEN_STATUSES as readonly string[]).includes(status);
