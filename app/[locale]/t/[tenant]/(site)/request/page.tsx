import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IntakeForm } from "@/components/requests/IntakeForm";
import { getDb } from "@/lib/db";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale } from "@/lib/i18n/routing";
import { intakeFormData } from "@/lib/requests/settings";
import { getTenant } from "@/lib/tenancy/current";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ tenant: string; locale: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: asLocale((await params).locale), namespace: "intake" });
  return { title: t("title") };
}

/** Public: a beneficiary applies for support, through the channels of the published policy. */
export default async function RequestPage({ params }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const t = await getTranslations("intake");
  const form = await intakeFormData(await getDb(), tenant.id, locale);
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {form ? (
        <>
          <p className="mt-2 mb-6 text-stone-700">{t("intro", { association: pickColumn(tenant.nameAr, tenant.nameEn, locale) })}</p>
          <IntakeForm {...form} />
        </>
      ) : (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">{t("noPolicy")}</p>
      )}
    </main>
  );
}
