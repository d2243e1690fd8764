import { z } from "zod";
import { isoDay, riyadhDay } from "../requests/due-date";
import { normalizeDigits } from "../requests/identity";
import { mobileField, referenceField } from "../tracking/schema";

// What the privacy page's forms accept. Messages are keys under "validation." (both languages).

export const DATA_REQUEST_KINDS = ["ACCESS", "ERASURE", "CORRECTION", "OBJECTION"] as const;
export const CLOSING_STATUSES = ["DONE", "REFUSED"] as const;

/** An empty optional field arrives as "": treat it as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Any ID the intake accepts (national ID, iqama, passport, other), normalized as stored. */
const idNumberField = z
  .string()
  .max(40, "validation.subjectIdInvalid")
  .transform((v) => normalizeDigits(v).toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{3,20}$/, "validation.subjectIdInvalid"));

/** A calendar day typed in an <input type="date">. */
const dayField = z
  .string("validation.required")
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dayInvalid")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "validation.dayInvalid")
  .refine((v) => v <= isoDay(riyadhDay(new Date())), "validation.receivedInFuture");

export const logRequestSchema = z
  .object({
    kind: z.enum(DATA_REQUEST_KINDS, "validation.dataKindRequired"),
    subjectName: optional(z.string().trim().max(200, "validation.tooLong")),
    idNumber: optional(idNumberField),
    mobile: optional(mobileField),
    reference: optional(referenceField),
    receivedOn: dayField,
    note: optional(z.string().trim().max(2000, "validation.tooLong")),
  })
  // The person must be findable: by ID, mobile or one of their requests.
  .refine((input) => input.idNumber || input.mobile || input.reference, { path: ["idNumber"], message: "validation.subjectRequired" });

export const closeRequestSchema = z.object({
  id: z.uuid("validation.invalid"),
  status: z.enum(CLOSING_STATUSES, "validation.invalid"),
  note: optional(z.string().trim().max(2000, "validation.tooLong")),
});

/** Erasure is irreversible: the form must carry the admin's explicit confirmation. */
export const eraseSchema = z.object({
  id: z.uuid("validation.invalid"),
  confirm: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).refine((ticked) => ticked, "validation.confirmErase"),
});

/** Years after closing; empty switches the rule off. */
export const retentionSchema = z.object({
  years: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? Number(normalizeDigits(v)) : v),
    z.number("validation.retentionYears").int("validation.retentionYears").min(1, "validation.retentionYears").max(30, "validation.retentionYears").nullable(),
  ),
});

export type LogRequestInput = z.output<typeof logRequestSchema>;
export type CloseRequestInput = z.output<typeof closeRequestSchema>;
export type EraseInput = z.output<typeof eraseSchema>;
export type RetentionInput = z.output<typeof retentionSchema>;
