"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Links to the same page in the other language. */
export function LanguageSwitch() {
  const locale = useLocale();
  const pathname = usePathname();
  const t = useTranslations("common");
  const other = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={pathname}
      locale={other}
      hrefLang={other}
      lang={other}
      aria-label={t("switchLanguage")}
      className="rounded-full border border-current/30 px-3 py-1 text-sm font-medium hover:bg-white/10 print:hidden"
    >
      {t("otherLocaleName")}
    </Link>
  );
}
