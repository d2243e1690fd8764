/** @jest-environment node */
import fc from "fast-check";
import { normalizeIdNumber, ID_TYPES } from "@/lib/requests/identity";
import { normalizeSaudiMobile } from "@/lib/requests/phone";
import { mixedDigits, nastyString } from "../../helpers/fuzz-strings";
import { E164_SAUDI_MOBILE, typedMobile, validSaudiId } from "./properties";

// Saudi mobile numbers and ID numbers as people type them: any accepted form, any digit script,
// separators and bidi marks; and whatever else arrives, no throw and no half-read number.

describe("normalizeSaudiMobile", () => {
  it("reads every accepted form in mixed Latin/Arabic-Indic/Persian digits as the same E.164 number", () => {
    fc.assert(fc.property(typedMobile, ({ typed, e164 }) => expect(normalizeSaudiMobile(typed)).toBe(e164)));
  });

  it("never throws, and anything it accepts is a Saudi mobile in E.164", () => {
    fc.assert(
      fc.property(nastyString, (raw) => {
        const phone = normalizeSaudiMobile(raw);
        if (phone !== null) expect(phone).toMatch(E164_SAUDI_MOBILE);
      }),
    );
  });

  it("refuses a number with a letter or an extension rather than dropping it", () => {
    const suffix = fc.oneof(fc.stringMatching(/^[a-zA-Z#;:*]{1,3}\d{0,3}$/), fc.constantFrom(" ext 12", ";ext=9", "x"));
    fc.assert(fc.property(typedMobile, suffix, fc.boolean(), ({ typed }, extra, before) => expect(normalizeSaudiMobile(before ? extra + typed : typed + extra)).toBeNull()));
  });
});

describe("normalizeIdNumber", () => {
  it("reads a valid national ID or Iqama in mixed digit scripts with separators as its Latin digits", () => {
    const typed = validSaudiId.chain((id) => fc.tuple(fc.constant(id), mixedDigits(id), fc.constantFrom("", " ", "-", "\u200f")));
    fc.assert(
      fc.property(typed, ([id, mixed, sep]) => {
        const type = id.startsWith("1") ? "NATIONAL_ID" : "IQAMA";
        expect(normalizeIdNumber(type, `${mixed.slice(0, 4)}${sep}${mixed.slice(4)}`)).toBe(id);
      }),
    );
  });

  it("refuses a number with one digit changed (Luhn catches every single-digit error)", () => {
    const changed = fc.tuple(validSaudiId, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([id, at, delta]) => ({
      id,
      wrong: id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1),
    }));
    fc.assert(fc.property(changed, ({ id, wrong }) => expect(normalizeIdNumber(id.startsWith("1") ? "NATIONAL_ID" : "IQAMA", wrong)).toBeNull()));
  });

  it("never throws, and what it accepts has the type's shape", () => {
    const shapes = { NATIONAL_ID: /^1\d{9}$/, IQAMA: /^2\d{9}$/, PASSPORT: /^[A-Z0-9]{5,15}$/, OTHER: /^[A-Z0-9]{3,20}$/ };
    fc.assert(
      fc.property(fc.constantFrom(...ID_TYPES), nastyString, (type, raw) => {
        const id = normalizeIdNumber(type, raw);
        if (id !== null) expect(id).toMatch(shapes[type]);
      }),
    );
  });
});
