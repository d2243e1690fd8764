import { getTranslations } from "next-intl/server";
import { ComplaintsTable } from "@/components/reports/ComplaintsTable";
import { CountChart } from "@/components/reports/CountChart";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickText } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { CHANNEL_LABELS, type ChannelKey } from "@/lib/policy/catalog";
import { periodBounds, requestsReport, resolvePeriod } from "@/lib/reports/requests";
import { round1 } from "@/lib/reports/stats";
import { DateRangeFields } from "@/components/forms/DateRangeFields";

export const generateMetadata = pageTitle("reports.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

const COMPLAINT_KINDS = ["COMPLAINT", "SUGGESTION"] as const;
const COMPLAINT_STATUSES = ["NEW", "IN_PROGRESS", "CLOSED"] as const;

export default async function ReportsPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("reports.view");
  const query = await searchParams;
  const period = resolvePeriod({ from: query.from, to: query.to });
  const report = await requestsReport(await getDb(), member.tenant.id, period);
  const t = await getTranslations("reports");
  const rtl = locale === "ar";
  const bounds = periodBounds(period);
  const numberLocale = locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB";
  const number = (value: number) => new Intl.NumberFormat(numberLocale).format(value);
  const percent = (value: number) => new Intl.NumberFormat(numberLocale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  const channelLabel = (key: string, label: (typeof report.byChannel)[number]["label"]) =>
    label ? pickText(label, locale).value : (CHANNEL_LABELS[key as ChannelKey]?.[locale] ?? key);
  const common = { rtl, countLabel: t("count"), totalLabel: t("totalColumn") };
  const csv = `/api/admin/reports/requests.csv?${new URLSearchParams({ from: period.from, to: period.to })}`;

  const figures = [
    { id: "total", label: t("total"), value: number(report.total) },
    {
      id: "median",
      label: t("medianDecision"),
      value: report.medianDaysToDecision === null ? t("noDecisions") : t("daysDecimal", { count: number(round1(report.medianDaysToDecision)) }),
      detail: report.deadline ? t("deadline", { wording: pickText(report.deadline.wording, locale).value }) : t("noPolicy"),
    },
    {
      id: "within",
      label: t("withinDeadline"),
      value: report.shareWithin === null ? t("noDecisions") : percent(report.shareWithin),
      detail: t("withinDeadlineDetail", { within: number(report.decidedWithin), decided: number(report.decided) }),
    },
    { id: "overdue", label: t("overdueNow"), value: number(report.overdueNow), detail: t("overdueNowDetail"), alert: report.overdueNow > 0 },
  ];

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <DateRangeFields from={period.from} to={period.to} labels={{ from: t("from"), to: t("to") }} />
        <button type="submit" className="rounded-md bg-[var(--brand)] px-4 py-1.5 text-sm font-semibold text-white">{t("apply")}</button>
        <a href={csv} className="text-sm underline" download>{t("exportCsv")}</a>
        <p className="basis-full text-xs text-stone-600">{t("defaultPeriod")}</p>
      </form>
      <p className="mt-4 text-sm text-stone-700" data-testid="report-period">
        {t("period", { from: formatDualDate(bounds.gte, locale), to: formatDualDate(bounds.lte, locale) })}
      </p>

      <section aria-labelledby="summary-title" className="mt-4">
        <h2 id="summary-title" className="sr-only">{t("summary")}</h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {figures.map((f) => (
            <div key={f.id} className={`rounded-lg border bg-white p-4 ${f.alert ? "border-red-300" : "border-stone-200"}`} data-testid={`figure-${f.id}`}>
              <dt className="text-sm text-stone-600">{f.label}</dt>
              <dd className={`mt-1 text-2xl font-bold ${f.alert ? "text-red-700" : ""}`}>{f.value}</dd>
              {f.detail && <dd className="mt-1 text-xs text-stone-600">{f.detail}</dd>}
            </div>
          ))}
        </dl>
      </section>

      <div className="mt-6 grid gap-6">
        {report.total === 0 ? (
          <p className="text-stone-600">{t("empty")}</p>
        ) : (
          <>
            <CountChart
              id="channels"
              title={t("byChannel")}
              chartLabel={t("chartLabel", { title: t("byChannel") })}
              columnLabel={t("channel")}
              rows={report.byChannel.map((r) => ({ key: r.key, label: channelLabel(r.key, r.label), count: r.count }))}
              {...common}
            />
            <CountChart
              id="statuses"
              title={t("byStatus")}
              chartLabel={t("chartLabel", { title: t("byStatus") })}
              columnLabel={t("statusColumn")}
              rows={report.byStatus.map((r) => ({ key: r.status, label: t(`status.${r.status}`), count: r.count }))}
              color="#b45309"
              {...common}
            />
          </>
        )}
        <ComplaintsTable
          id="complaints"
          title={t("complaints")}
          intro={t("complaintsIntro")}
          empty={t("noComplaints")}
          kindLabel={t("kindColumn")}
          totalLabel={t("totalColumn")}
          matrix={{
            kinds: COMPLAINT_KINDS.map((key) => ({ key, label: t(`complaintKind.${key}`) })),
            statuses: COMPLAINT_STATUSES.map((key) => ({ key, label: t(`complaintStatus.${key}`) })),
            counts: Object.fromEntries(report.complaints.map((c) => [`${c.kind}:${c.status}`, c.count])),
          }}
        />
      </div>
    </main>
  );
}
