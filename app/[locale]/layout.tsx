import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Document } from "@/components/ui/Document";
import { isLocale } from "@/lib/i18n/routing";
import "../globals.css";

// The one root layout: every site, the platform's and each association's, is rendered under
// its locale segment, so every page and every 404 has the right language and direction.
export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <Document locale={locale}>{children}</Document>;
}
