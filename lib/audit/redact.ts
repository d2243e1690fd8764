// Audit summaries keep what changed, never the personal data itself: e-mail addresses keep
// their domain, phone numbers their last two digits, and secrets are dropped.

const SECRET_KEYS = /password|token|secret|hash/i;
const EMAIL = /^([^@\s])[^@\s]*@([^@\s]+)$/;
const PHONE = /^\+?\d{8,15}$/;

export function redact(value: unknown, key = ""): unknown {
  if (SECRET_KEYS.test(key)) return "[redacted]";
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  if (typeof value === "string") {
    const email = EMAIL.exec(value);
    if (email) return `${email[1]}***@${email[2]}`;
    if (PHONE.test(value)) return `***${value.slice(-2)}`;
  }
  return value;
}
