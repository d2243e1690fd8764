// The types of a request's timeline (RequestEvent.type) and what each carries in `data`.
// The timeline is append-only; the request row holds the current state.

export const REQUEST_EVENT_TYPES = [
  "SUBMITTED", // { channelKey, enteredBy?: "STAFF" }
  "ASSIGNED", // { assigneeId }
  "STEP_DONE", // { position }
  "STEP_UNDONE", // { position }
  "REFERRED_TO_RESEARCH", // { researcherId }
  "RESEARCH_NOTE", // { text }
  "FIELD_VISIT", // { text, visitedOn: "YYYY-MM-DD" }
  "SENT_TO_COMMITTEE", // {}
  "COMMITTEE_VOTE", // { choice, reason? }
  "DECIDED", // { decision, reason? }
  "REGISTERED", // {}
  "DELIVERED", // {}
  "SURVEY_INVITED", // {}: the satisfaction survey's link went to the applicant (lib/surveys/invitations.ts)
  "ESCALATED", // { overdueSince }
] as const;

export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];
