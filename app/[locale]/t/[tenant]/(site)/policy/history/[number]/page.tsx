import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PolicyDocument } from "@/components/policy/PolicyDocument";
import { getDb } from "@/lib/db";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { getPublishedVersion } from "@/lib/policy/service";
import { getTenant } from "@/lib/tenancy/current";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];
export const generateMetadata = pageTitle("history.title");

type Props = { params: Promise<{ tenant: string; locale: string; number: string }> };

/** Public: a version as it was published, marked when it is no longer in force. */
export default async function HistoricVersion({ params }: Props) {
  const { tenant: key, locale: segment, number } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant || !/^\d{1,6}$/.test(number)) notFound();
  const version = await getPublishedVersion(await getDb(), tenant.id, Number(number));
  if (!version) notFound();
  const t = await getTranslations("history");
  return (
    <main id="main">
      {version.status === "SUPERSEDED" && (
        <p role="note" className="mx-auto mt-4 max-w-4xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900 print:hidden">
          {t("supersededNote")} <Link href="/" className="underline">{t("current")}</Link>
        </p>
      )}
      <PolicyDocument tenant={tenant} policy={version} locale={locale} />
    </main>
  );
}
