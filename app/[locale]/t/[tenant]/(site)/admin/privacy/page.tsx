import { getTranslations } from "next-intl/server";
import { NoticeText } from "@/components/pdpl/NoticeText";
import { LogRequestForm, RetentionForm } from "@/components/pdpl/PrivacyForms";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { daysLeft, readPrivacyPage } from "@/lib/pdpl/service";
import { isoDay, riyadhDay } from "@/lib/requests/due-date";
import { formatSaudiMobile } from "@/lib/requests/phone";

export const generateMetadata = pageTitle("privacy.title");

const card = "mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-5";

/** PDPL tools for admins: the log of data-subject requests with their 30-day deadline, the
 * retention rule, and the privacy notice's versions. */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("privacy.manage");
  const t = await getTranslations("privacy");
  const { retentionYears, entries, notices } = await readPrivacyPage(await getDb(), member.tenant.id);
  const now = new Date();

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>

      <section aria-labelledby="log" className={card}>
        <h2 id="log" className="text-lg font-semibold">{t("log.title")}</h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("log.none")}</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-2">
            {entries.map((entry) => {
              const left = daysLeft(entry.dueOn, now);
              const open = entry.status === "OPEN";
              const tone = !open ? "border-stone-200" : left < 0 ? "border-red-300 bg-red-50" : left <= 7 ? "border-amber-300 bg-amber-50" : "border-stone-200";
              // Numbers read left to right inside the Arabic line; the name follows its own script.
              const subject = [
                entry.subjectName && <bdi key="name">{entry.subjectName}</bdi>,
                ...[entry.subjectIdNumber, entry.subjectPhone && formatSaudiMobile(entry.subjectPhone), entry.subjectReference].map(
                  (value, i) => value && <span key={i} dir="ltr">{value}</span>,
                ),
              ].filter(Boolean);
              return (
                <li key={entry.id} className={`rounded-md border p-3 text-sm ${tone}`} data-testid="data-request">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-semibold">
                      {t(`kind.${entry.kind}`)}
                      <span className="ms-2 rounded bg-stone-100 px-2 py-0.5 text-xs font-normal text-stone-800">{t(`status.${entry.status}`)}</span>
                    </p>
                    {open ? (
                      <p className={`font-medium ${left < 0 ? "text-red-800" : left <= 7 ? "text-amber-900" : "text-stone-700"}`} data-testid="days-left">
                        {left < 0 ? t("log.overdue", { days: -left }) : left === 0 ? t("log.dueToday") : t("log.daysLeft", { days: left })}
                      </p>
                    ) : (
                      entry.closedAt && <p className="text-stone-700">{t("log.closedOn", { status: t(`status.${entry.status}`), date: formatDualDate(entry.closedAt, locale) })}</p>
                    )}
                  </div>
                  <p className="mt-1 min-w-0 break-words">
                    <span className="text-stone-600">{t("log.subject")}: </span>
                    <span className="inline-flex flex-wrap gap-x-3">{subject}</span>
                  </p>
                  <p className="mt-1 text-stone-700">
                    {t("log.received", { date: formatDualDate(entry.receivedOn, locale) })} · {t("log.due", { date: formatDualDate(entry.dueOn, locale) })}
                  </p>
                  {entry.note && <p dir="auto" className="mt-1 whitespace-pre-wrap break-words text-stone-700">{entry.note}</p>}
                  <p className="mt-2">
                    <Link href={`/admin/privacy/${entry.id}`} className="font-medium underline">{t("log.open")}</Link>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        {/* Always open: after logging, the page refreshes and the form shows its notice. */}
        <h3 className="mt-6 font-semibold">{t("log.add")}</h3>
        <div className="mt-2">
          <LogRequestForm today={isoDay(riyadhDay(now))} />
        </div>
      </section>

      <section aria-labelledby="retention" className={card}>
        <h2 id="retention" className="text-lg font-semibold">{t("retention.title")}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("retention.explain")}</p>
        <p className="mt-2 text-sm font-medium" data-testid="retention-current">{t("retention.current", { years: retentionYears ?? 0 })}</p>
        <div className="mt-3">
          <RetentionForm current={retentionYears} />
        </div>
      </section>

      <section aria-labelledby="notices" className={card}>
        <h2 id="notices" className="text-lg font-semibold">{t("notices.title")}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("notices.intro")}</p>
        {notices.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("notices.none")}</p>
        ) : (
          <ol className="mt-3 flex flex-col gap-2">
            {notices.map((notice) => (
              <li key={notice.version} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="notice-version">
                <details>
                  <summary className="cursor-pointer font-medium">{t("notices.version", { version: notice.version, date: formatDualDate(notice.createdAt, locale) })}</summary>
                  <div className="mt-2 flex flex-col gap-2 leading-relaxed">
                    <NoticeText notice={notice} healthTitle={t("notices.health")} />
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
