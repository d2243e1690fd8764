import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import QRCode from "qrcode";
import { PolicyDocument } from "@/components/policy/PolicyDocument";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { verificationCode } from "@/lib/policy/code";
import { getCurrentPolicy } from "@/lib/policy/current";
import { getTenant } from "@/lib/tenancy/current";
import { pageUrl, tenantUrl } from "@/lib/tenancy/urls";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = pageTitle("policy.printTitle");

type Props = { params: Promise<{ tenant: string; locale: string }> };

/** The official A4 document: letterhead, every section, the approval block, contacts, and a
 * QR code that opens the verify page with this document's code. */
export default async function PrintPage({ params }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const policy = await getCurrentPolicy(tenant.id);
  const t = await getTranslations("policy");
  if (!policy) {
    return <main id="main" className="mx-auto max-w-4xl px-4 py-16 text-center text-stone-600">{t("noPublished")}</main>;
  }
  const verifyUrl = pageUrl(tenantUrl(tenant.slug, locale), `/policy/verify?code=${verificationCode(policy.contentHash)}`);
  const qrSvg = await QRCode.toString(verifyUrl, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  return (
    <main id="main">
      <PolicyDocument tenant={tenant} policy={policy} locale={locale} official={{ verifyUrl, qrSvg }} />
    </main>
  );
}
