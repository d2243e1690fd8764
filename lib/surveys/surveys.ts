import type { Prisma } from "../db/generated/client";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { DEFAULT_SURVEY } from "./defaults";
import { surveyContentSchema, type SurveyContent } from "./schema";

// Surveys and their published versions. A survey's questions are edited as its draft; publishing
// copies the draft into a new numbered version that never changes, and respondents always see
// the survey's current version.

/** Reads stored content through the schema (rows are written only after the same check). */
export const parseContent = (content: Prisma.JsonValue): SurveyContent => surveyContentSchema.parse(content);

/** Creates a survey with `content` as its draft and its first published version. */
export async function createSurvey(
  db: DbClient,
  associationId: string,
  content: SurveyContent,
  options: { postService?: boolean; anonymous?: boolean; publishedById?: string | null; now?: Date } = {},
) {
  const survey = await db.survey.create({
    data: {
      associationId,
      titleAr: content.title.ar,
      titleEn: content.title.en ?? null,
      draft: content,
      anonymous: options.anonymous ?? true,
      postService: options.postService ?? false,
      currentVersion: 1,
      ...(options.now ? { createdAt: options.now } : {}),
    },
    select: { id: true },
  });
  await db.surveyVersion.create({
    data: { associationId, surveyId: survey.id, number: 1, content, publishedById: options.publishedById ?? null, ...(options.now ? { publishedAt: options.now } : {}) },
  });
  return survey;
}

/** The default satisfaction survey, sent after service, for an association that has no survey. */
export async function ensureDefaultSurvey(db: DbClient, associationId: string, now?: Date) {
  if ((await db.survey.count({ where: { associationId } })) > 0) return;
  await createSurvey(db, associationId, DEFAULT_SURVEY, { postService: true, anonymous: true, now });
}

/** A survey of this association with its current version, or NOT_FOUND. */
export async function surveyWithVersion(db: DbClient, associationId: string, surveyId: string) {
  const survey = await db.survey.findUnique({ where: { associationId_id: { associationId, id: surveyId } } });
  if (!survey) throw new AppError("NOT_FOUND");
  const version =
    survey.currentVersion === null
      ? null
      : await db.surveyVersion.findUnique({
          where: { associationId_surveyId_number: { associationId, surveyId, number: survey.currentVersion } },
          select: { id: true, number: true, content: true, publishedAt: true },
        });
  return { survey, version: version && { ...version, content: parseContent(version.content) } };
}

/** The active survey sent after service, if the association has one with a published version. */
export async function postServiceSurvey(db: DbClient, associationId: string) {
  return db.survey.findFirst({
    where: { associationId, postService: true, active: true, currentVersion: { not: null } },
    select: { id: true },
  });
}
