import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/forms/fields";
import { CountChart } from "@/components/reports/CountChart";
import { CommentsList } from "@/components/surveys/dashboard/CommentsList";
import { dashboardFormat } from "@/components/surveys/dashboard/format";
import { GroupTable, type GroupRow } from "@/components/surveys/dashboard/GroupTable";
import { HeadlineCards } from "@/components/surveys/dashboard/HeadlineCards";
import { TrendChart } from "@/components/surveys/dashboard/TrendChart";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pickText } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { CHANNEL_LABELS, type ChannelKey } from "@/lib/policy/catalog";
import { COMMENTS_SHOWN, dashboardFilters, surveyDashboard, type GroupFigures, type QuestionFigures } from "@/lib/surveys/dashboard";
import { MIN_GROUP } from "@/lib/surveys/stats";
import { DateRangeFields } from "@/components/forms/DateRangeFields";

export const generateMetadata = pageTitle("surveys.dashboard.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function SurveyDashboardPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("surveys.view");
  const { period, months, surveyId } = dashboardFilters(await searchParams);
  const d = await surveyDashboard(await getDb(), member.tenant.id, months, surveyId);
  const t = await getTranslations("surveys.dashboard");
  const f = dashboardFormat(locale);
  const rtl = locale === "ar";
  const text = (label: Parameters<typeof pickText>[0]) => pickText(label, locale).value;
  const suppressedText = t("suppressed", { min: MIN_GROUP });
  const dash = t("noFigure");

  const csv = `/api/admin/surveys/figures.csv?${new URLSearchParams({ from: period.from, to: period.to, ...(d.survey ? { survey: d.survey.id } : {}) })}`;
  const groupRow = (key: string, label: string, g: GroupFigures): GroupRow => ({
    key,
    label,
    // An empty group says so; the others without figures are under the minimum (or would reveal one).
    hidden: !g.suppressed ? undefined : g.responses === 0 ? t("noResponses") : suppressedText,
    responses: g.responses === null ? dash : f.number(g.responses),
    csat: g.csat === null ? dash : f.percent(g.csat),
    nps: g.nps === null ? dash : f.signed(g.nps),
  });
  const tableLabels = { responses: t("responsesColumn"), csat: t("csatColumn"), nps: t("npsColumn") };
  const { totals } = d;

  const headline = [
    { id: "responses", label: t("responses"), value: f.number(totals.responses ?? 0), detail: totals.suppressed && totals.responses ? suppressedText : undefined },
    {
      id: "rate",
      label: t("responseRate"),
      value: totals.responseRate === null ? dash : f.percent(totals.responseRate),
      detail: totals.invitations === 0 ? t("noInvitations") : t("responseRateDetail", { responded: f.number(totals.invitationResponses), invited: f.number(totals.invitations) }),
    },
    { id: "csat", label: t("csat"), value: totals.csat === null ? dash : f.percent(totals.csat), detail: t("csatDetail") },
    { id: "nps", label: t("nps"), value: totals.nps === null ? dash : f.signed(totals.nps), detail: t("npsDetail"), signed: true },
  ];

  const channelLabel = (key: string | null, label: (typeof d.byChannel)[number]["label"]) =>
    key === null ? t("publicLink") : label ? text(label) : (CHANNEL_LABELS[key as ChannelKey]?.[locale] ?? key);

  return (
    <main id="main" className="py-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {member.permissions.has("surveys.manage") && (
          <Link href="/admin/surveys/manage" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
            {t("manage")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-stone-700">{t("intro")}</p>

      <form method="get" className="mt-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:flex sm:flex-wrap">
        <DateRangeFields from={period.from} to={period.to} labels={{ from: t("from"), to: t("to") }} />
        {d.surveys.length > 1 && (
          <div className="col-span-2 sm:min-w-64">
            <SelectField name="survey" label={t("survey")} state={{}} defaultValue={d.survey?.id}>
              {d.surveys.map((s) => (
                <option key={s.id} value={s.id}>{text(s.title)}</option>
              ))}
            </SelectField>
          </div>
        )}
        <button type="submit" className="rounded-md bg-[var(--brand)] px-4 py-1.5 text-sm font-semibold text-white">{t("apply")}</button>
        <a href={csv} className="self-center text-sm underline" download>{t("exportCsv")}</a>
        <p className="col-span-2 basis-full text-xs text-stone-600">{t("defaultPeriod")}</p>
      </form>

      <p className="mt-4 text-sm text-stone-700" data-testid="survey-months">
        {d.survey && <>{text(d.survey.title)} · </>}
        {t("months", { from: f.month(months.from), to: f.month(months.to) })}
      </p>
      <p className="mt-1 text-xs text-stone-600">{t("privacyNote", { min: MIN_GROUP })}</p>

      {!d.survey ? (
        <p className="mt-6 text-stone-600">{t("noSurvey")}</p>
      ) : (
        <>
          <HeadlineCards title={t("summary")} figures={headline} />
          {totals.responses === 0 ? (
            <p className="mt-6 text-stone-600">{t("empty")}</p>
          ) : (
            <div className="mt-6 grid gap-6">
              <section aria-labelledby="trend-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="survey-trend">
                <h2 id="trend-title" className="text-lg font-semibold">{t("trend")}</h2>
                <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
                  <TrendChart
                    rtl={rtl}
                    chartLabel={t("trendChartLabel")}
                    seriesLabel={t("csatColumn")}
                    points={d.trend.map((m) => ({ month: m.month, label: f.month(m.month), csat: m.csat === null ? null : Math.round(m.csat * 1000) / 10 }))}
                  />
                  <GroupTable
                    caption={t("trend")}
                    groupLabel={t("month")}
                    labels={tableLabels}
                    rows={d.trend.map((m) => groupRow(m.month, f.month(m.month), m))}
                    testId="survey-trend-table"
                  />
                </div>
              </section>

              <section aria-labelledby="channels-title" className="rounded-lg border border-stone-200 bg-white p-4">
                <h2 id="channels-title" className="text-lg font-semibold">{t("byChannel")}</h2>
                <div className="mt-3">
                  <GroupTable
                    caption={t("byChannel")}
                    groupLabel={t("channel")}
                    labels={tableLabels}
                    rows={d.byChannel.map((c) => groupRow(c.key ?? "public", channelLabel(c.key, c.label), c))}
                    testId="survey-channels"
                  />
                </div>
              </section>

              <section aria-labelledby="questions-title" className="grid gap-4">
                <h2 id="questions-title" className="text-lg font-semibold">{t("questions")}</h2>
                {d.questions.map((q) => (
                  <QuestionBlock key={q.key} q={q} locale={locale} rtl={rtl} suppressedText={suppressedText} />
                ))}
              </section>

              <section aria-labelledby="comments-title" className="rounded-lg border border-stone-200 bg-white p-4">
                <h2 id="comments-title" className="text-lg font-semibold">{t("comments")}</h2>
                {d.comments === null ? (
                  <p className="mt-2 text-sm text-stone-600">{t("commentsHidden", { min: MIN_GROUP })}</p>
                ) : d.comments.length === 0 ? (
                  <p className="mt-2 text-sm text-stone-600">{t("commentsNone")}</p>
                ) : (
                  <>
                    {d.comments.length === COMMENTS_SHOWN && <p className="mt-2 text-xs text-stone-600">{t("commentsCapped", { count: COMMENTS_SHOWN })}</p>}
                    <CommentsList items={d.comments.map((c, i) => ({ id: String(i), question: text(c.label), month: f.month(c.month), text: c.text }))} />
                  </>
                )}
              </section>
            </div>
          )}
        </>
      )}
    </main>
  );
}

/** One question: its answers as a chart and table, a note for free text, or nothing under the minimum. */
async function QuestionBlock({ q, locale, rtl, suppressedText }: { q: QuestionFigures; locale: "ar" | "en"; rtl: boolean; suppressedText: string }) {
  const t = await getTranslations("surveys.dashboard");
  const f = dashboardFormat(locale);
  const title = pickText(q.label, locale).value;
  if (q.suppressed || q.type === "TEXT" || !q.distribution) {
    return (
      <div className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`survey-question-${q.key}`}>
        <h3 className="font-semibold">{title}</h3>
        <p className="mt-1 text-sm text-stone-600">
          {q.suppressed ? suppressedText : t("textQuestion", { count: f.number(q.answered ?? 0) })}
        </p>
      </div>
    );
  }
  const scored = q.type === "RATING" || q.type === "NPS";
  const summary = [t("answered", { count: f.number(q.answered ?? 0) }), q.mean !== null ? t("mean", { value: f.decimal(q.mean), max: q.type === "NPS" ? 10 : 5 }) : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <div data-testid={`survey-question-${q.key}`}>
      <CountChart
        id={`q-${q.key}`}
        title={title}
        chartLabel={t("chartLabel", { title, summary })}
        columnLabel={scored ? t("score") : t("option")}
        countLabel={t("count")}
        totalLabel={q.type === "MULTIPLE" ? t("totalChoices") : t("total")}
        rows={q.distribution.map((c) => ({ key: c.key, label: c.label ? pickText(c.label, locale).value : f.number(Number(c.key)), count: c.count }))}
        rtl={rtl}
        color={q.type === "NPS" ? "#b45309" : undefined}
      />
      <p className="mt-1 px-1 text-sm text-stone-700">{summary}</p>
    </div>
  );
}
