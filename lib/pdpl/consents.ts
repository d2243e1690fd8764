import type { DbClient } from "../db/types";

// The consent record shown on the staff request page: the privacy notice version the applicant
// agreed to (its text as it was then) and the survey answers they agreed to link.

export async function consentRecord(db: DbClient, associationId: string, request: { id: string; privacyNoticeVersion: number }) {
  const [notice, surveyLinks] = await Promise.all([
    db.privacyNotice.findUnique({ where: { associationId_version: { associationId, version: request.privacyNoticeVersion } } }),
    db.surveyResponseLink.findMany({ where: { associationId, requestId: request.id }, orderBy: { consentedAt: "asc" }, select: { responseId: true, consentedAt: true } }),
  ]);
  return { notice, surveyLinks };
}
