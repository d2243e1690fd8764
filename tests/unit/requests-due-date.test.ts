/** @jest-environment node */
import { computeDueAt, countdown, deadlineState, dueDay, endOfRiyadhDay, isoDay, riyadhDay } from "@/lib/requests/due-date";
import { toHijri } from "@/lib/i18n/dates";

// Due date = submission + the policy's deadline, in Riyadh days, as the board wrote it.

type Unit = "DAYS" | "WEEKS" | "MONTHS";
const deadline = (amount: number, unit: Unit, options: { calendar?: "GREGORIAN" | "HIJRI"; businessDays?: boolean } = {}) => ({
  amount,
  unit,
  calendar: options.calendar ?? "GREGORIAN",
  businessDays: options.businessDays ?? false,
});
/** Noon in Riyadh on a Gregorian day. */
const riyadhNoon = (day: string) => new Date(`${day}T09:00:00Z`);
const due = (at: Date, d: ReturnType<typeof deadline>, holidays: string[] = []) => isoDay(dueDay(at, d, new Set(holidays)));

// 2026-11-24 is a Tuesday (14 Jumada al-Akhira 1448).
const TUESDAY = riyadhNoon("2026-11-24");

describe("Gregorian days, weeks and months", () => {
  it("adds calendar days and weeks, weekends included", () => {
    expect(due(TUESDAY, deadline(1, "DAYS"))).toBe("2026-11-25");
    expect(due(TUESDAY, deadline(10, "DAYS"))).toBe("2026-12-04"); // a Friday: calendar days do not skip weekends
    expect(due(TUESDAY, deadline(1, "WEEKS"))).toBe("2026-12-01");
    expect(due(TUESDAY, deadline(2, "WEEKS"))).toBe("2026-12-08");
  });

  it("adds Gregorian months, clamping to the month's last day", () => {
    expect(due(TUESDAY, deadline(1, "MONTHS"))).toBe("2026-12-24");
    expect(due(riyadhNoon("2027-01-31"), deadline(1, "MONTHS"))).toBe("2027-02-28");
    expect(due(riyadhNoon("2028-01-31"), deadline(1, "MONTHS"))).toBe("2028-02-29"); // leap year
    expect(due(riyadhNoon("2026-12-15"), deadline(3, "MONTHS"))).toBe("2027-03-15");
  });

  it("is due at the end of the Riyadh day (20:59:59.999 UTC)", () => {
    expect(computeDueAt(TUESDAY, deadline(2, "WEEKS")).toISOString()).toBe("2026-12-08T20:59:59.999Z");
  });
});

describe("Hijri (Umm al-Qura) months", () => {
  it("adds a Hijri month, which differs from a Gregorian one", () => {
    // 14 Jumada al-Akhira 1448 + 1 month = 14 Rajab 1448 = 23 December 2026.
    const end = due(TUESDAY, deadline(1, "MONTHS", { calendar: "HIJRI" }));
    expect(end).toBe("2026-12-23");
    expect(toHijri(new Date(`${end}T12:00:00Z`))).toEqual({ year: 1448, month: 7, day: 14 });
  });

  it("clamps the 30th to the last day of a 29-day month", () => {
    // 30 Jumada al-Ula 1448 (10 November 2026) + 1 month: Jumada al-Akhira has 29 days → 29 Jumada al-Akhira.
    const start = riyadhNoon("2026-11-10");
    expect(toHijri(start)).toEqual({ year: 1448, month: 5, day: 30 });
    const end = due(start, deadline(1, "MONTHS", { calendar: "HIJRI" }));
    expect(toHijri(new Date(`${end}T12:00:00Z`))).toEqual({ year: 1448, month: 6, day: 29 });
    expect(end).toBe("2026-12-09");
  });

  it("crosses the Hijri year", () => {
    // 14 Jumada al-Akhira 1448 + 12 months = 14 Jumada al-Akhira 1449.
    const end = due(TUESDAY, deadline(12, "MONTHS", { calendar: "HIJRI" }));
    expect(toHijri(new Date(`${end}T12:00:00Z`))).toEqual({ year: 1449, month: 6, day: 14 });
  });
});

describe("business days (Sunday–Thursday)", () => {
  it("skips Friday and Saturday", () => {
    // Thursday 26 Nov + 5 working days: Sun 29, Mon 30, Tue 1, Wed 2, Thu 3.
    expect(due(riyadhNoon("2026-11-26"), deadline(5, "DAYS", { businessDays: true }))).toBe("2026-12-03");
    expect(due(TUESDAY, deadline(3, "DAYS", { businessDays: true }))).toBe("2026-11-29");
    // A working week is five working days.
    expect(due(riyadhNoon("2026-11-26"), deadline(1, "WEEKS", { businessDays: true }))).toBe("2026-12-03");
    expect(due(TUESDAY, deadline(2, "WEEKS", { businessDays: true }))).toBe("2026-12-08");
  });

  it("counts from a weekend submission as from the next working day", () => {
    // Friday 27 Nov + 1 working day = Sunday 29 Nov.
    expect(due(riyadhNoon("2026-11-27"), deadline(1, "DAYS", { businessDays: true }))).toBe("2026-11-29");
  });

  it("moves a month deadline that ends on a weekend to the next working day", () => {
    expect(due(riyadhNoon("2026-12-05"), deadline(1, "MONTHS", { businessDays: true }))).toBe("2027-01-05"); // Tue stays
    expect(due(riyadhNoon("2026-12-08"), deadline(1, "MONTHS", { businessDays: true }))).toBe("2027-01-10"); // Fri 8 Jan → Sun 10 Jan
  });
});

describe("association holidays", () => {
  it("are skipped when counting working days", () => {
    expect(due(TUESDAY, deadline(3, "DAYS", { businessDays: true }), ["2026-11-25"])).toBe("2026-11-30");
    expect(due(TUESDAY, deadline(3, "DAYS", { businessDays: true }), ["2026-11-25", "2026-11-29", "2026-11-30"])).toBe("2026-12-02");
  });

  it("move a calendar deadline that ends on a holiday to the next day that is not one", () => {
    expect(due(TUESDAY, deadline(10, "DAYS"), ["2026-12-04"])).toBe("2026-12-05");
    expect(due(TUESDAY, deadline(10, "DAYS"), ["2026-12-04", "2026-12-05"])).toBe("2026-12-06");
    expect(due(TUESDAY, deadline(1, "MONTHS"), ["2026-12-24"])).toBe("2026-12-25");
    // A holiday inside a calendar-day period does not extend it.
    expect(due(TUESDAY, deadline(10, "DAYS"), ["2026-11-30"])).toBe("2026-12-04");
  });

  it("move a business-day month deadline past a holiday and the weekend after it", () => {
    // 24 Nov + 1 month = Thursday 24 Dec (holiday) → Fri, Sat weekend → Sunday 27 Dec.
    expect(due(TUESDAY, deadline(1, "MONTHS", { businessDays: true }), ["2026-12-24"])).toBe("2026-12-27");
  });
});

describe("Riyadh days", () => {
  it("counts from the Riyadh date, not the UTC one, late in the evening", () => {
    const lateEvening = new Date("2026-11-24T21:30:00Z"); // 00:30 on 25 November in Riyadh
    expect(isoDay(riyadhDay(lateEvening))).toBe("2026-11-25");
    expect(due(lateEvening, deadline(1, "DAYS"))).toBe("2026-11-26");
    const justBefore = new Date("2026-11-24T20:59:59Z"); // 23:59:59 on 24 November in Riyadh
    expect(due(justBefore, deadline(1, "DAYS"))).toBe("2026-11-25");
  });

  it("ends the day at Riyadh midnight", () => {
    expect(endOfRiyadhDay(riyadhDay(TUESDAY)).toISOString()).toBe("2026-11-24T20:59:59.999Z");
  });
});

describe("deadlineState and countdown", () => {
  const dueAt = new Date("2026-12-08T20:59:59.999Z");
  const DAY = 24 * 60 * 60 * 1000;
  const at = (ms: number) => new Date(dueAt.getTime() + ms);

  it("is ON_TIME until three days are left, then DUE_SOON, then OVERDUE after the due instant", () => {
    expect(deadlineState(dueAt, at(-3 * DAY - 1))).toBe("ON_TIME");
    expect(deadlineState(dueAt, at(-3 * DAY))).toBe("DUE_SOON");
    expect(deadlineState(dueAt, at(-1))).toBe("DUE_SOON");
    expect(deadlineState(dueAt, dueAt)).toBe("DUE_SOON");
    expect(deadlineState(dueAt, at(1))).toBe("OVERDUE");
  });

  it("is MET or MISSED once decided, whatever the time now", () => {
    expect(deadlineState(dueAt, at(10 * DAY), dueAt)).toBe("MET");
    expect(deadlineState(dueAt, at(-10 * DAY), at(-5 * DAY))).toBe("MET");
    expect(deadlineState(dueAt, at(10 * DAY), at(1))).toBe("MISSED");
    expect(deadlineState(dueAt, at(-DAY), null)).toBe("DUE_SOON");
  });

  it("counts down in days and hours, and up once overdue", () => {
    expect(countdown(dueAt, at(-(2 * DAY + 5 * 60 * 60 * 1000)))).toEqual({ days: 2, hours: 5, overdue: false });
    expect(countdown(dueAt, at(DAY + 60 * 60 * 1000))).toEqual({ days: 1, hours: 1, overdue: true });
  });
});
