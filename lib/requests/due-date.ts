import { CalendarDate, GregorianCalendar, IslamicUmalquraCalendar, toCalendar } from "@internationalized/date";
import type { ResponseDeadline } from "../policy/schema";

// Due date = submission + the policy's response deadline, counted the way the board wrote it:
// days, weeks or months; months in the Gregorian or the Umm al-Qura calendar; working days
// (Sunday–Thursday, skipping the association's holidays) when the policy says so. Days are
// Riyadh days and a request is due at the end of its last day. A calendar-day deadline that
// ends on a holiday moves to the next day that is not one.

type Deadline = Pick<ResponseDeadline, "amount" | "unit" | "calendar" | "businessDays">;

const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000; // Saudi Arabia has no daylight saving time.
const DAY_MS = 24 * 60 * 60 * 1000;
const gregorian = new GregorianCalendar();
const hijri = new IslamicUmalquraCalendar();

export const isoDay = (d: CalendarDate) =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The Riyadh calendar day of an instant. */
export function riyadhDay(at: Date): CalendarDate {
  const local = new Date(at.getTime() + RIYADH_OFFSET_MS);
  return new CalendarDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** The last millisecond of a Riyadh day. */
export function endOfRiyadhDay(day: CalendarDate): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day) + DAY_MS - 1 - RIYADH_OFFSET_MS);
}

/** Friday and Saturday are the Saudi weekend. */
function isWeekend(day: CalendarDate): boolean {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return weekday === 5 || weekday === 6;
}

function addWorkingDays(start: CalendarDate, count: number, holidays: ReadonlySet<string>): CalendarDate {
  let day = start;
  for (let counted = 0; counted < count; ) {
    day = day.add({ days: 1 });
    if (!isWeekend(day) && !holidays.has(isoDay(day))) counted++;
  }
  return day;
}

function rollForward(day: CalendarDate, skip: (d: CalendarDate) => boolean): CalendarDate {
  let result = day;
  for (let guard = 0; skip(result) && guard < 366; guard++) result = result.add({ days: 1 });
  return result;
}

/** The last day of the deadline, in the Gregorian calendar. */
export function dueDay(submittedAt: Date, deadline: Deadline, holidays: ReadonlySet<string> = new Set()): CalendarDate {
  const start = riyadhDay(submittedAt);
  const isHoliday = (d: CalendarDate) => holidays.has(isoDay(d));
  const isOff = (d: CalendarDate) => isWeekend(d) || isHoliday(d);
  if (deadline.unit === "MONTHS") {
    const calendar = deadline.calendar === "HIJRI" ? hijri : gregorian;
    // @internationalized/date clamps to the month's last day (30 Rajab + 1 month = 29 Sha'ban).
    const end = toCalendar(toCalendar(start, calendar).add({ months: deadline.amount }), gregorian);
    const day = new CalendarDate(end.year, end.month, end.day);
    return rollForward(day, deadline.businessDays ? isOff : isHoliday);
  }
  const days = deadline.unit === "WEEKS" ? deadline.amount * (deadline.businessDays ? 5 : 7) : deadline.amount;
  if (deadline.businessDays) return addWorkingDays(start, days, holidays);
  return rollForward(start.add({ days }), isHoliday);
}

export function computeDueAt(submittedAt: Date, deadline: Deadline, holidays: ReadonlySet<string> = new Set()): Date {
  return endOfRiyadhDay(dueDay(submittedAt, deadline, holidays));
}

export const DUE_SOON_DAYS = 3;

export type DeadlineState = "ON_TIME" | "DUE_SOON" | "OVERDUE" | "MET" | "MISSED";

/** Where a request stands against its due date; once decided, whether the decision was in time. */
export function deadlineState(dueAt: Date, now: Date, decidedAt?: Date | null): DeadlineState {
  if (decidedAt) return decidedAt.getTime() <= dueAt.getTime() ? "MET" : "MISSED";
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return "OVERDUE";
  return left <= DUE_SOON_DAYS * DAY_MS ? "DUE_SOON" : "ON_TIME";
}

/** Whole days and hours between now and the due date (negative when overdue). */
export function countdown(dueAt: Date, now: Date): { days: number; hours: number; overdue: boolean } {
  const ms = dueAt.getTime() - now.getTime();
  const abs = Math.abs(ms);
  return { days: Math.floor(abs / DAY_MS), hours: Math.floor((abs % DAY_MS) / (60 * 60 * 1000)), overdue: ms < 0 };
}
