import { getTranslations } from "next-intl/server";
import { EvidencePack } from "@/components/evidence/EvidencePack";
import { YearPicker } from "@/components/evidence/YearPicker";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { evidencePack } from "@/lib/evidence/pack";
import { resolveEvidenceYear } from "@/lib/evidence/year";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";

export const generateMetadata = pageTitle("evidence.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** The governance evidence pack for a year, with links to its printable A4 document and its CSV. */
export default async function EvidencePage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("evidence.view");
  const query = await searchParams;
  const year = resolveEvidenceYear({ calendar: query.calendar, year: query.year });
  const pack = await evidencePack(await getDb(), member.tenant.id, year);
  const t = await getTranslations("evidence");
  const qs = new URLSearchParams({ calendar: year.calendar, year: String(year.year) }).toString();

  return (
    <main id="main" className="py-6">
      <p className="mb-4 text-stone-700">{t("intro")}</p>
      <YearPicker year={year} />
      <nav aria-label={t("exports")} className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Link href={`/admin/evidence/print?${qs}`} className="font-semibold underline">{t("printLink")}</Link>
        <a href={`/api/admin/evidence.csv?${qs}`} className="underline" download>{t("csvLink")}</a>
      </nav>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <EvidencePack pack={pack} locale={locale} />
      </div>
    </main>
  );
}
