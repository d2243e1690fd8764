import { siteTenant, type ActionContext, type Outcome } from "../auth/access";
import { consume } from "../auth/rate-limit";
import { noteRequestUsage } from "../billing/limits";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { formatDualDate } from "../i18n/dates";
import { pickColumn } from "../i18n/localized";
import type { Locale } from "../i18n/routing";
import { enqueueEmail, enqueueSms } from "../notify/outbox";
import { needsAttestation } from "../policy/console";
import { policyRepository } from "../policy/repository";
import { policyContentSchema } from "../policy/schema";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { computeDueAt } from "./due-date";
import type { IntakeInput } from "./intake-schema";
import { nextReference } from "./reference";
import { holidaySet, latestPrivacyNotice } from "./settings";
import { OPEN_STATUSES } from "./status";

// A beneficiary's request, as the published policy says it is received: its channels are the
// only accepted channels, its procedure steps become the request's checklist, its response
// deadline gives the due date. Everything is written in the caller's transaction, so a refusal
// anywhere leaves no row behind.

export type IntakeTenant = { id: string; slug: string; nameAr: string; nameEn: string | null };

export type SubmitOptions = {
  /** The staff member who entered the request (walk-in, phone, letter); no IP limit then. */
  enteredById?: string;
  now?: Date;
  ip?: string;
  locale: Locale;
};

export type SubmitResult =
  | { created: true; id: string; reference: string; dueAt: Date }
  | { created: false; existing: string };

export async function submitRequest(db: DbClient, tenant: IntakeTenant, input: IntakeInput, options: SubmitOptions): Promise<SubmitResult> {
  const associationId = tenant.id;
  const now = options.now ?? new Date();
  // A filled honeypot is a bot: refuse without saying why, and store nothing.
  if (input.website && input.website.trim() !== "") throw new AppError("SPAM_SUSPECTED");

  const version = await policyRepository(db).findPublished(associationId);
  if (!version) throw new AppError("NO_PUBLISHED_POLICY");
  const content = policyContentSchema.parse(version.content);
  if (!content.channels.some((c) => c.key === input.channelKey)) throw new AppError("INVALID_INPUT", "channelKey", "validation.channelRequired");

  const supportType = await db.supportType.findUnique({
    where: { associationId_key: { associationId, key: input.supportTypeKey } },
    select: { active: true },
  });
  if (!supportType?.active) throw new AppError("INVALID_INPUT", "supportTypeKey", "validation.supportTypeRequired");

  const association = await db.association.findUniqueOrThrow({ where: { id: associationId }, select: { healthRelated: true } });
  if (association.healthRelated && !input.healthConsent) throw new AppError("INVALID_INPUT", "healthConsent", "validation.healthConsentRequired");
  const notice = await latestPrivacyNotice(db, associationId);
  if (!notice) throw new AppError("NO_PUBLISHED_POLICY");

  if (!options.enteredById && options.ip) await consume(db, "intakeIp", options.ip);
  await consume(db, "intakePhone", `${associationId}:${input.phone}`);

  // One ID at a time per association: a second submission of the same ID waits here until the
  // first commits, then finds its open request.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${associationId}::text || ${input.idNumber}::text))`;
  const open = await db.supportRequest.findFirst({
    where: { associationId, idType: input.idType, idNumber: input.idNumber, status: { in: [...OPEN_STATUSES] } },
    orderBy: { submittedAt: "desc" },
    select: { reference: true },
  });
  if (open) return { created: false, existing: open.reference };

  const reference = await nextReference(db, associationId, "R", now);
  const dueAt = computeDueAt(now, content.responseDeadline, await holidaySet(db, associationId));
  const request = await db.supportRequest.create({
    data: {
      associationId,
      reference,
      policyVersionId: version.id,
      channelKey: input.channelKey,
      supportTypeKey: input.supportTypeKey,
      applicantName: input.applicantName,
      idType: input.idType,
      idNumber: input.idNumber,
      phone: input.phone,
      email: input.email ?? null,
      city: input.city,
      householdSize: input.householdSize,
      description: input.description,
      locale: options.locale,
      submittedAt: now,
      dueAt,
      privacyNoticeVersion: notice.version,
      healthConsent: association.healthRelated ? true : null,
      accuracyDeclaredAt: now,
      enteredById: options.enteredById ?? null,
    },
    select: { id: true },
  });
  await db.requestStep.createMany({
    data: content.procedure.steps.map((step, i) => ({
      associationId,
      requestId: request.id,
      position: i,
      key: step.key ?? null,
      textAr: step.text.ar,
      textEn: step.text.en ?? null,
    })),
  });
  await db.requestEvent.create({
    data: {
      associationId,
      requestId: request.id,
      type: "SUBMITTED",
      actorId: options.enteredById ?? null,
      data: options.enteredById ? { channelKey: input.channelKey, enteredBy: "STAFF" } : { channelKey: input.channelKey },
      createdAt: now,
    },
  });

  // Over the plan's monthly requests the admins hear about it; the request is accepted all the same.
  await noteRequestUsage(db, associationId, now);

  const locale = options.locale;
  const values = {
    name: input.applicantName,
    association: pickColumn(tenant.nameAr, tenant.nameEn, locale),
    reference,
    due: formatDualDate(dueAt, locale),
    link: pageUrl(tenantUrl(tenant.slug, locale), "/track"),
  };
  await enqueueSms(db, { associationId, to: input.phone, template: "requestReceived", locale, values });
  if (input.email) await enqueueEmail(db, { associationId, to: input.email, template: "requestReceived", locale, values });
  return { created: true, id: request.id, reference, dueAt };
}

function outcome(result: SubmitResult): Outcome {
  if (!result.created) return { audit: [], data: { existing: result.existing }, refresh: false };
  return {
    audit: { action: "request.submitted", target: { type: "SupportRequest", id: result.id }, after: { reference: result.reference } },
    data: { reference: result.reference, dueAt: result.dueAt.toISOString() },
    refresh: false,
  };
}

/** The public form (/request). */
export async function submitPublicRequest(ctx: ActionContext, input: IntakeInput): Promise<Outcome> {
  return outcome(await submitRequest(ctx.db, siteTenant(ctx), input, { ip: ctx.ip, locale: ctx.locale }));
}

/** An officer enters a walk-in, phone or letter request, having read the consents to the applicant. */
export async function enterStaffRequest(ctx: ActionContext, input: IntakeInput): Promise<Outcome> {
  const tenant = siteTenant(ctx);
  if (!ctx.member) throw new AppError("NOT_FOUND");
  if (await needsAttestation(ctx.db, tenant.id, ctx.member.user.id, ctx.member.roles)) throw new AppError("NOT_ATTESTED");
  return outcome(await submitRequest(ctx.db, tenant, input, { enteredById: ctx.member.user.id, locale: ctx.locale }));
}
