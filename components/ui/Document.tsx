import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { DIRECTION, type Locale } from "@/lib/i18n/routing";

/** The <html> shell of every page: language and direction come from the locale segment. */
export function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale} dir={DIRECTION[locale]}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
