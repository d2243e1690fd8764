import fc from "fast-check";

// Hostile text for the property tests (tests/unit/fuzz, tests/integration/fuzz) and the HTTP fuzz
// run (tests/security): what a form field can carry besides what people mean to type.

/** Invisible characters that must never be stored in free text (lib/text.ts). */
export const INVISIBLES = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

/** Text that must stay data: SQL and HTML/script injections, each with a marker to look for. */
export const INJECTIONS = [
  "' OR '1'='1' --",
  "'; DROP TABLE \"SupportRequest\"; --",
  "1); SELECT pg_sleep(5); --",
  "\\'; SELECT 1; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\"><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "%00%27%22",
];

/** Latin digits written in Arabic-Indic (٠-٩) or Persian (۰-۹) digits, chosen per digit by `pick`. */
export function mixDigits(value: string, pick: (i: number) => number): string {
  return value.replace(/\d/g, (d, i: number) => {
    const script = pick(i) % 3;
    return script === 0 ? d : String.fromCharCode((script === 1 ? 0x0660 : 0x06f0) + Number(d));
  });
}

/** A digit string in random mixed scripts. */
export const mixedDigits = (digits: string) =>
  fc.array(fc.nat(2), { minLength: digits.length, maxLength: digits.length }).map((picks) => mixDigits(digits, (i) => picks[i] ?? 0));

/** `text` with invisible characters inserted at random places. */
export const withInvisibles = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { minLength: 1, maxLength: 4 })).map(([value, inserts]) =>
    inserts.reduce((acc, [at, char]) => {
      const i = at % (acc.length + 1);
      return acc.slice(0, i) + char + acc.slice(i);
    }, value),
  );

/** A huge string (100 KB and more), cheap to make. */
export const hugeString = fc
  .tuple(fc.integer({ min: 100_000, max: 150_000 }), fc.constantFrom("a", "ب", "٣", " ", "<", "'"))
  .map(([size, char]) => char.repeat(size));

/** Any string a hostile form could send, short or huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  withInvisibles(fc.string({ unit: "grapheme" })),
  fc.constantFrom(...INJECTIONS),
  fc.stringMatching(/^[0-9٠-٩۰-۹ +\-()]{0,20}$/),
  { arbitrary: hugeString, weight: 1 },
);

/** Any form value: a string, several strings (a name sent twice), or anything at all. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 }), fc.anything());
