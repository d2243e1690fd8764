import { AppError } from "../errors";
import { hijriToGregorian, type YMD } from "../i18n/dates";

// The board's meeting date as the chair enters it, in either calendar. Pure, so the decision
// form shows the conversion live with the same rules the server applies.

export type EnteredDate = { calendar: "GREGORIAN" | "HIJRI" } & YMD;

/** The Gregorian date (UTC midnight) of an entered date, or null when it does not exist in its calendar. */
export function gregorianOf(input: EnteredDate): Date | null {
  let ymd: YMD = { year: input.year, month: input.month, day: input.day };
  try {
    if (input.calendar === "HIJRI") ymd = hijriToGregorian(ymd);
  } catch {
    return null;
  }
  const date = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day));
  const exists = date.getUTCFullYear() === ymd.year && date.getUTCMonth() === ymd.month - 1 && date.getUTCDate() === ymd.day;
  return exists ? date : null;
}

/** The meeting date for a DATE column, or a field error. */
export function meetingDateOf(input: EnteredDate): Date {
  const date = gregorianOf(input);
  if (!date) throw new AppError("INVALID_INPUT", "day", "validation.dateInvalid");
  // A board of a registered association met after 1900: an earlier year is a calendar mix-up
  // (1442 typed as a Gregorian year).
  if (date.getUTCFullYear() < 1900) throw new AppError("INVALID_INPUT", "year", "validation.dateTooOld");
  return date;
}
