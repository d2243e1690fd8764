import { z } from "zod";
import type { ActionContext, Outcome } from "../auth/access";
import { assertSurveyRoom } from "../billing/limits";
import { localizedTextSchema } from "../policy/schema";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { sameContent } from "./builder-draft";
import { DEFAULT_SURVEY } from "./defaults";
import { parseContent } from "./surveys";
import { surveyContentSchema, type SurveyContent } from "./schema";

// The association's surveys as their managers see them: the list with its switches, the draft
// edited in the builder, and publication of the draft as a new immutable version. Every service
// locks the survey's row, so two managers' saves and publications are serialized, and finds it
// by (associationId, id): another association's survey is NOT_FOUND and nothing changes.

const surveyId = z.uuid("validation.invalid");
/** The draft's updatedAt when the builder loaded it: acting over someone else's newer save is refused. */
const baseUpdatedAt = z.iso.datetime({ offset: true, message: "validation.invalid" });

export const surveyIdSchema = z.object({ surveyId });
export const saveSurveyDraftSchema = z.object({ surveyId, content: surveyContentSchema, baseUpdatedAt });
export const publishSurveySchema = z.object({ surveyId, baseUpdatedAt });

export const SURVEY_SETTINGS = ["anonymous", "publicLink", "active", "postService"] as const;
export type SurveySetting = (typeof SURVEY_SETTINGS)[number];
export const surveySettingSchema = z.object({
  surveyId,
  setting: z.enum(SURVEY_SETTINGS, "validation.invalid"),
  value: z.enum(["true", "false"], "validation.invalid").transform((v) => v === "true"),
});

export const createSurveySchema = z.object({
  titleAr: localizedTextSchema.shape.ar,
  titleEn: localizedTextSchema.shape.en.transform((v) => v || undefined),
});

const TARGET = (id: string) => ({ type: "Survey", id });

function associationOf(ctx: ActionContext): string {
  if (!ctx.member) throw new AppError("NOT_FOUND");
  return ctx.member.tenant.id;
}

/** Locks this association's survey for the transaction, or NOT_FOUND. */
async function lockSurvey(db: DbClient, associationId: string, id: string) {
  await db.$queryRaw`SELECT 1 FROM "Survey" WHERE "associationId" = ${associationId}::uuid AND "id" = ${id}::uuid FOR UPDATE`;
  const survey = await db.survey.findUnique({ where: { associationId_id: { associationId, id } } });
  if (!survey) throw new AppError("NOT_FOUND");
  return survey;
}

function checkBase(survey: { updatedAt: Date }, base: string) {
  if (survey.updatedAt.getTime() !== new Date(base).getTime()) throw new AppError("SURVEY_DRAFT_CHANGED");
}


// ---------------------------------------------------------------- reads

/** The association's surveys, newest first, with their response counts. */
export async function listSurveys(db: DbClient, associationId: string) {
  const [surveys, counts] = await Promise.all([
    db.survey.findMany({
      where: { associationId },
      orderBy: [{ postService: "desc" }, { createdAt: "desc" }],
      select: { id: true, titleAr: true, titleEn: true, anonymous: true, postService: true, publicLink: true, active: true, currentVersion: true, updatedAt: true },
    }),
    db.surveyResponse.groupBy({ by: ["surveyId"], where: { associationId }, _count: { _all: true } }),
  ]);
  const responses = new Map(counts.map((c) => [c.surveyId, c._count._all]));
  return surveys.map((s) => ({ ...s, responses: responses.get(s.id) ?? 0 }));
}

/** A survey's draft for the builder, with its current version's number; NOT_FOUND for another association's id. */
export async function surveyForBuilder(db: DbClient, associationId: string, id: string) {
  if (!surveyId.safeParse(id).success) throw new AppError("NOT_FOUND");
  const survey = await db.survey.findUnique({
    where: { associationId_id: { associationId, id } },
    select: { id: true, draft: true, currentVersion: true, updatedAt: true, anonymous: true },
  });
  if (!survey) throw new AppError("NOT_FOUND");
  // The published content, so the builder can tell when there is nothing new to publish.
  const current =
    survey.currentVersion === null
      ? null
      : await db.surveyVersion.findUnique({
          where: { associationId_surveyId_number: { associationId, surveyId: survey.id, number: survey.currentVersion } },
          select: { content: true },
        });
  return { ...survey, draft: parseContent(survey.draft), published: current ? parseContent(current.content) : null };
}

// ---------------------------------------------------------------- services

/** Saves the builder's content as the draft; respondents keep seeing the current version. */
export async function saveSurveyDraft(ctx: ActionContext, input: z.output<typeof saveSurveyDraftSchema>): Promise<Outcome> {
  const associationId = associationOf(ctx);
  const survey = await lockSurvey(ctx.db, associationId, input.surveyId);
  checkBase(survey, input.baseUpdatedAt);
  const saved = await ctx.db.survey.update({
    where: { associationId_id: { associationId, id: survey.id } },
    // The list shows the published title; an unpublished survey shows its draft's.
    data: { draft: input.content, ...(survey.currentVersion === null ? { titleAr: input.content.title.ar, titleEn: input.content.title.en || null } : {}) },
    select: { updatedAt: true },
  });
  return {
    audit: { action: "surveys.draft_saved", target: TARGET(survey.id), after: { questions: input.content.questions.length } },
    notice: "surveys.builder.notices.saved",
    data: { updatedAt: saved.updatedAt.toISOString() },
    refresh: false,
  };
}

/** Publishes the draft as version n+1; versions are never changed afterwards (a trigger refuses it). */
export async function publishSurvey(ctx: ActionContext, input: z.output<typeof publishSurveySchema>): Promise<Outcome> {
  const associationId = associationOf(ctx);
  const survey = await lockSurvey(ctx.db, associationId, input.surveyId);
  checkBase(survey, input.baseUpdatedAt);
  const parsed = surveyContentSchema.safeParse(survey.draft);
  if (!parsed.success) {
    throw AppError.fields(Object.fromEntries(parsed.error.issues.map((i) => [i.path.map(String).join(".") || "_form", i.message.startsWith("validation.") ? i.message : "validation.invalid"])));
  }
  const content = parsed.data;
  if (survey.currentVersion !== null) {
    const current = await ctx.db.surveyVersion.findUnique({
      where: { associationId_surveyId_number: { associationId, surveyId: survey.id, number: survey.currentVersion } },
      select: { content: true },
    });
    if (current && sameContent(parseContent(current.content), content)) throw new AppError("SURVEY_UNCHANGED");
  }
  const latest = await ctx.db.surveyVersion.aggregate({ where: { associationId, surveyId: survey.id }, _max: { number: true } });
  const number = (latest._max.number ?? 0) + 1;
  await ctx.db.surveyVersion.create({ data: { associationId, surveyId: survey.id, number, content, publishedById: ctx.member?.user.id ?? null } });
  const updated = await ctx.db.survey.update({
    where: { associationId_id: { associationId, id: survey.id } },
    data: { currentVersion: number, titleAr: content.title.ar, titleEn: content.title.en || null },
    select: { updatedAt: true },
  });
  return {
    audit: { action: "surveys.published", target: TARGET(survey.id), before: { version: survey.currentVersion }, after: { version: number } },
    notice: "surveys.builder.notices.published",
    data: { updatedAt: updated.updatedAt.toISOString(), version: String(number) },
  };
}

/** One switch of a survey. The post-service survey is one per association: turning it on for
 * one survey turns it off for the others, in the same transaction. */
export async function setSurveySetting(ctx: ActionContext, input: z.output<typeof surveySettingSchema>): Promise<Outcome> {
  const associationId = associationOf(ctx);
  const survey = await lockSurvey(ctx.db, associationId, input.surveyId);
  const { setting, value } = input;
  // Invitations would stop silently: only a published survey can be sent after service.
  if (setting === "postService" && value && survey.currentVersion === null) throw new AppError("SURVEY_UNAVAILABLE", undefined, "surveys.builder.errors.publishFirst");
  if (setting === "postService" && value) {
    await ctx.db.survey.updateMany({ where: { associationId, postService: true, id: { not: survey.id } }, data: { postService: false } });
  }
  await ctx.db.survey.update({ where: { associationId_id: { associationId, id: survey.id } }, data: { [setting]: value } });
  return {
    audit: { action: "surveys.settings_changed", target: TARGET(survey.id), before: { [setting]: survey[setting] }, after: { [setting]: value } },
    notice: "surveys.builder.notices.settingSaved",
  };
}

/** A new survey whose draft starts from the default survey's questions; unpublished until its
 * managers publish it. */
export async function createSurveyDraft(ctx: ActionContext, input: z.output<typeof createSurveySchema>): Promise<Outcome> {
  const associationId = associationOf(ctx);
  await assertSurveyRoom(ctx.db, associationId);
  const draft: SurveyContent = { ...structuredClone(DEFAULT_SURVEY), title: { ar: input.titleAr, ...(input.titleEn ? { en: input.titleEn } : {}) } };
  const survey = await ctx.db.survey.create({
    data: { associationId, titleAr: input.titleAr, titleEn: input.titleEn ?? null, draft, anonymous: true, postService: false, currentVersion: null },
    select: { id: true },
  });
  return {
    audit: { action: "surveys.created", target: TARGET(survey.id), after: { title: input.titleAr } },
    // The form opens the builder itself: a server redirect to a tenant route 404s.
    data: { surveyId: survey.id },
    refresh: false,
  };
}
