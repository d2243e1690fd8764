import { countBy, daysBetween, median, round1, share } from "@/lib/reports/stats";

describe("median", () => {
  it("is null for no values", () => expect(median([])).toBeNull());
  it("takes the middle of an odd count, whatever the order", () => expect(median([9, 1, 5])).toBe(5));
  it("averages the two middle values of an even count", () => expect(median([4, 1, 3, 10])).toBe(3.5));
  it("handles a single value and fractions", () => {
    expect(median([2.5])).toBe(2.5);
    expect(median([0.5, 1.5])).toBe(1);
  });
  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("share", () => {
  it("is null when the whole is zero", () => expect(share(0, 0)).toBeNull());
  it("divides", () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 5)).toBe(0);
    expect(share(2, 2)).toBe(1);
  });
});

describe("countBy, daysBetween, round1", () => {
  it("counts per key in first-seen order", () => {
    const counts = countBy(["PHONE", "WEBSITE", "PHONE", "PHONE"], (k) => k);
    expect([...counts]).toEqual([["PHONE", 3], ["WEBSITE", 1]]);
  });
  it("measures days between instants", () => {
    expect(daysBetween(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-03T12:00:00Z"))).toBe(2.5);
  });
  it("rounds to one decimal", () => {
    expect(round1(1.25)).toBe(1.3);
    expect(round1(2)).toBe(2);
    expect(round1(7 / 3)).toBe(2.3);
  });
});
