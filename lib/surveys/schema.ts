import { z } from "zod";
import { localizedTextSchema } from "../policy/schema";
import { plainText } from "../text";

// A survey's content (the draft and each published version): a title, an optional intro and
// its questions. Question keys are stable across versions, so the dashboard can add up answers
// to "the same question" over several versions. Messages are message keys, as elsewhere.

export const QUESTION_TYPES = ["RATING", "NPS", "SINGLE", "MULTIPLE", "TEXT"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const RATING_STYLES = ["STARS", "FACES"] as const;

export const QUESTION_KEY = /^q[a-z0-9-]{1,39}$/;
const key = z.string().regex(QUESTION_KEY, "validation.invalid");

export const OPTION_KEY = /^[a-z][a-z0-9-]{0,39}$/;
const optionSchema = z.object({ key: z.string().regex(OPTION_KEY, "validation.invalid"), label: localizedTextSchema });
const options = z.array(optionSchema).min(2, "validation.optionsTooFew").max(12, "validation.optionsTooMany");

const base = { key, label: localizedTextSchema, required: z.boolean() };

export const questionSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("RATING"),
    style: z.enum(RATING_STYLES),
    /** The overall-satisfaction question: CSAT is read from it (lib/surveys/stats.ts). */
    overall: z.boolean().default(false),
  }),
  z.object({ ...base, type: z.literal("NPS") }),
  z.object({ ...base, type: z.literal("SINGLE"), options }),
  z.object({ ...base, type: z.literal("MULTIPLE"), options }),
  z.object({ ...base, type: z.literal("TEXT") }),
]);
export type Question = z.infer<typeof questionSchema>;

export const surveyContentSchema = z
  .object({
    title: localizedTextSchema,
    intro: localizedTextSchema.optional(),
    questions: z.array(questionSchema).min(1, "validation.atLeastOne").max(30, "validation.tooMany"),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.questions.forEach((q, i) => {
      if (seen.has(q.key)) ctx.addIssue({ code: "custom", path: ["questions", i, "key"], message: "validation.duplicateKey" });
      seen.add(q.key);
      if (q.type === "SINGLE" || q.type === "MULTIPLE") {
        const optionKeys = new Set<string>();
        q.options.forEach((o, j) => {
          if (optionKeys.has(o.key)) ctx.addIssue({ code: "custom", path: ["questions", i, "options", j, "key"], message: "validation.duplicateKey" });
          optionKeys.add(o.key);
        });
      }
    });
    const overall = content.questions.filter((q) => q.type === "RATING" && q.overall);
    if (overall.length > 1) {
      const index = content.questions.lastIndexOf(overall[overall.length - 1]);
      ctx.addIssue({ code: "custom", path: ["questions", index, "overall"], message: "validation.overallOnce" });
    }
  });
export type SurveyContent = z.infer<typeof surveyContentSchema>;

/** The scale of each scored type. */
export const SCALE = { RATING: { min: 1, max: 5 }, NPS: { min: 0, max: 10 } } as const;

export const TEXT_ANSWER_MAX = 2000;

/** One question's answer as stored: a score, an option key, option keys, or text. */
export type Answer = number | string | string[];
export type Answers = Record<string, Answer>;

/** Form field name of a question's answer. */
export const answerField = (questionKey: string) => `a_${questionKey}`;

const blank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

function answerSchema(q: Question): z.ZodType<Answer | undefined> {
  switch (q.type) {
    case "RATING":
    case "NPS": {
      const { min, max } = SCALE[q.type];
      return z.coerce
        .number("validation.outOfRange")
        .int("validation.outOfRange")
        .min(min, "validation.outOfRange")
        .max(max, "validation.outOfRange");
    }
    case "SINGLE":
      return z.string("validation.invalidChoice").refine((v) => q.options.some((o) => o.key === v), "validation.invalidChoice");
    case "MULTIPLE":
      return z
        .preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.string("validation.invalidChoice")))
        .refine((vs) => vs.every((v) => q.options.some((o) => o.key === v)) && new Set(vs).size === vs.length, "validation.invalidChoice");
    case "TEXT":
      // Without invisible controls (lib/text.ts); PostgreSQL's jsonb refuses NUL.
      return z.string("validation.invalid").transform(plainText).pipe(z.string().trim().max(TEXT_ANSWER_MAX, "validation.tooLong"));
  }
}

/** Checks a respondent's form against a published version: every required question answered,
 * scores inside their scale, choices among the question's options. Unknown fields are ignored;
 * the result holds only the version's questions that were answered. Errors are keyed by the
 * form field (`a_<key>`), so the form shows each beside its question. */
export function answersSchema(content: SurveyContent) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const answers: Answers = {};
    for (const q of content.questions) {
      const field = answerField(q.key);
      const value = typeof raw[field] === "string" ? (raw[field] as string).trim() : raw[field];
      if (blank(value)) {
        if (q.required) ctx.addIssue({ code: "custom", path: [field], message: "validation.answerRequired" });
        continue;
      }
      const parsed = answerSchema(q).safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0]?.message ?? "validation.invalid" });
        continue;
      }
      if (parsed.data !== undefined && parsed.data !== "") answers[q.key] = parsed.data;
    }
    return answers;
  });
}
