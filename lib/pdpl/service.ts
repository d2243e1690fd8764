import { siteTenant, type ActionContext, type Outcome } from "../auth/access";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { isoDay, riyadhDay } from "../requests/due-date";
import { anonymiseComplaints, anonymiseRequests } from "./erase";
import type { CloseRequestInput, EraseInput, LogRequestInput, RetentionInput } from "./schema";
import { findSubject, subjectComplaintIds } from "./subject";

// The privacy page's actions: log a data-subject request, close it, erase its subject, set the
// retention rule. Every query names the host's association; another association's entry is
// NOT_FOUND. Audit details carry ids and counts only, never the person's data.

/** PDPL: the controller answers a data-subject request within 30 days of receiving it. */
export const ANSWER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** DATE columns hold midnight UTC of the day. */
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Whole days from today (Riyadh) to the due day; negative when overdue. */
export const daysLeft = (dueOn: Date, now: Date) => Math.round((dueOn.getTime() - dateOnly(isoDay(riyadhDay(now))).getTime()) / DAY_MS);

export async function logDataRequest(ctx: ActionContext, input: LogRequestInput): Promise<Outcome> {
  const associationId = siteTenant(ctx).id;
  const receivedOn = dateOnly(input.receivedOn);
  const entry = await ctx.db.dataSubjectRequest.create({
    data: {
      associationId,
      kind: input.kind,
      subjectName: input.subjectName ?? null,
      subjectIdNumber: input.idNumber ?? null,
      subjectPhone: input.mobile ?? null,
      subjectReference: input.reference ?? null,
      receivedOn,
      dueOn: new Date(receivedOn.getTime() + ANSWER_DAYS * DAY_MS),
      note: input.note ?? null,
      createdById: ctx.user?.id ?? null,
    },
  });
  return {
    audit: { action: "pdpl.logged", target: { type: "DataSubjectRequest", id: entry.id }, after: { kind: entry.kind, dueOn: isoDay(riyadhDay(entry.dueOn)) } },
    notice: "privacy.log.logged",
    data: { id: entry.id },
  };
}

export async function findEntry(db: DbClient, associationId: string, id: string) {
  const entry = await db.dataSubjectRequest.findUnique({ where: { associationId_id: { associationId, id } } });
  if (!entry) throw new AppError("NOT_FOUND");
  return entry;
}

async function openEntry(ctx: ActionContext, id: string) {
  const entry = await findEntry(ctx.db, siteTenant(ctx).id, id);
  if (entry.status !== "OPEN") throw new AppError("PDPL_ENTRY_CLOSED");
  return entry;
}

export async function closeDataRequest(ctx: ActionContext, input: CloseRequestInput): Promise<Outcome> {
  const entry = await openEntry(ctx, input.id);
  // A refusal must say why (the person is told the reason).
  if (input.status === "REFUSED" && !input.note) throw new AppError("INVALID_INPUT", "note", "validation.reasonRequired");
  const note = [entry.note, input.note].filter(Boolean).join("\n") || null;
  await ctx.db.dataSubjectRequest.update({
    where: { associationId_id: { associationId: entry.associationId, id: entry.id } },
    data: { status: input.status, closedAt: new Date(), handledById: ctx.user?.id ?? null, note },
  });
  return { audit: { action: "pdpl.closed", target: { type: "DataSubjectRequest", id: entry.id }, before: { status: "OPEN" }, after: { status: input.status } } };
}

export async function eraseSubject(ctx: ActionContext, input: EraseInput): Promise<Outcome> {
  const entry = await openEntry(ctx, input.id);
  const associationId = entry.associationId;
  const found = await findSubject(ctx.db, associationId, { idNumber: entry.subjectIdNumber, phone: entry.subjectPhone, reference: entry.subjectReference });
  // Data still needed to serve the person is kept: close or decide those requests first.
  if (found.open > 0) throw new AppError("PDPL_OPEN_REQUESTS");
  const complaintIds = await subjectComplaintIds(ctx.db, associationId, found);
  const now = new Date();
  const requests = await anonymiseRequests(ctx.db, associationId, found.ids, now);
  const complaints = await anonymiseComplaints(ctx.db, associationId, complaintIds, now);
  // The log keeps proof that the request was answered, not the person: their name, ID and mobile
  // go too, and a request number (now pointing at anonymised rows) stays as the reference.
  await ctx.db.dataSubjectRequest.update({
    where: { associationId_id: { associationId, id: entry.id } },
    data: {
      status: "DONE",
      closedAt: now,
      handledById: ctx.user?.id ?? null,
      subjectName: null,
      subjectIdNumber: null,
      subjectPhone: null,
      subjectReference: entry.subjectReference ?? found.references[0] ?? null,
    },
  });
  return {
    audit: {
      action: "pdpl.erase",
      target: { type: "DataSubjectRequest", id: entry.id },
      after: { requests, complaints, requestIds: found.ids, complaintIds },
    },
    notice: "privacy.erase.done",
    data: { requests: String(requests), complaints: String(complaints) },
  };
}

export async function setRetention(ctx: ActionContext, input: RetentionInput): Promise<Outcome> {
  const associationId = siteTenant(ctx).id;
  const before = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { retentionYears: true } });
  await ctx.db.association.update({ where: { id: associationId }, data: { retentionYears: input.years } });
  return {
    audit: { action: "pdpl.retention", target: { type: "Association", id: associationId }, before: { years: before.retentionYears }, after: { years: input.years } },
    notice: "privacy.retention.saved",
  };
}

// ---------------------------------------------------------------- reads (the privacy page)

export async function readPrivacyPage(db: DbClient, associationId: string) {
  const [association, entries, notices] = await Promise.all([
    db.association.findUniqueOrThrow({ where: { id: associationId }, select: { retentionYears: true } }),
    db.dataSubjectRequest.findMany({ where: { associationId }, orderBy: [{ status: "asc" }, { dueOn: "asc" }, { createdAt: "desc" }], take: 200 }),
    db.privacyNotice.findMany({ where: { associationId }, orderBy: { version: "desc" } }),
  ]);
  return { retentionYears: association.retentionYears, entries, notices };
}
