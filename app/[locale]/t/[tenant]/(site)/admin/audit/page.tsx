import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/auth/guard";
import { auditFilterSchema, distinctActions, listAuditEvents } from "@/lib/audit/repository";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/dates";
import { asLocale } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";
import { DateRangeFields } from "@/components/forms/DateRangeFields";

export const generateMetadata = pageTitle("audit.title");

const COLUMNS = "sm:grid-cols-[9rem_9rem_9rem_minmax(0,1fr)_7rem] sm:gap-3";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function AuditPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("audit.view");
  const filter = auditFilterSchema.parse(await searchParams);
  const t = await getTranslations();
  const db = await getDb();
  const [{ events, nextCursor }, actions] = await Promise.all([listAuditEvents(db, member.tenant.id, filter), distinctActions(db, member.tenant.id)]);
  // Message keys cannot contain dots: "member.invited" is labelled by audit.actions.member_invited.
  const label = (action: string) => {
    const key = `audit.actions.${action.replace(/\./g, "_")}`;
    return t.has(key) ? t(key) : action;
  };
  const query = new URLSearchParams(Object.entries({ action: filter.action, from: filter.from, to: filter.to }).filter((e): e is [string, string] => !!e[1]));

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <p className="mt-1 text-stone-700">{t("audit.intro")}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm">
          {t("audit.action")}
          <select name="action" defaultValue={filter.action ?? ""} className="rounded-md border border-stone-300 px-2 py-1.5">
            <option value="">{t("audit.allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>{label(a)}</option>
            ))}
          </select>
        </label>
        <DateRangeFields from={filter.from} to={filter.to} labels={{ from: t("audit.from"), to: t("audit.to") }} />
        <button type="submit" className="rounded-md bg-[var(--brand)] px-4 py-1.5 text-sm font-semibold text-white">{t("audit.filter")}</button>
        <a href={`/api/admin/audit?${query}`} className="text-sm underline" download>{t("audit.exportCsv")}</a>
      </form>
      {events.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("audit.empty")}</p>
      ) : (
        // One list: columns on wide screens, a card per event on phones (no sideways scrolling).
        <div className="mt-6 text-sm">
          <div className={`${COLUMNS} hidden border-b border-stone-300 p-2 font-semibold sm:grid`} aria-hidden>
            <span>{t("audit.when")}</span>
            <span>{t("audit.action")}</span>
            <span>{t("audit.who")}</span>
            <span>{t("audit.details")}</span>
            <span>{t("audit.ip")}</span>
          </div>
          <ol>
            {events.map((e) => (
              <li key={e.id} className={`${COLUMNS} grid gap-1 border-b border-stone-100 p-2`} data-testid="audit-row">
                <span className="text-stone-600 sm:text-inherit">{formatDateTime(e.createdAt, locale)}</span>
                <span className="font-medium sm:font-normal">{label(e.action)}</span>
                <span>
                  <span className="sr-only">{t("audit.who")}: </span>
                  {e.actor ? (e.actor.name ?? e.actor.email) : t("audit.system")}
                </span>
                <span className="min-w-0">
                  {e.summary ? <code dir="ltr" className="block whitespace-pre-wrap break-words text-xs">{JSON.stringify(e.summary)}</code> : e.targetType}
                </span>
                <span dir="ltr" className="text-xs text-stone-500 sm:text-sm sm:text-inherit">{e.ip}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {nextCursor && (
        <a href={`?${new URLSearchParams([...query, ["cursor", nextCursor]])}`} className="mt-4 inline-block underline">{t("audit.more")}</a>
      )}
    </main>
  );
}
