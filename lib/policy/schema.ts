import { z } from "zod";
import { CHANNEL_KEYS, OFFICER_TOOL_KEYS } from "./catalog";

// The structured content of one policy version. Arabic is required everywhere; English is
// optional and shown as "not translated" when missing. Validation messages are message keys
// (see messages/*.json under "validation") so that the editor can show them localized.

const arabic = z.string().trim().min(1, "validation.required").max(5000, "validation.tooLong");
const english = z.string().trim().max(5000, "validation.tooLong").optional();

export const localizedTextSchema = z.object({ ar: arabic, en: english });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const CUSTOM_KEY = /^custom\.[a-z0-9][a-z0-9-]{0,39}$/;

/** A catalog entry as the policy words it: a catalog key or a custom key, plus its own label. */
function catalogItemSchema(keys: readonly string[]) {
  return z.object({
    key: z.string().refine((k) => keys.includes(k) || CUSTOM_KEY.test(k), "validation.unknownKey"),
    label: localizedTextSchema,
  });
}

function uniqueKeys(items: { key: string }[]) {
  return new Set(items.map((i) => i.key)).size === items.length;
}

export const channelSchema = catalogItemSchema(CHANNEL_KEYS);
export const officerToolSchema = catalogItemSchema(OFFICER_TOOL_KEYS);

/** Steps may carry a stable key so the product can act on them (e.g. start the survey). */
export const PROCEDURE_STEP_KEYS = [
  "RECEIVE",
  "CHECK_COMPLETENESS",
  "REFER_TO_RESEARCH_OFFICER",
  "ACCURACY_DECLARATION",
  "COMMITTEE_REVIEW",
  "COMPLETE_REGISTRATION",
  "DELIVER_SERVICE",
] as const;

export const procedureStepSchema = z.object({
  key: z.enum(PROCEDURE_STEP_KEYS).optional(),
  text: localizedTextSchema,
});

export const DEADLINE_UNITS = ["DAYS", "WEEKS", "MONTHS"] as const;
export const CALENDARS = ["GREGORIAN", "HIJRI"] as const;

export const responseDeadlineSchema = z.object({
  amount: z.number().int().min(1, "validation.deadlineAmount").max(365, "validation.deadlineAmount"),
  unit: z.enum(DEADLINE_UNITS),
  /** Which calendar a month is counted in. */
  calendar: z.enum(CALENDARS),
  /** Count Sunday–Thursday only (days and weeks). */
  businessDays: z.boolean(),
  /** The association's own phrase, shown on the public page as written. */
  wording: localizedTextSchema,
});

export const policyContentSchema = z.object({
  title: localizedTextSchema,
  preamble: z.array(localizedTextSchema).min(1, "validation.atLeastOne").max(20),
  generalGoal: localizedTextSchema,
  detailedGoals: z.array(localizedTextSchema).min(1, "validation.atLeastOne").max(50),
  trustMeasures: z.object({
    intro: localizedTextSchema,
    items: z.array(localizedTextSchema).max(50),
  }),
  channels: z
    .array(channelSchema)
    .min(1, "validation.atLeastOne")
    .max(30)
    .refine(uniqueKeys, "validation.duplicateKey"),
  officerTools: z.array(officerToolSchema).max(30).refine(uniqueKeys, "validation.duplicateKey"),
  procedure: z.object({
    intro: localizedTextSchema,
    steps: z.array(procedureStepSchema).min(1, "validation.atLeastOne").max(30),
  }),
  responseDeadline: responseDeadlineSchema,
});

export type PolicyContent = z.infer<typeof policyContentSchema>;
export type ResponseDeadline = z.infer<typeof responseDeadlineSchema>;

export const POLICY_VERSION_STATUSES = [
  "DRAFT",
  "PENDING_APPROVAL",
  "APPROVED",
  "PUBLISHED",
  "SUPERSEDED",
  "REJECTED",
] as const;
