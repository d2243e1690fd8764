import { z } from "zod";
import { latinDigits } from "../requests/identity";
import { normalizeSaudiMobile } from "../requests/phone";
import { normalizeReference } from "../requests/reference";

// What the two steps of /track accept. References are typed by hand (Arabic-Indic digits,
// spaces, lower-case letters): normalized before they are checked.

/** A request reference as stored: 1448-00042 (see lib/requests/reference.ts). */
const REQUEST_REFERENCE = /^\d{4}-\d{5,6}$/;

export const referenceField = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.referenceInvalid")
  .transform(normalizeReference)
  .pipe(z.string().regex(REQUEST_REFERENCE, "validation.referenceInvalid"));

export const mobileField = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .max(30, "validation.phoneInvalid")
  .transform((value, ctx) => {
    const e164 = normalizeSaudiMobile(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "validation.phoneInvalid" });
      return z.NEVER;
    }
    return e164;
  });

export const requestCodeSchema = z.object({ reference: referenceField, mobile: mobileField });

export const verifyCodeSchema = z.object({
  reference: referenceField,
  code: z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(20, "validation.trackingCodeFormat")
    .transform((v) => latinDigits(v).replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "validation.trackingCodeFormat")),
});

export type RequestCodeInput = z.output<typeof requestCodeSchema>;
export type VerifyCodeInput = z.output<typeof verifyCodeSchema>;
