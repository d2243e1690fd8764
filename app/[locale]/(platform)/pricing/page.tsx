import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PlanCards } from "@/components/billing/PlanCards";
import { LanguageSwitch } from "@/components/site/LanguageSwitch";
import { Link } from "@/lib/i18n/navigation";
import { asLocale, routing } from "@/lib/i18n/routing";

// Built once per language: nothing here depends on the request or the database. The benchmark
// (tests/bench/pages.ts) uses it as the static page its tenant pages are measured against.
export const dynamic = "force-static";
export const generateStaticParams = () => routing.locales.map((locale) => ({ locale }));

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: asLocale((await params).locale), namespace: "platform.pricing" });
  return { title: t("title") };
}

/** The platform's plans and prices, for associations deciding whether to register. */
export default async function PricingPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale(asLocale((await params).locale));
  const t = await getTranslations("platform.pricing");
  const tc = await getTranslations("common");
  const tr = await getTranslations("register");
  return (
    <>
      <header className="bg-stone-900 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-bold">{tc("productName")}</Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-3 max-w-3xl leading-relaxed text-stone-700">{t("intro")}</p>
        <div className="mt-6">
          <PlanCards current={null} configured={false} subscribed={false} />
        </div>
        <Link href="/register" className="mt-8 inline-block rounded-md bg-stone-900 px-5 py-2.5 font-semibold text-white hover:bg-stone-800">
          {tr("cta")}
        </Link>
      </main>
    </>
  );
}
