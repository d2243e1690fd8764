import { getTranslations, setRequestLocale } from "next-intl/server";
import { AssociationForm } from "@/components/console/ConsoleForms";
import { PlatformBar } from "@/components/console/PlatformBar";
import { asLocale } from "@/lib/i18n/routing";
import { TEMPLATE_KEYS } from "@/lib/policy/templates";
import { siteHost } from "@/lib/tenancy/urls";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: asLocale((await params).locale), namespace: "register" });
  return { title: t("title") };
}

/** Self-serve onboarding: a new association, its admin invitation and a draft policy. */
export default async function RegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations("register");
  return (
    <>
      <PlatformBar />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-stone-700">{t("intro")}</p>
        <div className="mt-6 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <AssociationForm mode="register" exampleHost={siteHost("your-name")} templates={TEMPLATE_KEYS} />
        </div>
      </main>
    </>
  );
}
