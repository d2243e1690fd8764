import type { Plan } from "../db/generated/enums";
import type { Subscription } from "../db/generated/client";
import type { DbClient } from "../db/types";
import { AppError, type ErrorCode } from "../errors";
import type { Locale } from "../i18n/routing";
import { enqueueEmail } from "../notify/outbox";
import type { Template } from "../notify/templates";
import { membersWithRole } from "../policy/repository";
import { riyadhDay } from "../requests/due-date";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { PLAN_LIMITS } from "./plans";

// An association's plan as it is in force now, what it uses of it, and the checks the services
// make before writing. No Subscription row means Free; a failed payment past its grace is Free
// at once, before the daily job (lib/jobs/billing-grace.ts) writes the downgrade.

type PlanFields = Pick<Subscription, "plan" | "graceEndsAt" | "paymentFailedAt">;

/** The plan in force at `now`. */
export function effectivePlan(sub: PlanFields | null, now: Date = new Date()): Plan {
  if (!sub) return "FREE";
  if (sub.paymentFailedAt && sub.graceEndsAt && sub.graceEndsAt.getTime() < now.getTime()) return "FREE";
  return sub.plan;
}

export type PlanOf = { plan: Plan; source: "STRIPE" | "GRANTED" | null; subscription: Subscription | null };

/** The plan in force and where it comes from: null for Free that never had a Stripe customer
 * (a row may exist only to remember the over-limit month). */
export async function planOf(db: DbClient, associationId: string, now: Date = new Date()): Promise<PlanOf> {
  const subscription = await db.subscription.findUnique({ where: { associationId } });
  const source = subscription?.source === "GRANTED" ? "GRANTED" : subscription?.stripeCustomerId ? "STRIPE" : null;
  return { plan: effectivePlan(subscription, now), source, subscription };
}

/** The Riyadh month (YYYY-MM) of an instant: requests are counted per Riyadh month. */
export function riyadhMonth(now: Date): string {
  const day = riyadhDay(now);
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}`;
}

/** The first instant of the Riyadh month of `now`. */
export function startOfRiyadhMonth(now: Date): Date {
  return new Date(`${riyadhMonth(now)}-01T00:00:00+03:00`);
}

export type Usage = { members: number; pendingInvitations: number; requestsThisMonth: number; surveys: number; customDomains: number };

/** Invitations still open: neither accepted nor revoked, not yet expired. */
const pendingWhere = (associationId: string, now: Date) => ({ associationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

export async function usageOf(db: DbClient, associationId: string, now: Date = new Date()): Promise<Usage> {
  const [members, pendingInvitations, requestsThisMonth, surveys, customDomains] = await Promise.all([
    db.membership.count({ where: { associationId } }),
    db.invitation.count({ where: pendingWhere(associationId, now) }),
    db.supportRequest.count({ where: { associationId, submittedAt: { gte: startOfRiyadhMonth(now) } } }),
    db.survey.count({ where: { associationId } }),
    db.associationDomain.count({ where: { associationId } }),
  ]);
  return { members, pendingInvitations, requestsThisMonth, surveys, customDomains };
}

/** Whether the association went over its monthly request limit this Riyadh month. */
export const overLimit = (sub: Pick<Subscription, "overLimitMonth"> | null, now: Date = new Date()): boolean =>
  sub?.overLimitMonth === riyadhMonth(now);

/** Two invitations (or surveys) at once must not both take the last place: the second waits
 * here until the first commits, then counts it. */
const lockCount = (db: DbClient, what: string, associationId: string) =>
  db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${what}::text || ${associationId}::text))`;

/** A refusal whose message names the plan and its limit (billing.limits.members.FREE…). */
const refuse = (code: ErrorCode, field: string | undefined, key: string): never => {
  throw new AppError(code, field, `billing.limits.${key}`);
};

/** Before an invitation to `email`: members and open invitations together stay within the plan.
 * An open invitation to the same address does not count: the new one replaces it. */
export async function assertMemberRoom(db: DbClient, associationId: string, email: string, now: Date = new Date()): Promise<void> {
  const { plan } = await planOf(db, associationId, now);
  const limit = PLAN_LIMITS[plan].members;
  if (limit === null) return;
  await lockCount(db, "plan-members:", associationId);
  const [members, pending] = await Promise.all([
    db.membership.count({ where: { associationId } }),
    db.invitation.count({ where: { ...pendingWhere(associationId, now), email: { not: email } } }),
  ]);
  if (members + pending >= limit) refuse("PLAN_LIMIT_MEMBERS", "email", `members.${plan}`);
}

/** Before a new survey. */
export async function assertSurveyRoom(db: DbClient, associationId: string, now: Date = new Date()): Promise<void> {
  const { plan } = await planOf(db, associationId, now);
  const limit = PLAN_LIMITS[plan].surveys;
  if (limit === null) return;
  await lockCount(db, "plan-surveys:", associationId);
  if ((await db.survey.count({ where: { associationId } })) >= limit) refuse("PLAN_LIMIT_SURVEYS", undefined, `surveys.${plan}`);
}

/** Before a custom domain. */
export async function assertCustomDomain(db: DbClient, associationId: string, now: Date = new Date()): Promise<void> {
  const { plan } = await planOf(db, associationId, now);
  if (!PLAN_LIMITS[plan].customDomain) refuse("PLAN_LIMIT_DOMAIN", "hostname", "domain");
}

const LOCALE: Locale = "ar";

/** E-mails the association's admins (in Arabic, like the other billing mail) with a link to the billing page. */
export async function emailAdmins(db: DbClient, associationId: string, template: Template, values: Record<string, string>): Promise<number> {
  const association = await db.association.findUniqueOrThrow({ where: { id: associationId }, select: { slug: true, nameAr: true } });
  const all = { association: association.nameAr, link: pageUrl(tenantUrl(association.slug, LOCALE), "/admin/billing"), ...values };
  const admins = await membersWithRole(db, associationId, ["ADMIN"]);
  for (const admin of admins) await enqueueEmail(db, { associationId, to: admin.user.email, template, locale: LOCALE, values: all });
  return admins.length;
}

/** After a request is created (the public form never refuses one): the first request over the
 * plan's monthly limit flags the association for this Riyadh month and tells its admins, once.
 * The flag is claimed in one statement, so two requests at once cannot both send the mail. */
export async function noteRequestUsage(db: DbClient, associationId: string, now: Date = new Date()): Promise<boolean> {
  const { plan, subscription } = await planOf(db, associationId, now);
  const limit = PLAN_LIMITS[plan].requestsPerMonth;
  const month = riyadhMonth(now);
  if (limit === null || subscription?.overLimitMonth === month) return false;
  const count = await db.supportRequest.count({ where: { associationId, submittedAt: { gte: startOfRiyadhMonth(now) } } });
  if (count <= limit) return false;
  const claimed = await db.$executeRaw`
    INSERT INTO "Subscription" ("associationId", "overLimitMonth", "updatedAt") VALUES (${associationId}::uuid, ${month}, ${now})
    ON CONFLICT ("associationId") DO UPDATE SET "overLimitMonth" = EXCLUDED."overLimitMonth", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "Subscription"."overLimitMonth" IS DISTINCT FROM EXCLUDED."overLimitMonth"`;
  if (claimed === 0) return false;
  await emailAdmins(db, associationId, "billingOverLimit", { limit: String(limit), count: String(count) });
  return true;
}
