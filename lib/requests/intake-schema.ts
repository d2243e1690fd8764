import { z } from "zod";
import { ID_TYPES, latinDigits, normalizeIdNumber } from "./identity";
import { hasInvisible, plainLine, plainText } from "../text";
import { normalizeSaudiMobile } from "./phone";

// The intake form as the server reads it. Messages are keys under "validation." (both
// languages). Numbers may arrive in Arabic-Indic digits; the ID number and the mobile come out
// normalized (Latin digits, E.164). Checks that need the database (channel in the published
// policy, support type of this association, health consent when the service is health-related,
// the honeypot) are in the service, lib/requests/intake.ts.

/** Free text without invisible controls (lib/text.ts), trimmed, within its length. */
const text = (min: number, max: number, message: string, clean = plainLine) =>
  z.string(message).transform(clean).pipe(z.string().trim().min(min, message).max(max, message));

/** A key from the form's options; one with a control character is no key (and NUL would reach the query). */
const optionKey = (message: string) =>
  z.string(message).trim().min(1, message).max(64, message).refine((value) => !hasInvisible(value), message);

/** A checkbox: present ("on") means ticked. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const required = (message: string) => checkbox.refine((ticked) => ticked, message);

export const intakeSchema = z
  .object({
    applicantName: text(2, 200, "validation.nameLength"),
    idType: z.enum(ID_TYPES, "validation.idTypeRequired"),
    idNumber: z.string("validation.idNumberRequired").trim().min(1, "validation.idNumberRequired"),
    phone: z
      .string("validation.mobileInvalid")
      .transform((raw, ctx) => normalizeSaudiMobile(raw) ?? (ctx.addIssue({ code: "custom", message: "validation.mobileInvalid" }), z.NEVER)),
    email: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value),
      z.email("validation.emailInvalid").max(254, "validation.emailInvalid").optional(),
    ),
    city: text(2, 100, "validation.cityRequired"),
    householdSize: z.preprocess(
      (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(latinDigits(value)) ? Number(latinDigits(value)) : value),
      z.number("validation.householdSize").int("validation.householdSize").min(1, "validation.householdSize").max(50, "validation.householdSize"),
    ),
    supportTypeKey: optionKey("validation.supportTypeRequired"),
    description: text(10, 4000, "validation.descriptionLength", plainText),
    channelKey: optionKey("validation.channelRequired"),
    privacyConsent: required("validation.privacyConsentRequired"),
    healthConsent: checkbox,
    accuracyDeclaration: required("validation.accuracyRequired"),
    /** Honeypot: hidden from people, filled by bots. */
    website: z.string("validation.invalid").optional(),
  }, "validation.invalid")
  // The number's check depends on its type. `when` runs it even while other fields have errors,
  // so a refused form marks every wrong field at once.
  .refine((input) => normalizeIdNumber(input.idType, input.idNumber) !== null, {
    path: ["idNumber"],
    message: "validation.idNumberInvalid",
    // Not on a non-object input either (the check would read its fields and throw).
    when: ({ value, issues }) =>
      typeof value === "object" && value !== null && !issues.some((issue) => !issue.path?.length || issue.path[0] === "idType" || issue.path[0] === "idNumber"),
  })
  .transform((input) => ({ ...input, idNumber: normalizeIdNumber(input.idType, input.idNumber)! }));

export type IntakeInput = z.output<typeof intakeSchema>;
