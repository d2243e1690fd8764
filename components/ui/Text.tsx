import { useTranslations } from "next-intl";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { LocalizedText } from "@/lib/policy/schema";

/** Bilingual text; an untranslated English entry shows the Arabic, marked as such. */
export function Text({ text, locale }: { text: LocalizedText; locale: Locale }) {
  const t = useTranslations("common");
  const picked = pickText(text, locale);
  if (picked.translated) return <>{picked.value}</>;
  return (
    <>
      <span lang="ar" dir="rtl">
        {picked.value}
      </span>{" "}
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 print:hidden">
        {t("notTranslated")}
      </span>
    </>
  );
}
