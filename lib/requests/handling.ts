import { createTranslator } from "next-intl";
import { z } from "zod";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import type { ActionContext, Member, Outcome } from "../auth/access";
import type { RequestStatus, Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { formatDualDate } from "../i18n/dates";
import { pickColumn } from "../i18n/localized";
import { asLocale } from "../i18n/routing";
import { enqueueEmail, enqueueSms } from "../notify/outbox";
import { needsAttestation } from "../policy/console";
import { membersWithRole } from "../policy/repository";
import type { PROCEDURE_STEP_KEYS } from "../policy/schema";
import { inviteAfterDelivery } from "../surveys/invitations";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { isoDay, riyadhDay } from "./due-date";
import type { RequestEventType } from "./events";
import { canMove, isOpen } from "./status";

// Staff handling a request, one service per move: assign, tick the checklist, refer to a
// researcher, research notes and field visits, send to the committee, committee votes (the
// majority decides), registration, delivery. Each runs in the guard's transaction, locks the
// request row, refuses another association's id (NOT_FOUND), a member who has not attested the
// published policy (NOT_ATTESTED) and a move from the wrong status (REQUEST_WRONG_STATE), then
// updates the row and appends to the timeline.

const id = z.uuid("validation.invalid");
export const requestIdSchema = z.object({ requestId: id });
export const assignSchema = z.object({ requestId: id, assigneeId: id });
export const referSchema = z.object({ requestId: id, researcherId: id });
export const toggleStepSchema = z.object({
  requestId: id,
  position: z.coerce.number("validation.invalid").int("validation.invalid").min(0, "validation.invalid").max(100, "validation.invalid"),
  done: z.enum(["true", "false"], "validation.invalid").transform((v) => v === "true"),
});
export const researchNoteSchema = z
  .object({
    requestId: id,
    kind: z.enum(["NOTE", "FIELD_VISIT"], "validation.invalid"),
    text: z.string().trim().min(1, "validation.required").max(5000, "validation.tooLong"),
    visitedOn: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date("validation.dateInvalid").optional()),
  })
  .refine((v) => v.kind === "NOTE" || !!v.visitedOn, { path: ["visitedOn"], message: "validation.required" });
export const voteSchema = z
  .object({
    requestId: id,
    choice: z.enum(["ACCEPT", "REJECT"], "validation.choiceRequired"),
    reason: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(2000, "validation.tooLong").optional()),
  })
  .refine((v) => v.choice === "ACCEPT" || !!v.reason, { path: ["reason"], message: "validation.reasonRequired" });

type StepKey = (typeof PROCEDURE_STEP_KEYS)[number];
const TARGET = (requestId: string) => ({ type: "SupportRequest", id: requestId });

function memberOrThrow(ctx: ActionContext): Member {
  if (!ctx.member) throw new AppError("NOT_FOUND");
  return ctx.member;
}

/** Locks this association's request and checks the member may act on it at all. */
async function openRequest(ctx: ActionContext, requestId: string) {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  await ctx.db.$queryRaw`SELECT 1 FROM "SupportRequest" WHERE "associationId" = ${associationId}::uuid AND "id" = ${requestId}::uuid FOR UPDATE`;
  const request = await ctx.db.supportRequest.findUnique({ where: { associationId_id: { associationId, id: requestId } } });
  if (!request) throw new AppError("NOT_FOUND");
  if (await needsAttestation(ctx.db, associationId, member.user.id, member.roles)) throw new AppError("NOT_ATTESTED");
  return { member, associationId, request };
}

function expectMove(from: RequestStatus, to: RequestStatus) {
  if (!canMove(from, to)) throw new AppError("REQUEST_WRONG_STATE");
}

/** actorId null: the system did it (e.g. sent the survey invitation). */
async function appendEvent(db: DbClient, associationId: string, requestId: string, actorId: string | null, type: RequestEventType, data: object = {}) {
  await db.requestEvent.create({ data: { associationId, requestId, actorId, type, data } });
}

/** Ticks the checklist step that an action stands for, when the policy has one and it is open. */
async function tickStepByKey(db: DbClient, associationId: string, requestId: string, key: StepKey, userId: string, at: Date) {
  await db.requestStep.updateMany({ where: { associationId, requestId, key, doneAt: null }, data: { doneAt: at, doneById: userId } });
}

/** Whether `userId` is a member of the association with `role` (for assignees, researchers). */
async function hasRole(db: DbClient, associationId: string, userId: string, role: Role) {
  return (await membersWithRole(db, associationId, [role])).some((m) => m.userId === userId);
}

export async function assign(ctx: ActionContext, input: z.output<typeof assignSchema>): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, input.requestId);
  if (!isOpen(request.status)) throw new AppError("REQUEST_WRONG_STATE");
  if (!(await hasRole(ctx.db, associationId, input.assigneeId, "OFFICER"))) {
    throw new AppError("INVALID_INPUT", "assigneeId", "requests.errors.notOfficer");
  }
  await ctx.db.supportRequest.update({ where: { associationId_id: { associationId, id: request.id } }, data: { assigneeId: input.assigneeId } });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, "ASSIGNED", { assigneeId: input.assigneeId });
  return {
    audit: { action: "requests.assigned", target: TARGET(request.id), before: { assigneeId: request.assigneeId }, after: { assigneeId: input.assigneeId } },
    notice: "requests.notices.assigned",
  };
}

export async function toggleStep(ctx: ActionContext, input: z.output<typeof toggleStepSchema>): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, input.requestId);
  if (!isOpen(request.status)) throw new AppError("REQUEST_WRONG_STATE");
  const where = { associationId_requestId_position: { associationId, requestId: request.id, position: input.position } };
  const step = await ctx.db.requestStep.findUnique({ where });
  if (!step) throw new AppError("NOT_FOUND");
  // Ticking a ticked step (two officers at once) changes nothing and says so.
  if (!!step.doneAt === input.done) return { audit: [], notice: "requests.notices.stepSaved" };
  await ctx.db.requestStep.update({ where, data: input.done ? { doneAt: new Date(), doneById: member.user.id } : { doneAt: null, doneById: null } });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, input.done ? "STEP_DONE" : "STEP_UNDONE", { position: input.position });
  return {
    audit: { action: input.done ? "requests.step_done" : "requests.step_undone", target: TARGET(request.id), after: { position: input.position } },
    notice: "requests.notices.stepSaved",
  };
}

export async function referToResearch(ctx: ActionContext, input: z.output<typeof referSchema>): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, input.requestId);
  expectMove(request.status, "IN_RESEARCH");
  if (!(await hasRole(ctx.db, associationId, input.researcherId, "RESEARCHER"))) {
    throw new AppError("INVALID_INPUT", "researcherId", "requests.errors.notResearcher");
  }
  const now = new Date();
  await ctx.db.supportRequest.update({
    where: { associationId_id: { associationId, id: request.id } },
    data: { status: "IN_RESEARCH", researcherId: input.researcherId },
  });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, "REFERRED_TO_RESEARCH", { researcherId: input.researcherId });
  await tickStepByKey(ctx.db, associationId, request.id, "REFER_TO_RESEARCH_OFFICER", member.user.id, now);
  return {
    audit: { action: "requests.referred", target: TARGET(request.id), before: { status: request.status }, after: { status: "IN_RESEARCH", researcherId: input.researcherId } },
    notice: "requests.notices.referred",
  };
}

export async function addResearchNote(ctx: ActionContext, input: z.output<typeof researchNoteSchema>): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, input.requestId);
  if (request.status !== "IN_RESEARCH" && request.status !== "IN_COMMITTEE") throw new AppError("REQUEST_WRONG_STATE");
  const visit = input.kind === "FIELD_VISIT";
  // A visit report is written after the visit: its day is today at the latest (Riyadh time).
  if (visit && input.visitedOn! > isoDay(riyadhDay(new Date()))) throw new AppError("INVALID_INPUT", "visitedOn", "validation.dateInFuture");
  await appendEvent(
    ctx.db,
    associationId,
    request.id,
    member.user.id,
    visit ? "FIELD_VISIT" : "RESEARCH_NOTE",
    visit ? { text: input.text, visitedOn: input.visitedOn } : { text: input.text },
  );
  return {
    audit: { action: visit ? "requests.field_visit" : "requests.research_note", target: TARGET(request.id) },
    notice: "requests.notices.noteAdded",
  };
}

/** By the officer (straight from intake) or the researcher (after the study). */
export async function sendToCommittee(ctx: ActionContext, input: z.output<typeof requestIdSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  if (!member.permissions.has("requests.handle") && !member.permissions.has("requests.research")) throw new AppError("NOT_FOUND");
  const { associationId, request } = await openRequest(ctx, input.requestId);
  expectMove(request.status, "IN_COMMITTEE");
  await ctx.db.supportRequest.update({ where: { associationId_id: { associationId, id: request.id } }, data: { status: "IN_COMMITTEE" } });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, "SENT_TO_COMMITTEE");
  return {
    audit: { action: "requests.sent_to_committee", target: TARGET(request.id), before: { status: request.status }, after: { status: "IN_COMMITTEE" } },
    notice: "requests.notices.sentToCommittee",
  };
}

/** One vote per committee member; the first choice to reach a majority of the committee decides. */
export async function committeeVote(ctx: ActionContext, input: z.output<typeof voteSchema>): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, input.requestId);
  if (request.status !== "IN_COMMITTEE") throw new AppError("REQUEST_WRONG_STATE");
  const voted = await ctx.db.committeeVote.findUnique({ where: { associationId_requestId_userId: { associationId, requestId: request.id, userId: member.user.id } } });
  if (voted) throw new AppError("ALREADY_VOTED");
  await ctx.db.committeeVote.create({ data: { associationId, requestId: request.id, userId: member.user.id, choice: input.choice, reason: input.reason ?? null } });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, "COMMITTEE_VOTE", { choice: input.choice, ...(input.reason ? { reason: input.reason } : {}) });
  const audit = [{ action: "requests.voted", target: TARGET(request.id), after: { choice: input.choice } }];

  const committee = new Set((await membersWithRole(ctx.db, associationId, ["COMMITTEE"])).map((m) => m.userId));
  const majority = Math.floor(committee.size / 2) + 1;
  const votes = await ctx.db.committeeVote.findMany({ where: { associationId, requestId: request.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const side = votes.filter((v) => v.choice === input.choice && committee.has(v.userId));
  if (side.length < majority) return { audit, notice: "requests.notices.voted" };

  const decision = input.choice === "ACCEPT" ? "ACCEPTED" : "REJECTED";
  const reasons = side.map((v) => v.reason?.trim()).filter((r): r is string => !!r);
  const reason = reasons.length ? [...new Set(reasons)].join("\n") : null;
  const now = new Date();
  await ctx.db.supportRequest.update({
    where: { associationId_id: { associationId, id: request.id } },
    data: { status: decision, decision: input.choice, decisionReason: reason, decidedAt: now },
  });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, "DECIDED", { decision: input.choice, ...(reason ? { reason } : {}) });
  await tickStepByKey(ctx.db, associationId, request.id, "COMMITTEE_REVIEW", member.user.id, now);
  await notifyDecision(ctx.db, member, { ...request, decision: input.choice, decisionReason: reason });
  audit.push({ action: "requests.decided", target: TARGET(request.id), after: { choice: input.choice } });
  return { audit, notice: "requests.notices.decided" };
}

/** Tells the applicant by SMS (and e-mail when given) that the decision can be seen on /track.
 * In the language the applicant used on the form (staff entries: the officer's page language). */
async function notifyDecision(
  db: DbClient,
  member: Member,
  request: { reference: string; applicantName: string; phone: string; email: string | null; locale: string; decision: "ACCEPT" | "REJECT"; decisionReason: string | null; dueAt: Date },
) {
  const locale = asLocale(request.locale);
  const t = createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "requests" });
  const values = {
    association: pickColumn(member.tenant.nameAr, member.tenant.nameEn, locale),
    reference: request.reference,
    name: request.applicantName,
    decision: t(`decision.${request.decision}`),
    reason: request.decisionReason ? t("notify.reasonLine", { reason: request.decisionReason }) : "",
    due: formatDualDate(request.dueAt, locale),
    link: pageUrl(tenantUrl(member.tenant.slug, locale), "/track"),
  };
  const associationId = member.tenant.id;
  await enqueueSms(db, { associationId, to: request.phone, template: "requestDecided", locale, values });
  if (request.email) await enqueueEmail(db, { associationId, to: request.email, template: "requestDecided", locale, values });
}

const CLOSING_MOVES = {
  register: { status: "REGISTERED", stamp: "registeredAt", step: "COMPLETE_REGISTRATION", action: "requests.registered", notice: "requests.notices.registered" },
  deliver: { status: "DELIVERED", stamp: "deliveredAt", step: "DELIVER_SERVICE", action: "requests.delivered", notice: "requests.notices.delivered" },
} as const;

/** The last two moves after an acceptance: each stamps its date and ticks its checklist step. */
async function closingMove(ctx: ActionContext, requestId: string, move: (typeof CLOSING_MOVES)[keyof typeof CLOSING_MOVES]): Promise<Outcome> {
  const { member, associationId, request } = await openRequest(ctx, requestId);
  expectMove(request.status, move.status);
  const now = new Date();
  await ctx.db.supportRequest.update({ where: { associationId_id: { associationId, id: request.id } }, data: { status: move.status, [move.stamp]: now } });
  await appendEvent(ctx.db, associationId, request.id, member.user.id, move.status);
  await tickStepByKey(ctx.db, associationId, request.id, move.step, member.user.id, now);
  // After service, the beneficiary is asked what they thought of it (lib/surveys/invitations.ts).
  const invited = move.status === "DELIVERED" ? await inviteAfterDelivery(ctx.db, member.tenant, request, now) : null;
  if (invited) await appendEvent(ctx.db, associationId, request.id, null, "SURVEY_INVITED");
  return {
    audit: { action: move.action, target: TARGET(request.id), before: { status: request.status }, after: { status: move.status, surveyInvited: invited ? true : undefined } },
    notice: invited ? "requests.notices.deliveredInvited" : move.notice,
  };
}

export const completeRegistration = (ctx: ActionContext, input: z.output<typeof requestIdSchema>) => closingMove(ctx, input.requestId, CLOSING_MOVES.register);
export const deliverService = (ctx: ActionContext, input: z.output<typeof requestIdSchema>) => closingMove(ctx, input.requestId, CLOSING_MOVES.deliver);
