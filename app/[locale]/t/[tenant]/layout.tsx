import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { asLocale } from "@/lib/i18n/routing";

/** Sets the locale for everything under an association's tree, the not-found page included:
 * without it next-intl would read it from the request headers, which a cached page may not do. */
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale(asLocale((await params).locale));
  return children;
}
