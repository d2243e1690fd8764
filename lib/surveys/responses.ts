import { z } from "zod";
import { siteTenant, type ActionContext, type Outcome } from "../auth/access";
import { fieldErrorsOf } from "../auth/form";
import { consume } from "../auth/rate-limit";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { isoDay, riyadhDay } from "../requests/due-date";
import { markInvitationUsed, openInvitation } from "./invitations";
import { answersSchema, type SurveyContent } from "./schema";
import { surveyWithVersion } from "./surveys";

// A respondent's answers, through an invitation link or the survey's public link (walk-ins).
// The response row holds the survey version, the source, the channel and the Riyadh month, and
// nothing else about the respondent: no request, invitation, person, time of day or IP, and no
// audit event (the audit log records an IP). Only a non-anonymous survey answered through an
// invitation, with the respondent's explicit consent, links the response to the request, in
// SurveyResponseLink.

/** The form's fixed fields; the answers (a_<questionKey>) are checked against the version. */
export const responseSchema = z.looseObject({
  token: z.string("validation.invalid").max(100, "validation.invalid").optional(),
  surveyId: z.uuid("validation.invalid").optional(),
  /** The version the page showed: answers are checked against, and stored with, that version only. */
  versionId: z.uuid("validation.invalid").optional(),
  linkConsent: z.literal("on").optional().catch(undefined),
  website: z.string("validation.invalid").optional(),
}, "validation.invalid");

export type SurveyTarget = {
  surveyId: string;
  anonymous: boolean;
  version: { id: string; number: number; content: SurveyContent };
  invitation: { id: string; requestId: string; channelKey: string } | null;
};

/** What a respondent's page opens: an invitation's survey or a survey's public link. Errors:
 * SURVEY_LINK_INVALID/USED/EXPIRED for a token, SURVEY_UNAVAILABLE for a closed survey. */
export async function openSurvey(
  db: DbClient,
  associationId: string,
  by: { token: string } | { surveyId: string },
  now: Date = new Date(),
): Promise<SurveyTarget> {
  // A malformed id in a public link is simply a survey that is not there (not a database error).
  if ("surveyId" in by && !z.uuid().safeParse(by.surveyId).success) throw new AppError("SURVEY_UNAVAILABLE");
  const invitation = "token" in by ? await openInvitation(db, associationId, by.token, now) : null;
  const surveyId = invitation?.surveyId ?? ("surveyId" in by ? by.surveyId : "");
  const { survey, version } = await surveyWithVersion(db, associationId, surveyId).catch((error) => {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? new AppError("SURVEY_UNAVAILABLE") : error;
  });
  // A link already sent stays valid while the survey is active; a public link also needs the switch.
  if (!survey.active || !version || (!invitation && !survey.publicLink)) throw new AppError("SURVEY_UNAVAILABLE");
  return {
    surveyId: survey.id,
    anonymous: survey.anonymous,
    version,
    invitation: invitation && { id: invitation.id, requestId: invitation.request.id, channelKey: invitation.request.channelKey },
  };
}

export async function submitSurveyResponse(ctx: ActionContext, input: z.output<typeof responseSchema>): Promise<Outcome> {
  const tenant = siteTenant(ctx);
  if (input.website) throw new AppError("SPAM_SUSPECTED");
  const now = new Date();
  let target: SurveyTarget;
  if (input.token) target = await openSurvey(ctx.db, tenant.id, { token: input.token }, now);
  else if (input.surveyId) {
    await consume(ctx.db, "surveyIp", ctx.ip);
    target = await openSurvey(ctx.db, tenant.id, { surveyId: input.surveyId }, now);
  } else throw new AppError("SURVEY_LINK_INVALID");
  // Published while the respondent was answering: their answers belong to the previous questions.
  if (input.versionId && input.versionId !== target.version.id) throw new AppError("SURVEY_UNAVAILABLE", undefined, "surveys.respond.versionChanged");

  const parsed = answersSchema(target.version.content).safeParse(input);
  if (!parsed.success) throw AppError.fields(fieldErrorsOf(parsed.error));

  if (target.invitation) await markInvitationUsed(ctx.db, tenant.id, target.invitation.id, now);
  const response = await ctx.db.surveyResponse.create({
    data: {
      associationId: tenant.id,
      surveyId: target.surveyId,
      versionId: target.version.id,
      source: target.invitation ? "INVITATION" : "PUBLIC_LINK",
      channelKey: target.invitation?.channelKey ?? null,
      month: isoDay(riyadhDay(now)).slice(0, 7),
      answers: parsed.data,
    },
    select: { id: true },
  });
  if (target.invitation && !target.anonymous && input.linkConsent === "on") {
    await ctx.db.surveyResponseLink.create({ data: { associationId: tenant.id, responseId: response.id, requestId: target.invitation.requestId, consentedAt: now } });
  }
  return { audit: [], notice: "surveys.respond.thanks", refresh: false };
}
