import type { Locale } from "@/lib/i18n/routing";

// Number and month formats for the survey dashboard: Latin digits in both languages (as the
// reports), Gregorian month names (responses keep the Gregorian month).

export function dashboardFormat(locale: Locale) {
  const tag = locale === "ar" ? "ar-SA-u-nu-latn-ca-gregory" : "en-GB";
  const numberFormat = new Intl.NumberFormat(tag);
  const percentFormat = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
  const signedFormat = new Intl.NumberFormat(tag, { signDisplay: "exceptZero" });
  const decimalFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
  return {
    number: (value: number) => numberFormat.format(value),
    percent: (fraction: number) => percentFormat.format(fraction),
    /** NPS: a signed whole number. */
    signed: (value: number) => signedFormat.format(value),
    decimal: (value: number) => decimalFormat.format(value),
    /** "2026-10" → October 2026. */
    month: (month: string) => {
      const [year, m] = month.split("-").map(Number);
      return monthFormat.format(new Date(Date.UTC(year, m - 1, 15)));
    },
  };
}
