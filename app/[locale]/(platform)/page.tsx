import { getTranslations, setRequestLocale } from "next-intl/server";
import { LanguageSwitch } from "@/components/site/LanguageSwitch";
import { getDb } from "@/lib/db";
import { pickColumn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { tenancyRepository } from "@/lib/tenancy/repository";
import { tenantUrl } from "@/lib/tenancy/urls";

export const dynamic = "force-dynamic";

const FEATURES = ["author", "approve", "operate", "evidence"] as const;

export default async function PlatformHome({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations("platform");
  const tc = await getTranslations("common");
  const tr = await getTranslations("register");
  const ta = await getTranslations("auth");
  const associations = await tenancyRepository(await getDb()).listActive();

  return (
    <>
      <header className="bg-stone-900 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <span className="text-lg font-bold">{tc("productName")}</span>
          <LanguageSwitch />
        </div>
        <div className="mx-auto max-w-5xl px-4 pb-14 pt-10">
          <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{t("heroTitle")}</h1>
          <p className="mt-4 max-w-3xl text-lg leading-relaxed text-stone-200">{t("heroBody")}</p>
          <Link href="/register" className="mt-6 inline-block rounded-md bg-white px-5 py-2.5 font-semibold text-stone-900 hover:bg-stone-100">
            {tr("cta")}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        <section aria-labelledby="features">
          <h2 id="features" className="text-xl font-bold">
            {t("featuresTitle")}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {FEATURES.map((key) => (
              <li key={key} className="rounded-lg border border-stone-200 bg-white p-5">
                <h3 className="font-semibold">{t(`features.${key}.title`)}</h3>
                <p className="mt-2 text-stone-700">{t(`features.${key}.body`)}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="associations" className="mt-12">
          <h2 id="associations" className="text-xl font-bold">
            {t("associationsTitle")}
          </h2>
          {associations.length === 0 ? (
            <p className="mt-4 text-stone-600">{t("noAssociations")}</p>
          ) : (
            <ul className="mt-4 grid gap-4 sm:grid-cols-2">
              {associations.map((a) => (
                <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-5" style={{ borderInlineStartColor: a.primaryColor, borderInlineStartWidth: 4 }}>
                  <h3 className="font-semibold">{pickColumn(a.nameAr, a.nameEn, locale)}</h3>
                  {a.cityAr && <p className="mt-1 text-sm text-stone-600">{pickColumn(a.cityAr, a.cityEn, locale)}</p>}
                  <a
                    href={tenantUrl(a.slug, locale)}
                    aria-label={t("visitSiteOf", { name: pickColumn(a.nameAr, a.nameEn, locale) })}
                    className="mt-3 inline-block font-medium text-teal-800 underline underline-offset-4"
                  >
                    {t("visitSite")}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
      <footer className="flex flex-wrap justify-center gap-x-6 gap-y-2 border-t border-stone-200 py-6 text-center text-sm text-stone-600">
        <span>{t("footer")}</span>
        <Link href="/pricing" className="underline">
          {t("pricing.link")}
        </Link>
        <Link href="/sign-in" className="underline">
          {ta("staffSignIn")}
        </Link>
      </footer>
    </>
  );
}
