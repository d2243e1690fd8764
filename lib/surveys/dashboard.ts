import { z } from "zod";
import { toCsv } from "../csv";
import { Prisma } from "../db/generated/client";
import type { DbClient } from "../db/types";
import type { LocalizedText } from "../policy/schema";
import { channelLabels, resolvePeriod } from "../reports/requests";
import { round1 } from "../reports/stats";
import { isoDay, riyadhDay } from "../requests/due-date";
import { SCALE, type Question, type SurveyContent } from "./schema";
import {
  csatOf,
  DETRACTOR_UP_TO,
  hiddenGroups,
  meanOfCounts,
  monthRange,
  monthsBetween,
  nextMonth,
  npsOf,
  PROMOTER_FROM,
  responseRate,
  SATISFIED_FROM,
  scaleOf,
  suppressed,
} from "./stats";
import { parseContent } from "./surveys";

// The satisfaction dashboard's reads. Responses keep only their month, so periods are month
// ranges (lib/surveys/stats.ts monthRange). Counting happens in SQL (an association may have
// thousands of responses): one grouped read of per-response scores by month and channel, one of
// answers per question and value. A question is the same question across a survey's versions
// when its key is; its label is the newest version's. Every group under MIN_GROUP responses
// carries no figures (suppressed), and free text shows only for a group of MIN_GROUP or more.

export type Months = { from: string; to: string };

/** Figures of a group of responses; all null when the group is suppressed. */
export type GroupFigures = { responses: number | null; csat: number | null; nps: number | null; suppressed: boolean };

export type QuestionFigures = {
  key: string;
  type: Question["type"];
  label: LocalizedText;
  answered: number | null;
  suppressed: boolean;
  /** Mean score of RATING and NPS questions. */
  mean: number | null;
  /** Counts per score or option (zero counts included); null for TEXT and when suppressed. */
  distribution: { key: string; label: LocalizedText | null; count: number }[] | null;
};

export type SurveyDashboard = {
  months: Months;
  surveys: { id: string; title: LocalizedText }[];
  survey: { id: string; title: LocalizedText } | null;
  totals: GroupFigures & { invitations: number; invitationResponses: number; responseRate: number | null };
  questions: QuestionFigures[];
  trend: ({ month: string } & GroupFigures)[];
  /** key null: the public link (walk-ins). */
  byChannel: ({ key: string | null; label: LocalizedText | null } & GroupFigures)[];
  /** Newest first; null when the group is too small to show them. */
  comments: { questionKey: string; label: LocalizedText; month: string; text: string }[] | null;
};

export const COMMENTS_SHOWN = 50;
/** A trend longer than this shows its last months only. */
const TREND_MONTHS = 120;

type Version = { id: string; number: number; content: SurveyContent };

/** A score read from the answers only when it is a JSON number (stored answers were validated). */
const score = (key: string) =>
  Prisma.sql`CASE WHEN jsonb_typeof(r.answers -> ${key}::text) = 'number' THEN (r.answers ->> ${key}::text)::numeric END`;

/** Per response, by its version: the 1–5 score CSAT reads (the overall question, else the mean of
 * its ratings) and the 0–10 NPS score. */
function scoreColumns(versions: Version[]) {
  const csatCases: Prisma.Sql[] = [];
  const npsCases: Prisma.Sql[] = [];
  for (const v of versions) {
    const questions = v.content.questions;
    const overall = questions.find((q) => q.type === "RATING" && q.overall);
    const ratings = questions.filter((q) => q.type === "RATING");
    const npsQuestion = questions.find((q) => q.type === "NPS");
    const csatScore = overall
      ? score(overall.key)
      : ratings.length > 0
        ? Prisma.sql`(SELECT avg(s) FROM (VALUES ${Prisma.join(ratings.map((q) => Prisma.sql`(${score(q.key)})`))}) AS t(s))`
        : null;
    if (csatScore) csatCases.push(Prisma.sql`WHEN ${v.id}::uuid THEN ${csatScore}`);
    if (npsQuestion) npsCases.push(Prisma.sql`WHEN ${v.id}::uuid THEN ${score(npsQuestion.key)}`);
  }
  const caseOf = (cases: Prisma.Sql[]) =>
    cases.length === 0 ? Prisma.sql`NULL::numeric` : Prisma.sql`CASE r."versionId" ${Prisma.join(cases, " ")} END`;
  return { csat: caseOf(csatCases), nps: caseOf(npsCases) };
}

const responsesWhere = (associationId: string, surveyId: string | null, months: Months) =>
  Prisma.sql`r."associationId" = ${associationId}::uuid
    ${surveyId ? Prisma.sql`AND r."surveyId" = ${surveyId}::uuid` : Prisma.empty}
    AND r.month >= ${months.from} AND r.month <= ${months.to}`;

type ScoreRow = {
  month: string;
  channel: string | null;
  responses: number;
  rated: number;
  satisfied: number;
  scored: number;
  promoters: number;
  detractors: number;
};

async function scoreRows(db: DbClient, associationId: string, surveyId: string | null, months: Months, versions: Version[]) {
  const { csat, nps } = scoreColumns(versions);
  return db.$queryRaw<ScoreRow[]>`
    SELECT x.month, x.channel, count(*)::int AS responses,
      count(x.s)::int AS rated, (count(*) FILTER (WHERE x.s >= ${SATISFIED_FROM}))::int AS satisfied,
      count(x.p)::int AS scored, (count(*) FILTER (WHERE x.p >= ${PROMOTER_FROM}))::int AS promoters,
      (count(*) FILTER (WHERE x.p <= ${DETRACTOR_UP_TO}))::int AS detractors
    FROM (
      SELECT r.month::text AS month, r."channelKey" AS channel, ${csat} AS s, ${nps} AS p
      FROM "SurveyResponse" r
      WHERE ${responsesWhere(associationId, surveyId, months)}
    ) x
    GROUP BY x.month, x.channel`;
}

const sum = (rows: ScoreRow[]) =>
  rows.reduce(
    (t, r) => ({
      responses: t.responses + r.responses,
      rated: t.rated + r.rated,
      satisfied: t.satisfied + r.satisfied,
      scored: t.scored + r.scored,
      promoters: t.promoters + r.promoters,
      detractors: t.detractors + r.detractors,
    }),
    { responses: 0, rated: 0, satisfied: 0, scored: 0, promoters: 0, detractors: 0 },
  );

const HIDDEN: GroupFigures = { responses: null, csat: null, nps: null, suppressed: true };
/** A group nobody answered in: nothing to hide, nothing to show. */
const EMPTY: GroupFigures = { ...HIDDEN, responses: 0 };

function figures(rows: ScoreRow[]): GroupFigures {
  const t = sum(rows);
  if (t.responses === 0) return EMPTY;
  if (suppressed(t.responses)) return HIDDEN;
  return { responses: t.responses, csat: csatOf(t), nps: npsOf(t), suppressed: false };
}

/** Figures of the groups of one breakdown, small groups and their complement hidden (stats.ts hiddenGroups). */
function breakdown(groups: ScoreRow[][]): GroupFigures[] {
  const hidden = hiddenGroups(groups.map((g) => sum(g).responses));
  return groups.map((g, i) => (hidden.has(i) && sum(g).responses > 0 ? HIDDEN : figures(g)));
}

/** Invitations sent in the months (by their Riyadh month) and how many were answered. */
async function invitationCounts(db: DbClient, associationId: string, surveyId: string | null, months: Months) {
  const where = {
    associationId,
    ...(surveyId ? { surveyId } : {}),
    createdAt: { gte: new Date(`${months.from}-01T00:00:00+03:00`), lt: new Date(`${nextMonth(months.to)}-01T00:00:00+03:00`) },
  };
  const [invitations, invitationResponses] = await Promise.all([
    db.surveyInvitation.count({ where }),
    db.surveyInvitation.count({ where: { ...where, usedAt: { not: null } } }),
  ]);
  return { invitations, invitationResponses };
}

async function versionsOf(db: DbClient, associationId: string, surveyId: string | null): Promise<Version[]> {
  const rows = await db.surveyVersion.findMany({
    where: { associationId, ...(surveyId ? { surveyId } : {}) },
    orderBy: [{ number: "desc" }],
    select: { id: true, number: true, content: true },
  });
  return rows.map((v) => ({ id: v.id, number: v.number, content: parseContent(v.content) }));
}

export type SatisfactionSummary = {
  responses: number;
  invitations: number;
  invitationResponses: number;
  responseRate: number | null;
  csat: number | null;
  nps: number | null;
  suppressed: boolean;
};

/** The association's satisfaction over all its surveys in a month range (for the evidence pack). */
export async function satisfactionSummary(db: DbClient, associationId: string, months: Months): Promise<SatisfactionSummary> {
  const versions = await versionsOf(db, associationId, null);
  const [rows, invited] = await Promise.all([
    scoreRows(db, associationId, null, months, versions),
    invitationCounts(db, associationId, null, months),
  ]);
  return totalsOf(rows, invited);
}

/** All the rows' figures with the invitations. The count of responses always shows: it
 * identifies no one and says why the figures are hidden. */
function totalsOf(rows: ScoreRow[], invited: { invitations: number; invitationResponses: number }): SatisfactionSummary {
  const group = figures(rows);
  return {
    ...group,
    responses: sum(rows).responses,
    ...invited,
    responseRate: group.suppressed ? null : responseRate(invited.invitationResponses, invited.invitations),
  };
}

/** The questions of all versions by key, in the newest version's order (older-only keys after),
 * each with the newest version's label, type and options, plus options only older versions had. */
function questionsAcross(versions: Version[]): Question[] {
  const byKey = new Map<string, Question>();
  for (const v of versions) {
    for (const q of v.content.questions) {
      const known = byKey.get(q.key);
      if (!known) byKey.set(q.key, q);
      else if ((known.type === "SINGLE" || known.type === "MULTIPLE") && known.type === q.type) {
        const extra = q.options.filter((o) => !known.options.some((k) => k.key === o.key));
        if (extra.length > 0) byKey.set(q.key, { ...known, options: [...known.options, ...extra] });
      }
    }
  }
  return [...byKey.values()];
}

function categoriesOf(q: Question): { key: string; label: LocalizedText | null }[] | null {
  switch (q.type) {
    case "RATING":
    case "NPS":
      return scaleOf(SCALE[q.type]).map((n) => ({ key: String(n), label: null }));
    case "SINGLE":
    case "MULTIPLE":
      return q.options.map((o) => ({ key: o.key, label: o.label }));
    case "TEXT":
      return null;
  }
}

async function questionFigures(db: DbClient, associationId: string, surveyId: string, months: Months, questions: Question[]): Promise<QuestionFigures[]> {
  if (questions.length === 0) return [];
  const where = responsesWhere(associationId, surveyId, months);
  const counted = questions.filter((q) => q.type !== "TEXT").map((q) => q.key);
  const [answered, values] = await Promise.all([
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT e.key, count(*)::int AS n
      FROM "SurveyResponse" r CROSS JOIN LATERAL jsonb_each(r.answers) e
      WHERE ${where} AND e.key IN (${Prisma.join(questions.map((q) => q.key))})
      GROUP BY e.key`,
    counted.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ key: string; value: string; n: number }[]>`
      SELECT e.key, v.value, count(*)::int AS n
      FROM "SurveyResponse" r CROSS JOIN LATERAL jsonb_each(r.answers) e
        CROSS JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE jsonb_build_array(e.value) END) AS v(value)
      WHERE ${where} AND e.key IN (${Prisma.join(counted)})
      GROUP BY e.key, v.value`,
  ]);
  const answeredBy = new Map(answered.map((a) => [a.key, a.n]));
  const countOf = new Map(values.map((v) => [`${v.key}\u0000${v.value}`, v.n]));
  return questions.map((q) => {
    const n = answeredBy.get(q.key) ?? 0;
    const base = { key: q.key, type: q.type, label: q.label };
    if (suppressed(n)) return { ...base, answered: null, suppressed: true, mean: null, distribution: null };
    const categories = categoriesOf(q);
    const distribution = categories && categories.map((c) => ({ ...c, count: countOf.get(`${q.key}\u0000${c.key}`) ?? 0 }));
    const mean =
      q.type === "RATING" || q.type === "NPS"
        ? meanOfCounts(new Map(distribution!.map((d) => [Number(d.key), d.count])))
        : null;
    return { ...base, answered: n, suppressed: false, mean, distribution };
  });
}

async function commentsOf(db: DbClient, associationId: string, surveyId: string, months: Months, questions: Question[]) {
  const texts = questions.filter((q) => q.type === "TEXT");
  if (texts.length === 0) return [];
  const rows = await db.$queryRaw<{ key: string; month: string; text: string }[]>`
    SELECT e.key, r.month::text AS month, e.value #>> '{}' AS text
    FROM "SurveyResponse" r CROSS JOIN LATERAL jsonb_each(r.answers) e
    WHERE ${responsesWhere(associationId, surveyId, months)}
      AND e.key IN (${Prisma.join(texts.map((q) => q.key))}) AND jsonb_typeof(e.value) = 'string'
    ORDER BY r.month DESC, r.id
    LIMIT ${COMMENTS_SHOWN}`;
  const labels = new Map(texts.map((q) => [q.key, q.label]));
  return rows.map((r) => ({ questionKey: r.key, label: labels.get(r.key)!, month: r.month, text: r.text }));
}

const titleOf = (s: { titleAr: string; titleEn: string | null }): LocalizedText => ({ ar: s.titleAr, ...(s.titleEn ? { en: s.titleEn } : {}) });

/** The association's surveys, the post-service survey first. */
export async function dashboardSurveys(db: DbClient, associationId: string) {
  const rows = await db.survey.findMany({
    where: { associationId },
    orderBy: [{ postService: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, titleAr: true, titleEn: true },
  });
  return rows.map((s) => ({ id: s.id, title: titleOf(s) }));
}

/** One survey's dashboard (default: the post-service survey) for a month range. */
export async function surveyDashboard(db: DbClient, associationId: string, months: Months, surveyId?: string): Promise<SurveyDashboard> {
  const surveys = await dashboardSurveys(db, associationId);
  const survey = surveys.find((s) => s.id === surveyId) ?? surveys[0] ?? null;
  const allMonths = monthsBetween(months);
  const trendMonths = allMonths.slice(-TREND_MONTHS);
  if (!survey) {
      return {
      months,
      surveys,
      survey: null,
      totals: { ...HIDDEN, invitations: 0, invitationResponses: 0, responseRate: null },
      questions: [],
      trend: trendMonths.map((month) => ({ month, ...HIDDEN })),
      byChannel: [],
      comments: null,
    };
  }

  const versions = await versionsOf(db, associationId, survey.id);
  const questions = questionsAcross(versions);
  const [rows, invited, perQuestion, channels] = await Promise.all([
    scoreRows(db, associationId, survey.id, months, versions),
    invitationCounts(db, associationId, survey.id, months),
    questionFigures(db, associationId, survey.id, months, questions),
    channelLabels(db, associationId),
  ]);

  const totals = totalsOf(rows, invited);
  const channelKeys = [...new Set(rows.map((r) => r.channel))].sort(
    (a, b) => rank(channels.order, a) - rank(channels.order, b) || (a ?? "").localeCompare(b ?? ""),
  );

  return {
    months,
    surveys,
    survey,
    totals,
    questions: perQuestion,
    trend: breakdown(trendMonths.map((month) => rows.filter((r) => r.month === month))).map((f, i) => ({ month: trendMonths[i], ...f })),
    byChannel: breakdown(channelKeys.map((key) => rows.filter((r) => r.channel === key))).map((f, i) => ({
      key: channelKeys[i],
      label: channelKeys[i] === null ? null : (channels.labels.get(channelKeys[i]!) ?? null),
      ...f,
    })),
    comments: totals.suppressed ? null : await commentsOf(db, associationId, survey.id, months, questions),
  };
}

/** The policy's channel order first, then unknown keys, the public link (null) last. */
const rank = (order: string[], key: string | null) => (key === null ? order.length + 1 : order.includes(key) ? order.indexOf(key) : order.length);

// A repeated query parameter arrives as an array: dropped like any other bad value, never a 500.
const filtersSchema = z.object({
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  survey: z.uuid().optional().catch(undefined),
});

/** The page's and the CSV's filters from the query string: a period of days (default: the
 * current Hijri year, as the reports), its months, and the survey (default: the first). */
export function dashboardFilters(input: Record<string, string | undefined>, now: Date = new Date()) {
  const parsed = filtersSchema.parse(input);
  const period = resolvePeriod({ from: parsed.from, to: parsed.to }, now);
  return { period, months: monthRange(period, isoDay(riyadhDay(now))), surveyId: parsed.survey };
}

const percent = (fraction: number | null) => (fraction === null ? null : round1(fraction * 100));

/** The dashboard's figures as rows of section, group, metric, value. Suppressed groups appear
 * without figures; free text never (it may identify people). */
export function dashboardCsv(d: SurveyDashboard): string {
  const rows: unknown[][] = [
    ["period", "months", "from", d.months.from],
    ["period", "months", "to", d.months.to],
    ["survey", d.survey?.id ?? "", "title", d.survey?.title.ar ?? ""],
  ];
  const group = (section: string, name: string, f: GroupFigures) => {
    if (f.suppressed) return rows.push([section, name, "suppressed", "hidden"]);
    rows.push([section, name, "responses", f.responses], [section, name, "csat_percent", percent(f.csat)], [section, name, "nps", f.nps]);
  };
  rows.push(["totals", "all", "invitations", d.totals.invitations], ["totals", "all", "invitation_responses", d.totals.invitationResponses]);
  if (!d.totals.suppressed) rows.push(["totals", "all", "response_rate_percent", percent(d.totals.responseRate)]);
  group("totals", "all", d.totals);
  for (const m of d.trend) group("month", m.month, m);
  for (const c of d.byChannel) group("channel", c.key ?? PUBLIC_LINK, c);
  for (const q of d.questions) {
    if (q.suppressed) {
      rows.push(["question", q.key, "suppressed", "hidden"]);
      continue;
    }
    rows.push(["question", q.key, "answered", q.answered]);
    if (q.mean !== null) rows.push(["question", q.key, "mean", round1(q.mean)]);
    for (const c of q.distribution ?? []) rows.push(["question", q.key, `${q.type === "RATING" || q.type === "NPS" ? "score" : "option"}_${c.key}`, c.count]);
  }
  return toCsv(["section", "group", "metric", "value"], rows);
}

/** The channel "key" of responses through the public link, in the CSV. */
export const PUBLIC_LINK = "public_link";
