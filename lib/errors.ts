// One error type for services. The guard turns a code into a message key under `errors.` that
// exists in both languages, and into an HTTP status for route handlers.

export const ERROR_STATUS = {
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INVITATION_INVALID: 410,
  RESET_INVALID: 410,
  ALREADY_MEMBER: 409,
  SLUG_TAKEN: 409,
  DOMAIN_TAKEN: 409,
  LAST_ADMIN: 409,
  ROLE_ABOVE_OWN: 403,
  WRONG_PASSWORD: 400,
  POLICY_DRAFT_EXISTS: 409,
  POLICY_VERSION_LOCKED: 409,
  POLICY_DRAFT_CHANGED: 409,
  POLICY_UNCHANGED: 409,
  POLICY_AWAITING_PUBLICATION: 409,
  ALREADY_VOTED: 409,
  NOT_CHAIR: 403,
  NO_QUORUM: 409,
  NO_PUBLISHED_POLICY: 409,
  NOT_ATTESTED: 403,
  REQUEST_WRONG_STATE: 409,
  TRACKING_CODE_INVALID: 400,
  SPAM_SUSPECTED: 400,
  SURVEY_LINK_INVALID: 404,
  SURVEY_LINK_USED: 410,
  SURVEY_LINK_EXPIRED: 410,
  SURVEY_UNAVAILABLE: 404,
  SURVEY_UNCHANGED: 409,
  SURVEY_DRAFT_CHANGED: 409,
  BILLING_NOT_CONFIGURED: 409,
  BILLING_UNAVAILABLE: 502,
  BILLING_NO_CUSTOMER: 409,
  BILLING_ALREADY_SUBSCRIBED: 409,
  PLAN_LIMIT_MEMBERS: 409,
  PLAN_LIMIT_SURVEYS: 409,
  PLAN_LIMIT_DOMAIN: 409,
  PDPL_ENTRY_CLOSED: 409,
  PDPL_OPEN_REQUESTS: 409,
  UNEXPECTED: 500,
  UNAVAILABLE: 503,
  INVALID_INPUT: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The form field the error belongs to, when there is one. */
    readonly field?: string,
    /** A more precise message key than `errors.<code>` (e.g. a validation.* key). */
    readonly messageKey?: string,
    /** A failure to count against a rate limit (lib/auth/rate-limit.ts). The guard counts it
     * after the transaction has rolled back, so the count is kept. */
    readonly penalty?: { limit: "signInAccount"; key: string },
  ) {
    super(code);
    this.name = "AppError";
  }

  /** Several fields at once: a form checked against data only the service reads (a survey's
   * questions), keyed by field name, each a message key. */
  fieldErrors?: Record<string, string>;

  static fields(fieldErrors: Record<string, string>): AppError {
    const error = new AppError("INVALID_INPUT");
    error.fieldErrors = fieldErrors;
    return error;
  }

  get key(): string {
    return this.messageKey ?? `errors.${this.code}`;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** What a log line may say about an unexpected error: its kind, its code and the first line of
 * its message with digit runs, e-mail addresses and quoted values masked. Database errors can
 * quote the query's arguments (names, national ids, phone numbers), which must not reach logs. */
export function loggable(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const firstLine = error.message.split("\n").find((line) => line.trim()) ?? "";
  const masked = firstLine
    .replace(/[^\s@]+@[^\s@]+/g, "[email]")
    .replace(/(["'])[^"']*\1/g, "[value]")
    .replace(/[0-9\u0660-\u0669\u06F0-\u06F9]{4,}/g, "[digits]")
    .slice(0, 200);
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${masked}`;
}
