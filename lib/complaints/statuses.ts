import type { ComplaintStatus } from "../db/generated/enums";

export const COMPLAINT_STATUSES = ["NEW", "IN_PROGRESS", "CLOSED"] as const satisfies readonly ComplaintStatus[];
