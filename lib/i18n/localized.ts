import type { LocalizedText } from "../policy/schema";
import type { Locale } from "./routing";

/** The text in the wanted language, or the Arabic original marked as untranslated. */
export function pickText(text: LocalizedText, locale: Locale): { value: string; lang: Locale; translated: boolean } {
  if (locale === "en" && text.en) return { value: text.en, lang: "en", translated: true };
  return { value: text.ar, lang: "ar", translated: locale === "ar" };
}

/** Picks between a record's Arabic and English columns, falling back to Arabic. */
export function pickColumn(ar: string, en: string | null | undefined, locale: Locale): string {
  return locale === "en" && en ? en : ar;
}
