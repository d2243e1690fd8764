import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { asLocale } from "./routing";

/** generateMetadata for a private page: its localized title (the site layout adds the site's
 * name), never indexed. Usage: `export const generateMetadata = pageTitle("auth.signInTitle");` */
export function pageTitle(key: string) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const t = await getTranslations({ locale: asLocale((await params).locale) });
    return { title: t(key), robots: { index: false, follow: false } };
  };
}
