import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickColumn } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { verificationCode } from "@/lib/policy/code";
import { listPublishedHistory } from "@/lib/policy/service";
import { getTenant } from "@/lib/tenancy/current";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = pageTitle("history.title");

type Props = { params: Promise<{ tenant: string; locale: string }> };

/** Public: every version that has been in force, with the board decision that approved it. */
export default async function HistoryPage({ params }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const t = await getTranslations("history");
  const versions = await listPublishedHistory(await getDb(), tenant.id);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ol className="mt-6 space-y-4" data-testid="public-history">
        {versions.map((v) => (
          <li key={v.number} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              <Link href={`/policy/history/${v.number}`} className="underline">{t("version", { number: v.number })}</Link>
              <span className={`rounded-full px-2.5 py-0.5 text-xs ${v.status === "PUBLISHED" ? "bg-emerald-100 text-emerald-900" : "bg-stone-100 text-stone-700"}`}>
                {t(`status.${v.status}`)}
              </span>
            </p>
            {v.publishedAt && <p className="mt-1 text-sm text-stone-700">{t("publishedOn", { date: formatDualDate(v.publishedAt, locale) })}</p>}
            <p className="mt-1 text-sm text-stone-700">
              {v.decision
                ? t("approved", { session: v.decision.sessionNumber, date: formatDualDate(v.decision.meetingDate, locale), chair: pickColumn(v.decision.chairNameAr, v.decision.chairNameEn, locale) })
                : t("noDecision")}
            </p>
            <p className="mt-1 text-sm text-stone-600">
              {t("code")}: <code dir="ltr" className="font-mono">{verificationCode(v.contentHash)}</code>
            </p>
          </li>
        ))}
      </ol>
      <p className="mt-6 text-sm">
        <Link href="/policy/verify" className="underline">{t("verify")}</Link>
      </p>
    </main>
  );
}
