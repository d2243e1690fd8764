import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { PrintButton } from "@/components/ui/PrintButton";
import type { Locale } from "@/lib/i18n/routing";
import { publicSurveyPath } from "@/lib/surveys/invitations";
import { pageUrl, tenantUrl } from "@/lib/tenancy/urls";

/** The survey's public link and its QR code, printable on its own (the rest of the page is hidden in print). */
export async function SharePanel({ slug, locale, surveyId, title, publicLink }: { slug: string; locale: Locale; surveyId: string; title: string; publicLink: boolean }) {
  const t = await getTranslations("surveys.builder.manage");
  const url = pageUrl(tenantUrl(slug, locale), publicSurveyPath(surveyId));
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  return (
    <details className="rounded-md border border-stone-200 bg-stone-50 p-3 print:border-0 print:bg-white">
      <summary className="cursor-pointer font-medium print:hidden">{t("share")}</summary>
      <div className="mt-3 flex flex-col items-center gap-3 text-center">
        <p className="text-lg font-bold print:block">{title}</p>
        {!publicLink && <p role="note" className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 print:hidden">{t("publicLinkOff")}</p>}
        <div role="img" aria-label={t("qrAlt")} className="size-44 bg-white p-2" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p className="text-sm">{t("scanToAnswer")}</p>
        <a href={url} dir="ltr" className="break-all text-sm underline">{url}</a>
        <p className="text-xs text-stone-600 print:hidden">{t("shareHint")}</p>
        <PrintButton label={t("print")} />
      </div>
    </details>
  );
}
