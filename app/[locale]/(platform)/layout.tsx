import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { asLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: asLocale((await params).locale), namespace: "platform" });
  return { title: t("metaTitle"), description: t("metaDescription"), alternates: { languages: { ar: "/", en: "/en" } } };
}

/** The platform's own pages, on the root domain. */
export default function PlatformLayout({ children }: { children: ReactNode }) {
  return children;
}
