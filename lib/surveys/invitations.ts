import type { Tenant } from "../tenancy/repository";
import { hashToken, isTokenShaped, newToken } from "../auth/tokens";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { pickColumn } from "../i18n/localized";
import { asLocale } from "../i18n/routing";
import { enqueueEmail, enqueueSms } from "../notify/outbox";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { postServiceSurvey } from "./surveys";

// Post-service invitations: when a request is delivered, the beneficiary gets a link by SMS (and
// e-mail) to the association's post-service survey. The link's token is random and only its
// sha256 is stored; it serves one response and expires after 30 days.

export const INVITATION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const surveyPath = (token: string) => `/survey/${token}`;
/** A survey's public link (walk-ins, QR code). */
export const publicSurveyPath = (surveyId: string) => `/survey/open/${surveyId}`;

/** Invites the request's applicant, in the language they used, to the post-service survey (if
 * the association has one). At most one invitation per request and survey. */
export async function inviteAfterDelivery(
  db: DbClient,
  tenant: Pick<Tenant, "id" | "slug" | "nameAr" | "nameEn">,
  request: { id: string; phone: string; email: string | null; locale: string; applicantName: string },
  now: Date = new Date(),
) {
  const survey = await postServiceSurvey(db, tenant.id);
  if (!survey) return null;
  const token = newToken();
  const created = await db.surveyInvitation.createMany({
    data: [{ associationId: tenant.id, surveyId: survey.id, requestId: request.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS), createdAt: now }],
    skipDuplicates: true,
  });
  if (created.count === 0) return null;
  const locale = asLocale(request.locale);
  const values = {
    association: pickColumn(tenant.nameAr, tenant.nameEn, locale),
    name: request.applicantName,
    link: pageUrl(tenantUrl(tenant.slug, locale), surveyPath(token)),
    days: String(INVITATION_DAYS),
  };
  await enqueueSms(db, { associationId: tenant.id, to: request.phone, template: "surveyInvitation", locale, values });
  if (request.email) await enqueueEmail(db, { associationId: tenant.id, to: request.email, template: "surveyInvitation", locale, values });
  return { token };
}

/** The invitation a token opens, for this association only. Forged or unknown tokens, used
 * links and expired links each get their own error, so the page can say which. */
export async function openInvitation(db: DbClient, associationId: string, token: string, now: Date = new Date()) {
  if (!isTokenShaped(token)) throw new AppError("SURVEY_LINK_INVALID");
  const invitation = await db.surveyInvitation.findUnique({
    where: { associationId_tokenHash: { associationId, tokenHash: hashToken(token) } },
    select: { id: true, surveyId: true, expiresAt: true, usedAt: true, request: { select: { id: true, channelKey: true } } },
  });
  if (!invitation) throw new AppError("SURVEY_LINK_INVALID");
  if (invitation.usedAt) throw new AppError("SURVEY_LINK_USED");
  if (invitation.expiresAt.getTime() <= now.getTime()) throw new AppError("SURVEY_LINK_EXPIRED");
  return invitation;
}

/** Marks the invitation used, once: of two responses racing on one link, the second fails. */
export async function markInvitationUsed(db: DbClient, associationId: string, invitationId: string, now: Date) {
  const { count } = await db.surveyInvitation.updateMany({ where: { associationId, id: invitationId, usedAt: null }, data: { usedAt: now } });
  if (count === 0) throw new AppError("SURVEY_LINK_USED");
}
