import { siteTenant, type ActionContext, type Outcome } from "../auth/access";
import { consume } from "../auth/rate-limit";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { pickColumn } from "../i18n/localized";
import { enqueueEmail, enqueueSms } from "../notify/outbox";
import { nextReference } from "../requests/reference";
import type { ComplaintInput, ReplyInput, StatusInput } from "./schema";

// Complaints and suggestions: anyone may write (anonymously too); the association's admins
// and officers answer them. Every lookup names the association: an id from another one is
// simply not found.

const SMS_REPLY_CHARS = 280;

export async function submitComplaint(ctx: ActionContext, input: ComplaintInput): Promise<Outcome> {
  const tenant = siteTenant(ctx);
  if (input.website) throw new AppError("SPAM_SUSPECTED");
  await consume(ctx.db, "complaintIp", ctx.ip);
  const reference = await nextReference(ctx.db, tenant.id, "C");
  const complaint = await ctx.db.complaint.create({
    data: {
      associationId: tenant.id,
      reference,
      kind: input.kind,
      name: input.name ?? null,
      phone: input.mobile ?? null,
      email: input.email ?? null,
      body: input.body,
      requestReference: input.requestReference ?? null,
    },
    select: { id: true },
  });
  if (input.mobile) {
    await enqueueSms(ctx.db, {
      associationId: tenant.id,
      to: input.mobile,
      template: "complaintReceived",
      locale: ctx.locale,
      values: { association: pickColumn(tenant.nameAr, tenant.nameEn, ctx.locale), reference },
    });
  }
  return {
    audit: { action: "complaint.received", target: { type: "Complaint", id: complaint.id }, after: { reference, kind: input.kind } },
    notice: "complaints.received",
    data: { reference },
    refresh: false,
  };
}

async function load(db: DbClient, associationId: string, id: string) {
  const complaint = await db.complaint.findUnique({
    where: { associationId_id: { associationId, id } },
    select: { id: true, reference: true, status: true, phone: true, email: true },
  });
  if (!complaint) throw new AppError("NOT_FOUND");
  return complaint;
}

export async function replyToComplaint(ctx: ActionContext, input: ReplyInput): Promise<Outcome> {
  const tenant = siteTenant(ctx);
  if (!ctx.user) throw new AppError("NOT_FOUND");
  const complaint = await load(ctx.db, tenant.id, input.complaintId);
  const association = pickColumn(tenant.nameAr, tenant.nameEn, ctx.locale);
  const values = { association, reference: complaint.reference, reply: input.body };
  if (complaint.phone) {
    const short = input.body.length > SMS_REPLY_CHARS ? `${input.body.slice(0, SMS_REPLY_CHARS)}…` : input.body;
    await enqueueSms(ctx.db, { associationId: tenant.id, to: complaint.phone, template: "complaintReply", locale: ctx.locale, values: { ...values, reply: short } });
  }
  if (complaint.email) {
    await enqueueEmail(ctx.db, { associationId: tenant.id, to: complaint.email, template: "complaintReply", locale: ctx.locale, values });
  }
  const notified = !!(complaint.phone || complaint.email);
  const reply = await ctx.db.complaintReply.create({
    data: { associationId: tenant.id, complaintId: complaint.id, authorId: ctx.user.id, body: input.body, notified },
    select: { id: true },
  });
  // Answering a new message means someone is on it.
  if (complaint.status === "NEW") {
    await ctx.db.complaint.update({ where: { associationId_id: { associationId: tenant.id, id: complaint.id } }, data: { status: "IN_PROGRESS" } });
  }
  return {
    audit: { action: "complaint.replied", target: { type: "Complaint", id: complaint.id }, after: { replyId: reply.id, notified } },
    notice: notified ? "complaints.replySentNotified" : "complaints.replySaved",
  };
}

export async function setComplaintStatus(ctx: ActionContext, input: StatusInput): Promise<Outcome> {
  const tenant = siteTenant(ctx);
  const complaint = await load(ctx.db, tenant.id, input.complaintId);
  if (complaint.status === input.status) return { audit: [], notice: "complaints.statusChanged" };
  await ctx.db.complaint.update({
    where: { associationId_id: { associationId: tenant.id, id: complaint.id } },
    data: { status: input.status, closedAt: input.status === "CLOSED" ? new Date() : null },
  });
  return {
    audit: { action: "complaint.status_changed", target: { type: "Complaint", id: complaint.id }, before: { status: complaint.status }, after: { status: input.status } },
    notice: "complaints.statusChanged",
  };
}
