/** @jest-environment node */
import { formatDualDate, formatGregorian, formatHijri, gregorianToHijri, hijriToGregorian, toHijri } from "@/lib/i18n/dates";

describe("Hijri (Umm al-Qura) and Gregorian dates", () => {
  it("converts Qader's approval date 1442/12/22 AH to 1 August 2021 and back", () => {
    expect(hijriToGregorian({ year: 1442, month: 12, day: 22 })).toEqual({ year: 2021, month: 8, day: 1 });
    expect(gregorianToHijri({ year: 2021, month: 8, day: 1 })).toEqual({ year: 1442, month: 12, day: 22 });
  });

  it.each([
    [{ year: 1445, month: 9, day: 1 }, { year: 2024, month: 3, day: 11 }], // Ramadan 1445
    [{ year: 1446, month: 1, day: 1 }, { year: 2024, month: 7, day: 7 }], // Hijri new year 1446
  ])("converts %j to %j", (hijri, gregorian) => {
    expect(hijriToGregorian(hijri)).toEqual(gregorian);
    expect(gregorianToHijri(gregorian)).toEqual(hijri);
  });

  it("refuses a day the Umm al-Qura month does not have", () => {
    expect(() => hijriToGregorian({ year: 1442, month: 12, day: 31 })).toThrow(RangeError);
  });

  it("reads the Hijri date of an instant in Riyadh, not UTC", () => {
    // 22:30 UTC on 31 July is 01:30 on 1 August in Riyadh.
    expect(toHijri(new Date("2021-07-31T22:30:00Z"))).toEqual({ year: 1442, month: 12, day: 22 });
  });

  it("formats both calendars side by side, with Latin digits", () => {
    const d = new Date("2021-08-01T00:00:00Z");
    expect(formatHijri(d, "ar")).toBe("1442/12/22هـ");
    expect(formatGregorian(d, "ar")).toBe("1 أغسطس 2021م");
    expect(formatDualDate(d, "ar")).toBe("1442/12/22هـ الموافق 1 أغسطس 2021م");
    expect(formatDualDate(d, "en")).toBe("1 August 2021 (22 Dhuʻl-Hijjah 1442 AH)");
  });
});
