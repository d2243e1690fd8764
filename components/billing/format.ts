import type { Locale } from "@/lib/i18n/routing";

// Numbers on the billing page: Latin digits in both languages, as the reports show them.
export function billingNumber(locale: Locale) {
  const format = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB", { maximumFractionDigits: 2 });
  return (value: number) => format.format(value);
}
