import { z } from "zod";
import { COMPLAINT_STATUSES } from "./statuses";
import { plainLine, plainText } from "../text";
import { mobileField, referenceField } from "../tracking/schema";

// Zod messages are message keys (validation.*), shown next to their field in both languages.

/** An empty optional field arrives as "": treat it as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const complaintSchema = z.object({
  kind: z.enum(["COMPLAINT", "SUGGESTION"], "validation.kindRequired"),
  // Without invisible controls (lib/text.ts): staff read these.
  body: z
    .string("validation.required")
    .transform(plainText)
    .pipe(z.string().trim().min(1, "validation.required").min(10, "validation.textTooShort").max(4000, "validation.tooLong")),
  name: optional(z.string("validation.invalid").transform(plainLine).pipe(z.string().trim().max(200, "validation.tooLong"))),
  mobile: optional(mobileField),
  email: optional(z.string("validation.emailInvalid").trim().pipe(z.email("validation.emailInvalid").max(254, "validation.tooLong"))),
  requestReference: optional(referenceField),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.string("validation.invalid").optional(),
}, "validation.invalid");

export const replySchema = z.object({
  complaintId: z.uuid("validation.invalid"),
  body: z.string("validation.required").trim().min(1, "validation.required").max(4000, "validation.tooLong"),
});

export const statusSchema = z.object({
  complaintId: z.uuid("validation.invalid"),
  status: z.enum(COMPLAINT_STATUSES, "validation.invalid"),
});

export type ComplaintInput = z.output<typeof complaintSchema>;
export type ReplyInput = z.output<typeof replySchema>;
export type StatusInput = z.output<typeof statusSchema>;
