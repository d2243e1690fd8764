import type { Db } from "./client";
import { isoDay, riyadhDay } from "../requests/due-date";
import { inviteAfterDelivery } from "../surveys/invitations";
import { answerField, answersSchema, type Question } from "../surveys/schema";
import { postServiceSurvey, surveyWithVersion } from "../surveys/surveys";

// Demo survey data, so that a fresh start shows a working dashboard: twenty walk-in answers to
// the default survey over the last four months, and an invitation (in the outbox) for the demo
// request that was delivered. Skipped where the association already has responses.

const DAY = 24 * 60 * 60 * 1000;
const RESPONSES = 20;

/** Answers for demo respondent n: mostly satisfied, some not, reproducible. */
function demoAnswer(question: Question, n: number): string | string[] | undefined {
  const pick = (values: readonly number[]) => String(values[(n * 7 + question.key.length) % values.length]);
  switch (question.type) {
    case "RATING":
      return pick([5, 4, 5, 3, 4, 5, 2, 4, 5, 4, 1, 5]);
    case "NPS":
      return pick([10, 9, 8, 10, 7, 9, 4, 10, 6, 9]);
    case "SINGLE":
      return question.required || n % 2 === 0 ? question.options[n % question.options.length].key : undefined;
    case "MULTIPLE":
      return [question.options[n % question.options.length].key];
    case "TEXT":
      return n % 5 === 0 ? ["الموظفون متعاونون والإجراءات واضحة.", "أتمنى أن يكون الرد أسرع."][(n / 5) % 2] : undefined;
  }
}

export async function seedDemoSurveys(db: Db, slugs: readonly string[], now = new Date()) {
  for (const slug of slugs) {
    const association = await db.association.findUnique({ where: { slug }, select: { id: true, slug: true, nameAr: true, nameEn: true } });
    if (!association || (await db.surveyResponse.count({ where: { associationId: association.id } })) > 0) continue;
    const survey = await postServiceSurvey(db, association.id);
    if (!survey) continue;
    const { version } = await surveyWithVersion(db, association.id, survey.id);
    if (!version) continue;
    const rows = Array.from({ length: RESPONSES }, (_, n) => {
      const form = Object.fromEntries(version.content.questions.map((q) => [answerField(q.key), demoAnswer(q, n)]));
      const month = isoDay(riyadhDay(new Date(now.getTime() - (n % 4) * 30 * DAY))).slice(0, 7);
      return { associationId: association.id, surveyId: survey.id, versionId: version.id, source: "PUBLIC_LINK" as const, channelKey: null, month, answers: answersSchema(version.content).parse(form) };
    });
    await db.$transaction(async (tx) => {
      await tx.surveyResponse.createMany({ data: rows });
      const delivered = await tx.supportRequest.findFirst({ where: { associationId: association.id, status: "DELIVERED" }, orderBy: { deliveredAt: "desc" } });
      if (delivered) await inviteAfterDelivery(tx, association, delivered, delivered.deliveredAt ?? now);
    });
  }
}
