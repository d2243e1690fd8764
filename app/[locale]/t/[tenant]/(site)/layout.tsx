import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CSSProperties, ReactNode } from "react";
import { LanguageSwitch } from "@/components/site/LanguageSwitch";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import { getTenant } from "@/lib/tenancy/current";

type Props = { children: ReactNode; params: Promise<{ tenant: string; locale: string }> };

/** Every page's title ends with the association's name. */
export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { tenant: key, locale } = await params;
  const tenant = await getTenant(key);
  if (!tenant) return {};
  const name = pickColumn(tenant.nameAr, tenant.nameEn, asLocale(locale));
  return { title: { template: `%s — ${name}`, default: name } };
}

/** An association's site: its name and colour around every page. Unknown host → 404; a
 * suspended association shows a notice instead of any page. */
export default async function SiteLayout({ children, params }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  const t = await getTranslations("common");
  const ta = await getTranslations("auth");
  const ts = await getTranslations("suspended");
  const name = pickColumn(tenant.nameAr, tenant.nameEn, locale);

  return (
    <div style={{ "--brand": tenant.primaryColor } as CSSProperties} className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="bg-[var(--brand)] text-white print:hidden">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-base font-bold leading-snug sm:text-lg">
            {name}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <div className="flex-1">
        {tenant.status === "ACTIVE" ? (
          children
        ) : (
          <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center">
            <h1 className="text-2xl font-bold">{ts("title")}</h1>
            <p className="mt-3 text-stone-700">{ts("body")}</p>
          </main>
        )}
      </div>
      <footer className="flex flex-wrap justify-center gap-x-6 gap-y-2 border-t border-stone-200 py-6 text-center text-sm text-stone-500 print:hidden">
        <span>{t("poweredBy")}</span>
        {tenant.status === "ACTIVE" && (
          <Link href="/admin" className="underline">
            {ta("staffSignIn")}
          </Link>
        )}
      </footer>
    </div>
  );
}
