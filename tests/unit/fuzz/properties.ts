import fc from "fast-check";
import type { z } from "zod";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import { withCheckDigit } from "@/lib/requests/identity";
import { hasInvisible } from "@/lib/text";
import { mixedDigits, nastyValue } from "../../helpers/fuzz-strings";

// Shared checks of the schema property tests: a schema never throws, and every message it
// gives is a validation.* key that both languages have.

const lookup = (messages: unknown, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);

export const inBothLanguages = (key: string) => typeof lookup(ar, key) === "string" && typeof lookup(en, key) === "string";

/** Runs safeParse (it must not throw) and checks the messages of a refusal. */
export function parseChecked<S extends z.ZodType>(schema: S, input: unknown) {
  const result = schema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      expect({ message: issue.message, key: issue.message.startsWith("validation.") && inBothLanguages(issue.message) }).toEqual({
        message: issue.message,
        key: true,
      });
    }
  }
  return result;
}

/** A form: each of `fields` absent, valid or hostile, plus unknown fields. */
export function formOf(valid: Record<string, fc.Arbitrary<unknown>>) {
  const fields = Object.fromEntries(Object.entries(valid).map(([name, arb]) => [name, fc.oneof(arb, arb, nastyValue)]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), nastyValue, { maxKeys: 3 }))
    .map(([form, extra]) => ({ ...extra, ...form }));
}

/** Free text as stored: trimmed, no invisible characters, within its length. */
export function expectStoredText(value: string | undefined, max: number) {
  if (value === undefined) return;
  expect(value).toBe(value.trim());
  expect(hasInvisible(value)).toBe(false);
  expect(value.length).toBeLessThanOrEqual(max);
}

export const E164_SAUDI_MOBILE = /^\+9665\d{8}$/;

/** A Saudi mobile number's 9 national digits (5 + operator + 7 digits). */
export const mobileBody = fc.tuple(fc.constantFrom("50", "53", "54", "55", "56", "58", "59"), fc.stringMatching(/^\d{7}$/)).map(([a, b]) => a + b);

/** A mobile number as people type it, in any accepted form and digit script, with separators. */
export const typedMobile = fc
  .tuple(mobileBody, fc.constantFrom("0", "", "966", "+966", "00966"), fc.constantFrom("", " ", "-", "\u200f", "\u2066"))
  .chain(([body, prefix, sep]) =>
    mixedDigits(`${prefix}${body.slice(0, 2)}${sep}${body.slice(2, 5)}${sep}${body.slice(5)}`).map((typed) => ({ typed, e164: `+966${body}` })),
  );

/** A valid national ID (1…) or Iqama (2…) with its check digit. */
export const validSaudiId = fc.tuple(fc.constantFrom("1", "2"), fc.stringMatching(/^\d{8}$/)).map(([first, rest]) => withCheckDigit(first + rest));

/** An everyday e-mail address (fc.emailAddress() also makes RFC-valid ones that z.email refuses). */
export const plainEmail = fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,6})?@[a-z0-9]{2,10}\.(sa|com|org)$/);
