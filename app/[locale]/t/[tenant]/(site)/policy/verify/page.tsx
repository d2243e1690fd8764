import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { normalizeCode, verificationCode } from "@/lib/policy/code";
import { verifyPolicyChain } from "@/lib/policy/service";
import { getTenant } from "@/lib/tenancy/current";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("verify.title");

type Props = { params: Promise<{ tenant: string; locale: string }>; searchParams: Promise<{ code?: string | string[] }> };

/** Public: recomputes every approved version's hash and the links between them, and checks a
 * code printed on a document against the record. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const t = await getTranslations("verify");
  const result = await verifyPolicyChain(await getDb(), tenant.id);
  const raw = [(await searchParams).code].flat()[0]?.slice(0, 80) ?? "";
  const code = raw ? normalizeCode(raw) : null;
  const match = code ? result.versions.find((v) => v.contentHash.startsWith(code)) : undefined;

  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>

      <div
        role="status"
        data-testid="chain-result"
        data-intact={result.intact}
        className={`rounded-lg border p-4 font-semibold ${result.intact ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
      >
        {result.versions.length === 0 ? t("empty") : result.intact ? t("intact", { count: result.versions.length }) : t("broken")}
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("codeLabel")}
          <input name="code" defaultValue={raw} dir="ltr" placeholder="ABCD-1234" className="rounded-md border border-stone-300 px-3 py-2 font-mono text-base uppercase" />
        </label>
        <button type="submit" className="rounded-md bg-[var(--brand)] px-4 py-2 text-sm font-semibold text-white">{t("check")}</button>
      </form>
      {raw && (
        <p data-testid="code-result" className={`rounded-md border p-3 ${match ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}>
          {!code ? t("codeMalformed") : match ? t("codeMatches", { number: match.number, status: t(`status.${match.status}`) }) : t("codeUnknown")}
        </p>
      )}

      <ol className="space-y-3">
        {result.versions.map((v) => {
          const ok = v.contentIntact && v.linkIntact;
          return (
            <li key={v.number} className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid={`chain-${v.number}`}>
              <p className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">
                  {t("versionNumber", { number: v.number })} · {t(`status.${v.status}`)}
                </span>
                <span className={ok ? "text-emerald-800" : "font-semibold text-red-800"}>
                  {!v.contentIntact ? t("contentAltered") : !v.linkIntact ? t("linkBroken") : t("ok")}
                </span>
              </p>
              <p className="mt-1 text-stone-700">
                {t("decision")}: {v.decision ? t("session", { number: v.decision.sessionNumber, date: formatDualDate(v.decision.meetingDate, locale) }) : t("noDecision")}
              </p>
              <p className="mt-1 text-stone-700">
                {t("code")}: <code dir="ltr" className="font-mono">{verificationCode(v.contentHash)}</code>
              </p>
            </li>
          );
        })}
      </ol>
      <p className="text-sm">
        <Link href="/policy/history" className="underline">{t("history")}</Link>
      </p>
    </main>
  );
}
