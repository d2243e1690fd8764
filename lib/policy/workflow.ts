import { z } from "zod";
import type { ActionContext, Member, Outcome } from "../auth/access";
import { asArray } from "../auth/form";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { toHijri } from "../i18n/dates";
import { pickColumn } from "../i18n/localized";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { enqueueEmail } from "../notify/outbox";
import { contentHash } from "./hash";
import { meetingDateOf } from "./meeting-date";
import { BOARD_QUORUMS, outcomeOf, tallyVotes } from "./quorum";
import { displayName, membersWithRole, policyRepository } from "./repository";
import { CALENDARS, policyContentSchema } from "./schema";

// The life of a policy version, one service per transition:
//   start draft → save (as often as wanted) → submit → board votes → chair records the
//   decision → approved (or back to draft with the comments) → published (the previous one is
//   superseded) → staff attest they have read it.
// Each runs inside the guard's transaction, locks the rows it changes, and refuses a
// transition from the wrong state with POLICY_VERSION_LOCKED. The database adds its own
// refusal for approved content (prisma/migrations/*_policy_approval).

const versionId = z.uuid("validation.invalid");
export const versionIdSchema = z.object({ versionId });

export const saveDraftSchema = z.object({
  versionId,
  content: policyContentSchema,
  /** The draft's updatedAt when the editor loaded it: a save over someone else's is refused. */
  baseUpdatedAt: z.iso.datetime({ offset: true, message: "validation.invalid" }),
});

export const voteSchema = z
  .object({
    versionId,
    choice: z.enum(["APPROVE", "REJECT"], "validation.choiceRequired"),
    comment: z.string().trim().max(2000, "validation.tooLong").optional(),
  })
  .refine((v) => v.choice === "APPROVE" || !!v.comment, { path: ["comment"], message: "validation.commentRequired" });

const int = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number(message).int(message).min(min, message).max(max, message));

export const decisionSchema = z.object({
  versionId,
  sessionNumber: int(1, 9999, "validation.sessionNumber"),
  calendar: z.enum(CALENDARS, "validation.invalid"),
  year: int(1300, 2200, "validation.dateInvalid"),
  month: int(1, 12, "validation.dateInvalid"),
  day: int(1, 31, "validation.dateInvalid"),
  attendeeIds: z.preprocess(asArray, z.array(z.uuid("validation.invalid")).min(1, "validation.attendeesRequired")),
});

export const quorumSchema = z.object({ quorum: z.enum(BOARD_QUORUMS, "validation.invalid") });

const POLICY_TARGET = (id: string) => ({ type: "PolicyVersion", id });

/** Locks the version's row for this transaction and checks its state. */
async function lockVersion(db: DbClient, associationId: string, id: string, expected: readonly string[]) {
  await db.$queryRaw`SELECT 1 FROM "PolicyVersion" WHERE "associationId" = ${associationId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
  const version = await policyRepository(db).findById(associationId, id);
  if (!version) throw new AppError("NOT_FOUND");
  if (!expected.includes(version.status)) throw new AppError("POLICY_VERSION_LOCKED");
  return version;
}

const memberOrThrow = (ctx: ActionContext): Member => {
  if (!ctx.member) throw new AppError("NOT_FOUND");
  return ctx.member;
};

/** A new draft copied from the published version. Only one draft or pending version at a time. */
export async function startDraft(ctx: ActionContext): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  const policy = await ctx.db.policy.findUnique({ where: { associationId_kind: { associationId, kind: "BENEFICIARY_RELATIONS" } } });
  if (!policy) throw new AppError("NOT_FOUND");
  // Serializes draft creation: two admins clicking at once get one draft.
  await ctx.db.$queryRaw`SELECT 1 FROM "Policy" WHERE "associationId" = ${associationId}::uuid AND "id" = ${policy.id}::uuid FOR UPDATE`;
  const repo = policyRepository(ctx.db);
  if (await repo.findOpen(associationId)) throw new AppError("POLICY_DRAFT_EXISTS");
  // A draft copies the published text: starting one while an approved version waits to be
  // published would silently drop the approved changes from it.
  if (await ctx.db.policyVersion.findFirst({ where: { associationId, status: "APPROVED" }, select: { id: true } })) {
    throw new AppError("POLICY_AWAITING_PUBLICATION");
  }
  const published = await repo.findPublished(associationId);
  const latest = await ctx.db.policyVersion.aggregate({ where: { associationId, policyId: policy.id }, _max: { number: true } });
  if (!published) throw new AppError("NOT_FOUND");
  const draft = await ctx.db.policyVersion.create({
    data: {
      associationId,
      policyId: policy.id,
      number: (latest._max.number ?? 0) + 1,
      status: "DRAFT",
      content: published.content as object,
      contentHash: published.contentHash,
      createdById: member.user.id,
    },
  });
  return {
    audit: { action: "policy.draft_started", target: POLICY_TARGET(draft.id), after: { number: draft.number, from: published.number } },
    // The button opens the editor itself: a server-side redirect to a path on a rewritten
    // (tenant) route renders Next's internal route without the proxy and 404s.
    data: { versionId: draft.id },
    refresh: false,
  };
}

/** Saves the editor's content over the draft (the editor calls this as the admin types). */
export async function saveDraft(ctx: ActionContext, input: z.output<typeof saveDraftSchema>): Promise<Outcome> {
  const associationId = memberOrThrow(ctx).tenant.id;
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["DRAFT"]);
  if (version.updatedAt.getTime() !== new Date(input.baseUpdatedAt).getTime()) throw new AppError("POLICY_DRAFT_CHANGED");
  const saved = await ctx.db.policyVersion.update({
    where: { associationId_id: { associationId, id: version.id } },
    data: { content: input.content, contentHash: contentHash(input.content) },
    select: { updatedAt: true },
  });
  // Saving is not a transition: the audit log records submission, with the hash submitted.
  return { audit: [], refresh: false, data: { updatedAt: saved.updatedAt.toISOString() } };
}

/** Locks the draft for the board and tells every board member. */
export async function submitDraft(ctx: ActionContext, input: z.output<typeof versionIdSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["DRAFT"]);
  const content = policyContentSchema.safeParse(version.content);
  if (!content.success) throw new AppError("INVALID_INPUT");
  const published = await policyRepository(ctx.db).findPublished(associationId);
  if (published && published.contentHash === contentHash(content.data)) throw new AppError("POLICY_UNCHANGED");
  const round = version.round + 1;
  await ctx.db.policyVersion.update({
    where: { associationId_id: { associationId, id: version.id } },
    data: { status: "PENDING_APPROVAL", round, submittedAt: new Date() },
  });
  const board = await membersWithRole(ctx.db, associationId, ["BOARD"]);
  const name = pickColumn(member.tenant.nameAr, member.tenant.nameEn, ctx.locale);
  for (const seat of board) {
    await enqueueEmail(ctx.db, {
      associationId,
      to: seat.user.email,
      template: "policySubmitted",
      locale: ctx.locale,
      values: { association: name, number: String(version.number), link: pageUrl(tenantUrl(member.tenant.slug, ctx.locale), "/board") },
    });
  }
  return {
    audit: { action: "policy.submitted", target: POLICY_TARGET(version.id), after: { number: version.number, round, sha256: version.contentHash } },
    notice: "policy.notices.submitted",
  };
}

/** Takes a pending version back to draft before the board decides (its votes stay on record). */
export async function withdrawSubmission(ctx: ActionContext, input: z.output<typeof versionIdSchema>): Promise<Outcome> {
  const associationId = memberOrThrow(ctx).tenant.id;
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["PENDING_APPROVAL"]);
  await ctx.db.policyVersion.update({ where: { associationId_id: { associationId, id: version.id } }, data: { status: "DRAFT" } });
  return { audit: { action: "policy.withdrawn", target: POLICY_TARGET(version.id), after: { number: version.number } }, notice: "policy.notices.withdrawn" };
}

/** A board member's vote in the current round: once each. */
export async function castVote(ctx: ActionContext, input: z.output<typeof voteSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  if (!member.roles.includes("BOARD")) throw new AppError("NOT_FOUND");
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["PENDING_APPROVAL"]);
  const key = { associationId, policyVersionId: version.id, round: version.round, userId: member.user.id };
  if (await ctx.db.boardVote.findUnique({ where: { associationId_policyVersionId_round_userId: key } })) {
    throw new AppError("ALREADY_VOTED");
  }
  await ctx.db.boardVote.create({ data: { ...key, choice: input.choice, comment: input.comment || null } });
  return {
    audit: { action: "policy.voted", target: POLICY_TARGET(version.id), after: { number: version.number, round: version.round, choice: input.choice } },
    notice: "board.notices.voted",
  };
}

/** Today's date in Riyadh, as a UTC-midnight date comparable with meeting dates. */
function todayInRiyadh(now = new Date()): Date {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(now).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The chair records the board's decision. The votes decide the outcome against the quorum:
 * approved (hash-chained to the previous approved version), rejected (back to draft with the
 * comments), or refused when neither is reached yet. */
export async function recordDecision(ctx: ActionContext, input: z.output<typeof decisionSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  if (!member.isChair || !member.roles.includes("BOARD")) throw new AppError("NOT_CHAIR");
  const meetingDate = meetingDateOf(input);
  if (meetingDate > todayInRiyadh()) throw new AppError("INVALID_INPUT", "day", "validation.dateInFuture");
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["PENDING_APPROVAL"]);
  const repo = policyRepository(ctx.db);

  const board = await membersWithRole(ctx.db, associationId, ["BOARD"]);
  const boardIds = new Set(board.map((seat) => seat.userId));
  const attendeeIds = [...new Set(input.attendeeIds)];
  if (attendeeIds.some((id) => !boardIds.has(id))) throw new AppError("INVALID_INPUT", "attendeeIds", "validation.attendeesInvalid");

  const association = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { boardQuorum: true } });
  const tally = tallyVotes(await repo.listVotes(associationId, version.id, version.round), [...boardIds], association.boardQuorum);
  const outcome = outcomeOf(tally);
  if (!outcome) throw new AppError("NO_QUORUM");

  await ctx.db.boardDecision.create({
    data: {
      associationId,
      policyVersionId: version.id,
      outcome,
      round: version.round,
      sessionNumber: input.sessionNumber,
      meetingDate,
      chairNameAr: displayName(member.user),
      attendees: board.filter((seat) => attendeeIds.includes(seat.userId)).map((seat) => displayName(seat.user)),
      quorumRequired: tally.required,
      approvals: tally.approvals,
      rejections: tally.rejections,
      recordedById: member.user.id,
    },
  });

  if (outcome === "APPROVED") {
    const chain = await repo.approvedChain(associationId);
    await ctx.db.policyVersion.update({
      where: { associationId_id: { associationId, id: version.id } },
      data: { status: "APPROVED", approvedAt: new Date(), previousHash: chain.at(-1)?.contentHash ?? null },
    });
  } else {
    await ctx.db.policyVersion.update({ where: { associationId_id: { associationId, id: version.id } }, data: { status: "DRAFT" } });
  }
  const hijri = toHijri(meetingDate);
  return {
    audit: {
      action: "policy.decision_recorded",
      target: POLICY_TARGET(version.id),
      after: { number: version.number, outcome, session: input.sessionNumber, meetingDate: meetingDate.toISOString().slice(0, 10), hijri: `${hijri.year}/${hijri.month}/${hijri.day}`, ...tally },
    },
    notice: outcome === "APPROVED" ? "board.notices.approved" : "board.notices.rejected",
  };
}

/** Makes an approved version the one in force; the one before becomes superseded. */
export async function publishVersion(ctx: ActionContext, input: z.output<typeof versionIdSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["APPROVED"]);
  const previous = await policyRepository(ctx.db).findPublished(associationId);
  // Never back in time: a version approved before the one in force stays unpublished.
  if (previous && previous.number > version.number) throw new AppError("POLICY_VERSION_LOCKED");
  if (previous) {
    await ctx.db.policyVersion.update({ where: { associationId_id: { associationId, id: previous.id } }, data: { status: "SUPERSEDED" } });
  }
  await ctx.db.policyVersion.update({
    where: { associationId_id: { associationId, id: version.id } },
    data: { status: "PUBLISHED", publishedAt: new Date() },
  });
  // Staff who handle requests are asked to read it (lib/policy/attestation.ts).
  const staff = await membersWithRole(ctx.db, associationId, ATTESTING_ROLES);
  const name = pickColumn(member.tenant.nameAr, member.tenant.nameEn, ctx.locale);
  for (const { user } of staff) {
    await enqueueEmail(ctx.db, {
      associationId,
      to: user.email,
      template: "policyPublished",
      locale: ctx.locale,
      values: { association: name, number: String(version.number), link: pageUrl(tenantUrl(member.tenant.slug, ctx.locale), "/admin/policy") },
    });
  }
  return {
    audit: { action: "policy.published", target: POLICY_TARGET(version.id), after: { number: version.number, superseded: previous?.number ?? null } },
    notice: "policy.notices.published",
  };
}

/** Roles whose members must confirm they have read each published version. */
export const ATTESTING_ROLES = ["OFFICER", "RESEARCHER", "COMMITTEE"] as const;

/** A member confirms having read the published version (once; again is harmless). */
export async function attest(ctx: ActionContext, input: z.output<typeof versionIdSchema>): Promise<Outcome> {
  const member = memberOrThrow(ctx);
  const associationId = member.tenant.id;
  const version = await lockVersion(ctx.db, associationId, input.versionId, ["PUBLISHED"]);
  const key = { associationId, policyVersionId: version.id, userId: member.user.id };
  const existing = await ctx.db.policyAttestation.findUnique({ where: { associationId_policyVersionId_userId: key } });
  if (existing) return { audit: [], notice: "policy.notices.attested" };
  await ctx.db.policyAttestation.create({ data: key });
  return { audit: { action: "policy.attested", target: POLICY_TARGET(version.id), after: { number: version.number } }, notice: "policy.notices.attested" };
}

/** The board's quorum rule for this association. */
export async function setQuorum(ctx: ActionContext, input: z.output<typeof quorumSchema>): Promise<Outcome> {
  const associationId = memberOrThrow(ctx).tenant.id;
  const before = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { boardQuorum: true } });
  await ctx.db.association.update({ where: { id: associationId }, data: { boardQuorum: input.quorum } });
  return {
    audit: { action: "policy.quorum_changed", target: { type: "Association", id: associationId }, before: { quorum: before.boardQuorum }, after: { quorum: input.quorum } },
    notice: "policy.notices.quorumSaved",
  };
}

