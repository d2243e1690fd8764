/** A short code for people to compare: the first 8 hex digits of the content hash, in two groups. */
export function verificationCode(contentHash: string): string {
  return `${contentHash.slice(0, 4)}-${contentHash.slice(4, 8)}`.toUpperCase();
}

/** "ab12-CD34", "AB12CD34" or a full hash → the 8 hex digits to compare, or null. */
export function normalizeCode(input: string): string | null {
  const hex = input.replace(/[\s-]/g, "").toLowerCase();
  return /^[0-9a-f]{8,64}$/.test(hex) ? hex.slice(0, 8) : null;
}
