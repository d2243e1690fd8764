import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PolicyDocument } from "@/components/policy/PolicyDocument";
import { PolicyInPractice } from "@/components/site/PolicyInPractice";
import { getDb } from "@/lib/db";
import { publicFigures } from "@/lib/evidence/public-figures";
import { pickColumn, pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { getCurrentPolicy } from "@/lib/policy/current";
import { getTenant } from "@/lib/tenancy/current";

// Served from the page cache until the association changes (lib/tenancy/public-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ tenant: string; locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  const tenant = await getTenant(key);
  if (!tenant) return {};
  const name = pickColumn(tenant.nameAr, tenant.nameEn, locale);
  const policy = await getCurrentPolicy(tenant.id);
  const t = await getTranslations({ locale, namespace: "policy" });
  return {
    title: { absolute: policy ? `${pickText(policy.content.title, locale).value} — ${name}` : name },
    description: t("metaDescription", { name }),
    alternates: { languages: { ar: "/", en: "/en" } },
    other: { "theme-color": tenant.primaryColor },
  };
}

/** The association's home: its published beneficiary-relations policy. */
export default async function PolicyHome({ params }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound(); // the layout answers 404 too; pages render alongside it
  const policy = await getCurrentPolicy(tenant.id);
  // Only when the association turned them on, and only under a policy in force.
  const figures = policy && tenant.publicFigures ? await publicFigures(await getDb(), tenant.id) : null;
  const t = await getTranslations("policy");
  const ti = await getTranslations("intake.home");
  return (
    <main id="main">
      {/* What a beneficiary came for, before the policy text: only once a policy governs requests. */}
      {policy && (
        <nav aria-label={ti("label")} className="mx-auto grid max-w-4xl gap-3 px-5 pt-6 sm:grid-cols-3 print:hidden">
          <Link href="/request" className="rounded-lg bg-[var(--brand,#0f766e)] px-4 py-3 text-center font-semibold text-white hover:opacity-90">{ti("apply")}</Link>
          <Link href="/track" className="rounded-lg border border-[var(--brand,#0f766e)] bg-white px-4 py-3 text-center font-semibold text-[var(--brand,#0f766e)] hover:bg-stone-50">{ti("track")}</Link>
          <Link href="/complaints" className="rounded-lg border border-stone-300 bg-white px-4 py-3 text-center font-semibold text-stone-800 hover:bg-stone-50">{ti("complaints")}</Link>
        </nav>
      )}
      {figures && <PolicyInPractice figures={figures} locale={locale} />}
      {policy ? (
        <>
          <PolicyDocument tenant={tenant} policy={policy} locale={locale} />
          <nav aria-label={t("links.label")} className="mx-auto flex max-w-4xl flex-wrap gap-x-6 gap-y-2 px-5 pb-8 text-sm print:hidden">
            <Link href="/policy/print" className="underline">{t("links.print")}</Link>
            <Link href="/policy/history" className="underline">{t("links.history")}</Link>
            <Link href="/policy/verify" className="underline">{t("links.verify")}</Link>
          </nav>
        </>
      ) : (
        <p className="mx-auto max-w-4xl px-4 py-16 text-center text-stone-600">{t("noPublished")}</p>
      )}
    </main>
  );
}
