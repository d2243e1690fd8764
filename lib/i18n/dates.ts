import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from "@internationalized/date";
import type { Locale } from "./routing";

// Dates are shown in both calendars, Gregorian and Umm al-Qura Hijri, always with an explicit
// calendar, Latin digits and the Riyadh time zone, so the output never depends on the server.

export const TIME_ZONE = "Asia/Riyadh";

export type YMD = { year: number; month: number; day: number };

function parts(date: Date, locale: string): YMD {
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "numeric", day: "numeric" });
  const get = (type: string) => Number(fmt.formatToParts(date).find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** The Umm al-Qura date of an instant, in Riyadh. */
export function toHijri(date: Date): YMD {
  return parts(date, "en-u-ca-islamic-umalqura-nu-latn");
}

/** Converts an Umm al-Qura date to the Gregorian calendar date (for Hijri input). */
export function hijriToGregorian({ year, month, day }: YMD): YMD {
  const hijri = new CalendarDate(new IslamicUmalquraCalendar(), year, month, day);
  if (hijri.year !== year || hijri.month !== month || hijri.day !== day) {
    throw new RangeError(`Not a valid Umm al-Qura date: ${year}/${month}/${day}`);
  }
  const g = toCalendar(hijri, new GregorianCalendar());
  return { year: g.year, month: g.month, day: g.day };
}

/** Converts a Gregorian calendar date to Umm al-Qura. */
export function gregorianToHijri({ year, month, day }: YMD): YMD {
  const h = toCalendar(new CalendarDate(new GregorianCalendar(), year, month, day), new IslamicUmalquraCalendar());
  return { year: h.year, month: h.month, day: h.day };
}

/** "1442/12/22هـ" in Arabic, "22 Dhuʻl-Hijjah 1442 AH" in English. */
export function formatHijri(date: Date, locale: Locale): string {
  if (locale === "ar") {
    const h = toHijri(date);
    return `${h.year}/${h.month}/${h.day}هـ`;
  }
  return new Intl.DateTimeFormat("en-GB-u-ca-islamic-umalqura-nu-latn", {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}

/** "1 أغسطس 2021م" in Arabic, "1 August 2021" in English. */
export function formatGregorian(date: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-GB-u-ca-gregory", {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
  return locale === "ar" ? `${text}م` : text;
}

/** A moment for logs and lists: "24 نوفمبر 2026، 10:15 ص" / "24 Nov 2026, 10:15", Riyadh time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-GB", {
    timeZone: TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

/** Both calendars side by side: "1442/12/22هـ الموافق 1 أغسطس 2021م". */
export function formatDualDate(date: Date, locale: Locale): string {
  return locale === "ar"
    ? `${formatHijri(date, locale)} الموافق ${formatGregorian(date, locale)}`
    : `${formatGregorian(date, locale)} (${formatHijri(date, locale)})`;
}
