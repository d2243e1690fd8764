// Saudi identity numbers. A national ID (first digit 1) and an Iqama (first digit 2) have ten
// digits, the last a Luhn check digit. Applicants type on Arabic keyboards, so Arabic-Indic and
// Persian digits are accepted and stored as Latin digits.

export const ID_TYPES = ["NATIONAL_ID", "IQAMA", "PASSPORT", "OTHER"] as const;
export type IdType = (typeof ID_TYPES)[number];

/** ٠١٢…٩ and ۰۱۲…۹ → 0-9. */
export const latinDigits = (value: string) =>
  value
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/** Latin digits, with spaces, dashes and bidi marks removed (a number copied from an RTL
 * chat app arrives wrapped in embedding or isolate marks, U+202A–U+202E, U+2066–U+2069). */
export const normalizeDigits = (value: string) => latinDigits(value).replace(/[\s\-\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, "");

/** Luhn over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** `body` with the Luhn check digit appended (demo, test and benchmark IDs). */
export function withCheckDigit(body: string): string {
  const digit = [..."0123456789"].find((d) => luhnValid(body + d))!;
  return body + digit;
}

/** The normalized number, or null when it cannot be this type's number. */
export function normalizeIdNumber(type: IdType, raw: string): string | null {
  const value = normalizeDigits(raw).toUpperCase();
  switch (type) {
    case "NATIONAL_ID":
      return /^1\d{9}$/.test(value) && luhnValid(value) ? value : null;
    case "IQAMA":
      return /^2\d{9}$/.test(value) && luhnValid(value) ? value : null;
    case "PASSPORT":
      return /^[A-Z0-9]{5,15}$/.test(value) ? value : null;
    case "OTHER":
      return /^[A-Z0-9]{3,20}$/.test(value) ? value : null;
  }
}
