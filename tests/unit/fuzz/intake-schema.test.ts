/** @jest-environment node */
import fc from "fast-check";
import { intakeSchema } from "@/lib/requests/intake-schema";
import { luhnValid } from "@/lib/requests/identity";
import { INVISIBLES, mixedDigits, withInvisibles } from "../../helpers/fuzz-strings";
import { E164_SAUDI_MOBILE, expectStoredText, formOf, parseChecked, plainEmail, typedMobile, validSaudiId } from "./properties";

// The public intake form's schema (lib/requests/intake-schema.ts) under arbitrary input.

const words = fc.string({ unit: fc.constantFrom(..."سارة محمد العتيبي abc"), minLength: 2, maxLength: 60 }).filter((w) => w.trim().length >= 2);
const validFields = {
  applicantName: words,
  idType: fc.constant("NATIONAL_ID"),
  idNumber: validSaudiId.filter((id) => id.startsWith("1")).chain(mixedDigits),
  phone: typedMobile.map(({ typed }) => typed),
  email: fc.oneof(fc.constant(""), plainEmail),
  city: words,
  householdSize: fc.integer({ min: 1, max: 50 }).chain((n) => mixedDigits(String(n))),
  supportTypeKey: fc.constantFrom("food-basket", "counseling"),
  description: fc.string({ unit: fc.constantFrom(..."وصف الحاجة\n need "), minLength: 12, maxLength: 300 }).filter((d) => d.trim().length >= 10),
  channelKey: fc.constant("WEBSITE"),
  privacyConsent: fc.constant("on"),
  healthConsent: fc.constantFrom("on", undefined),
  accuracyDeclaration: fc.constant("on"),
  website: fc.constant(""),
};

describe("intakeSchema", () => {
  it("never throws, whatever the input", () => {
    fc.assert(fc.property(fc.anything(), (input) => void intakeSchema.safeParse(input)));
  });

  it("answers any form (fields absent, hostile or of the wrong type, extra fields) with validation.* keys", () => {
    fc.assert(fc.property(formOf(validFields), (form) => void parseChecked(intakeSchema, form)));
  });

  it("stores what it accepts normalized: trimmed clean text, Latin-digit ID with its check digit, E.164 mobile", () => {
    fc.assert(
      fc.property(formOf(validFields), (form) => {
        const result = parseChecked(intakeSchema, form);
        if (!result.success) return;
        const data = result.data;
        expectStoredText(data.applicantName, 200);
        expectStoredText(data.city, 100);
        expectStoredText(data.description, 4000);
        expect(data.phone).toMatch(E164_SAUDI_MOBILE);
        if (data.idType === "NATIONAL_ID" || data.idType === "IQAMA") expect(luhnValid(data.idNumber) && /^[12]\d{9}$/.test(data.idNumber)).toBe(true);
        expect(Number.isInteger(data.householdSize) && data.householdSize >= 1 && data.householdSize <= 50).toBe(true);
        if (data.email !== undefined) expect(data.email).toBe(data.email.trim());
        expect(Object.keys(data)).not.toContain("extra");
      }),
    );
  });

  it("accepts a valid form in any digit script", () => {
    fc.assert(fc.property(fc.record(validFields), (form) => expect(parseChecked(intakeSchema, form).success).toBe(true)));
  });

  it("never stores a control character or bidi override typed into a name, a city or a description", () => {
    fc.assert(
      fc.property(fc.record(validFields), withInvisibles(words), withInvisibles(words), (form, name, city) => {
        const result = parseChecked(intakeSchema, { ...form, applicantName: name, city, description: `${INVISIBLES.join("")}${form.description}` });
        if (!result.success) return; // too short once cleaned
        expectStoredText(result.data.applicantName, 200);
        expectStoredText(result.data.city, 100);
        expectStoredText(result.data.description, 4000);
      }),
    );
  });
});
