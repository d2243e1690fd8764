import { getTranslations } from "next-intl/server";
import { EvidencePack } from "@/components/evidence/EvidencePack";
import { PrintButton } from "@/components/ui/PrintButton";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { evidencePack } from "@/lib/evidence/pack";
import { pageFooterCss } from "@/lib/evidence/print-footer";
import { resolveEvidenceYear } from "@/lib/evidence/year";
import { pickColumn } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";

export const generateMetadata = pageTitle("evidence.printTitle");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** The evidence pack as the association's official A4 document (app/globals.css sets @page A4),
 * in the URL's language, like the policy's print page. */
export default async function EvidencePrintPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("evidence.view");
  const query = await searchParams;
  const year = resolveEvidenceYear({ calendar: query.calendar, year: query.year });
  const pack = await evidencePack(await getDb(), member.tenant.id, year);
  const tc = await getTranslations("common");
  const t = await getTranslations("evidence");
  // Every printed page names the association and the year, and counts the pages.
  const footer = pageFooterCss(
    ({ page, pages }) =>
      t("printPage", {
        name: pickColumn(pack.association.nameAr, pack.association.nameEn, locale),
        year: t(`yearLabel.${pack.year.calendar}`, { year: String(pack.year.year) }),
        page,
        pages,
      }),
    locale === "ar" ? "rtl" : "ltr",
  );

  return (
    <main id="main" className="py-6 print:p-0">
      <style>{footer}</style>
      <article className="mx-auto max-w-4xl bg-white px-5 py-8 shadow-sm sm:rounded-lg sm:px-10 print:m-0 print:max-w-none print:p-0 print:shadow-none" data-testid="evidence-print">
        <div className="mb-4 flex justify-end print:hidden">
          <PrintButton label={tc("print")} />
        </div>
        <EvidencePack pack={pack} locale={locale} />
        <footer className="mt-10 border-t-2 border-[var(--brand)] pt-3 text-xs text-stone-600 break-inside-avoid print:border-black">
          {t("printFooter")}
        </footer>
      </article>
    </main>
  );
}
