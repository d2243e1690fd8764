import { z } from "zod";
import { hijriToGregorian, toHijri, type YMD } from "../i18n/dates";
import type { Period } from "../reports/requests";
import { isoDay, riyadhDay } from "../requests/due-date";

// The evidence pack covers one whole year, Hijri (assessors think in Hijri years, the default)
// or Gregorian, as Riyadh days. Bad input falls back to the current year rather than failing.

export const EVIDENCE_CALENDARS = ["hijri", "gregorian"] as const;
export type EvidenceCalendar = (typeof EVIDENCE_CALENDARS)[number];
export type EvidenceYear = { calendar: EvidenceCalendar; year: number; period: Period };

/** Years the picker accepts: wide enough for any association's history, narrow enough to convert. */
export const YEAR_RANGE: Record<EvidenceCalendar, { min: number; max: number }> = {
  hijri: { min: 1400, max: 1500 },
  gregorian: { min: 1980, max: 2076 },
};

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: YMD) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** The day before a Gregorian date, as YYYY-MM-DD. */
function dayBefore(d: YMD): string {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day - 1));
  return date.toISOString().slice(0, 10);
}

/** The Riyadh days a year covers: 1 Muharram to the last day of Dhu al-Hijjah, or 1 Jan to 31 Dec. */
export function yearPeriod(calendar: EvidenceCalendar, year: number): Period {
  if (calendar === "gregorian") return { from: `${year}-01-01`, to: `${year}-12-31` };
  return { from: iso(hijriToGregorian({ year, month: 1, day: 1 })), to: dayBefore(hijriToGregorian({ year: year + 1, month: 1, day: 1 })) };
}

/** The current year in a calendar, in Riyadh. */
export function currentYear(calendar: EvidenceCalendar, now: Date = new Date()): number {
  return calendar === "hijri" ? toHijri(now).year : Number(isoDay(riyadhDay(now)).slice(0, 4));
}

const inputSchema = z.object({
  calendar: z.enum(EVIDENCE_CALENDARS).catch("hijri"),
  year: z.string().regex(/^\d{4}$/).transform(Number).optional().catch(undefined),
});

const inRange = (calendar: EvidenceCalendar, year: number) => year >= YEAR_RANGE[calendar].min && year <= YEAR_RANGE[calendar].max;
const otherCalendar = (calendar: EvidenceCalendar): EvidenceCalendar => (calendar === "hijri" ? "gregorian" : "hijri");

/** The year of `calendar` that holds the middle of `year` in the other calendar (1448 AH → 2026). */
function matchingYear(calendar: EvidenceCalendar, year: number): number {
  const { from, to } = yearPeriod(otherCalendar(calendar), year);
  const middle = (Date.parse(`${from}T12:00:00+03:00`) + Date.parse(`${to}T12:00:00+03:00`)) / 2;
  return currentYear(calendar, new Date(middle));
}

/** `?calendar=hijri|gregorian&year=` → the year and its period; default: the current Hijri year.
 * Switching the picker's calendar submits the other calendar's year (the ranges do not overlap):
 * it becomes the matching year rather than the current one. */
export function resolveEvidenceYear(input: { calendar?: string | null; year?: string | null }, now: Date = new Date()): EvidenceYear {
  const parsed = inputSchema.parse({ calendar: input.calendar ?? undefined, year: input.year ?? undefined });
  const { calendar, year: asked } = parsed;
  const year =
    asked === undefined ? currentYear(calendar, now)
    : inRange(calendar, asked) ? asked
    : inRange(otherCalendar(calendar), asked) ? matchingYear(calendar, asked)
    : currentYear(calendar, now);
  return { calendar, year, period: yearPeriod(calendar, year) };
}
