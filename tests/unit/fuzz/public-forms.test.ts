/** @jest-environment node */
import fc from "fast-check";
import { credentialsSchema } from "@/lib/auth/credentials";
import { complaintSchema } from "@/lib/complaints/schema";
import { responseSchema } from "@/lib/surveys/responses";
import { answersSchema, SCALE, surveyContentSchema, TEXT_ANSWER_MAX } from "@/lib/surveys/schema";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/tracking/schema";
import { mixedDigits, nastyString, nastyValue, withInvisibles } from "../../helpers/fuzz-strings";
import { E164_SAUDI_MOBILE, expectStoredText, formOf, parseChecked, plainEmail, typedMobile } from "./properties";

// The other public forms' schemas under arbitrary input: tracking (/track), complaints, survey
// answers and sign-in. None throws; refusals are message keys; what passes is normalized.

const reference = fc.tuple(fc.integer({ min: 1440, max: 1460 }), fc.integer({ min: 0, max: 99999 })).chain(([year, n]) =>
  mixedDigits(`${year}-${String(n).padStart(5, "0")}`),
);
const REFERENCE = /^\d{4}-\d{5,6}$/;

const schemas = { requestCodeSchema, verifyCodeSchema, complaintSchema, responseSchema, credentialsSchema };

describe.each(Object.entries(schemas))("%s", (_name, schema) => {
  it("never throws, whatever the input", () => {
    // (Forms always arrive as objects: the messages are checked on those below.)
    fc.assert(fc.property(fc.anything(), (input) => void schema.safeParse(input)));
  });
});

describe("tracking", () => {
  it("normalizes the reference, the mobile and the code, and refuses the rest with keys", () => {
    const form = formOf({ reference, mobile: typedMobile.map((m) => m.typed), code: fc.stringMatching(/^\d{6}$/).chain(mixedDigits) });
    fc.assert(
      fc.property(form, (input) => {
        const step1 = parseChecked(requestCodeSchema, input);
        if (step1.success) {
          expect(step1.data.reference).toMatch(REFERENCE);
          expect(step1.data.mobile).toMatch(E164_SAUDI_MOBILE);
        }
        const step2 = parseChecked(verifyCodeSchema, input);
        if (step2.success) expect(step2.data.code).toMatch(/^\d{6}$/);
      }),
    );
  });
});

describe("complaints", () => {
  const text = fc.string({ unit: fc.constantFrom(..."شكوى بخصوص التأخير abc\n"), minLength: 10, maxLength: 200 }).filter((t) => t.trim().length >= 10);
  const fields = {
    kind: fc.constantFrom("COMPLAINT", "SUGGESTION"),
    body: fc.oneof(text, withInvisibles(text)),
    name: fc.oneof(fc.constant(""), withInvisibles(fc.string({ maxLength: 50 }))),
    mobile: fc.oneof(fc.constant(""), typedMobile.map((m) => m.typed)),
    email: fc.oneof(fc.constant(""), plainEmail),
    requestReference: fc.oneof(fc.constant(""), reference),
    website: fc.constant(""),
  };

  it("stores clean text, an E.164 mobile and a normalized reference, or refuses with keys", () => {
    fc.assert(
      fc.property(formOf(fields), (input) => {
        const result = parseChecked(complaintSchema, input);
        if (!result.success) return;
        expectStoredText(result.data.body, 4000);
        expectStoredText(result.data.name, 200);
        if (result.data.mobile) expect(result.data.mobile).toMatch(E164_SAUDI_MOBILE);
        if (result.data.requestReference) expect(result.data.requestReference).toMatch(REFERENCE);
      }),
    );
  });
});

describe("survey answers", () => {
  const label = { ar: "سؤال" };
  const options = [{ key: "a", label }, { key: "b", label }, { key: "c", label }];
  const content = surveyContentSchema.parse({
    title: label,
    questions: [
      { key: "qrating", type: "RATING", style: "STARS", overall: true, required: true, label },
      { key: "qnps", type: "NPS", required: false, label },
      { key: "qsingle", type: "SINGLE", options, required: false, label },
      { key: "qmultiple", type: "MULTIPLE", options, required: false, label },
      { key: "qtext", type: "TEXT", required: false, label },
    ],
  });
  const schema = answersSchema(content);
  const fields = {
    a_qrating: fc.integer({ min: 1, max: 5 }).chain((n) => mixedDigits(String(n))),
    a_qnps: fc.integer({ min: -2, max: 12 }).map(String),
    a_qsingle: fc.constantFrom("a", "b", "c", "d"),
    a_qmultiple: fc.subarray(["a", "b", "c"]),
    a_qtext: fc.oneof(nastyString, withInvisibles(fc.string())),
    token: nastyValue,
    surveyId: fc.uuid(),
  };

  it("keeps only the version's questions, scores in their scale, known options and clean text", () => {
    fc.assert(
      fc.property(formOf(fields), (input) => {
        if (!parseChecked(responseSchema, input).success) return;
        const result = parseChecked(schema, input);
        if (!result.success) return;
        const answers = result.data;
        for (const key of Object.keys(answers)) expect(content.questions.map((q) => q.key)).toContain(key);
        if (answers.qrating !== undefined) expect(answers.qrating).toBeGreaterThanOrEqual(SCALE.RATING.min);
        if (answers.qnps !== undefined) expect(Number(answers.qnps)).toBeLessThanOrEqual(SCALE.NPS.max);
        if (answers.qsingle !== undefined) expect(["a", "b", "c"]).toContain(answers.qsingle);
        for (const v of [answers.qmultiple ?? []].flat()) expect(["a", "b", "c"]).toContain(v);
        if (answers.qtext !== undefined) expectStoredText(String(answers.qtext), TEXT_ANSWER_MAX);
      }),
    );
  });
});

describe("sign-in credentials", () => {
  it("lower-cases and trims the e-mail, or refuses with keys", () => {
    const form = formOf({ email: plainEmail.map((e) => ` ${e.toUpperCase()} `), password: fc.string({ minLength: 1, maxLength: 200 }) });
    fc.assert(
      fc.property(form, (input) => {
        const result = parseChecked(credentialsSchema, input);
        if (result.success) expect(result.data.email).toBe(result.data.email.trim().toLowerCase());
      }),
    );
  });
});
