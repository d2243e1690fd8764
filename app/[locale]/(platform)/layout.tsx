import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { asLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = asLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "platform" });
  const product = (await getTranslations({ locale, namespace: "common" }))("productName");
  // The platform's own pages say "<page> — Alaqa"; the landing page has the full title.
  return { title: { default: t("metaTitle"), template: `%s — ${product}` }, description: t("metaDescription"), alternates: { languages: { ar: "/", en: "/en" } } };
}

/** The platform's own pages, on the root domain. */
export default function PlatformLayout({ children }: { children: ReactNode }) {
  return children;
}
