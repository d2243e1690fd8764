import { csat, distribution, hiddenGroups, mean, meanOfCounts, MIN_GROUP, monthRange, monthsBetween, nps, responseRate, scaleOf, suppressed } from "@/lib/surveys/stats";
import { dashboardFormat } from "@/components/surveys/dashboard/format";

describe("csat", () => {
  it("is the share of 4 and 5 among 1–5 ratings", () => {
    expect(csat([5, 4, 3, 2, 1])).toBeCloseTo(0.4);
    expect(csat([5, 5, 4, 4])).toBe(1);
    expect(csat([3.5, 4])).toBe(0.5); // a mean of ratings under 4 is not satisfied
  });
  it("ignores scores outside 1–5 and is null with none", () => {
    expect(csat([0, 6, 5])).toBe(1);
    expect(csat([])).toBeNull();
  });
});

describe("nps", () => {
  it("is % promoters minus % detractors, rounded to an integer", () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toBe(0); // 2 promoters, 2 detractors
    expect(nps([10, 10, 10])).toBe(100);
    expect(nps([0, 6, 3])).toBe(-100);
    expect(nps([10, 8, 7])).toBe(33); // 1/3 → 33.3
    expect(nps([10, 10, 6])).toBe(33); // 2/3 - 1/3
  });
  it("is null with no scores and never -0", () => {
    expect(nps([])).toBeNull();
    expect(Object.is(nps([7, 8]), 0)).toBe(true);
  });
});

describe("mean and distribution", () => {
  it("computes means", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNull();
    expect(meanOfCounts(new Map([[5, 3], [1, 1]]))).toBe(4);
    expect(meanOfCounts(new Map([[5, 0]]))).toBeNull();
  });
  it("counts every category, zero included, in order", () => {
    expect(distribution([5, 5, 3, 9], scaleOf({ min: 1, max: 5 }))).toEqual([
      { key: 1, count: 0 },
      { key: 2, count: 0 },
      { key: 3, count: 1 },
      { key: 4, count: 0 },
      { key: 5, count: 2 },
    ]);
    expect(scaleOf({ min: 0, max: 10 })).toHaveLength(11);
    expect(distribution(["a", "c"], ["a", "b"])).toEqual([{ key: "a", count: 1 }, { key: "b", count: 0 }]);
  });
});

describe("suppression", () => {
  it("hides groups under five", () => {
    expect(MIN_GROUP).toBe(5);
    expect(suppressed(0)).toBe(true);
    expect(suppressed(4)).toBe(true);
    expect(suppressed(5)).toBe(false);
  });
});

describe("responseRate", () => {
  it("is answered over sent, null with none sent", () => {
    expect(responseRate(3, 12)).toBe(0.25);
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe("hiddenGroups", () => {
  it("hides groups under 5, and the smallest shown group when only one non-empty group is hidden", () => {
    expect([...hiddenGroups([12, 3, 7, 9])].sort()).toEqual([1, 2]);
    // Two small groups: neither can be worked out from the total alone.
    expect([...hiddenGroups([12, 3, 2, 9])].sort()).toEqual([1, 2]);
    // Empty groups reveal nothing.
    expect([...hiddenGroups([12, 0, 7])].sort()).toEqual([1]);
    expect([...hiddenGroups([12, 5, 7])]).toEqual([]);
    expect([...hiddenGroups([4])]).toEqual([0]);
  });
});

describe("monthRange", () => {
  it("takes the months whose 15th lies in the period", () => {
    expect(monthRange({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ from: "2026-01", to: "2026-03" });
    expect(monthRange({ from: "2026-01-16", to: "2026-03-14" })).toEqual({ from: "2026-02", to: "2026-02" });
    expect(monthRange({ from: "2026-01-15", to: "2026-03-15" })).toEqual({ from: "2026-01", to: "2026-03" });
    // A Hijri year (1 Muharram 1448 = 16 June 2026) over a year end.
    expect(monthRange({ from: "2026-06-16", to: "2027-06-05" })).toEqual({ from: "2026-07", to: "2027-05" });
    expect(monthRange({ from: "2026-12-10", to: "2027-01-20" })).toEqual({ from: "2026-12", to: "2027-01" });
  });
  it("falls back to the months touched when no 15th is inside", () => {
    expect(monthRange({ from: "2026-10-10", to: "2026-10-12" })).toEqual({ from: "2026-10", to: "2026-10" });
    expect(monthRange({ from: "2026-10-20", to: "2026-11-10" })).toEqual({ from: "2026-10", to: "2026-11" });
  });
  it("counts the current month from its first day while the period runs", () => {
    expect(monthRange({ from: "2026-06-16", to: "2026-11-10" }, "2026-11-10")).toEqual({ from: "2026-07", to: "2026-11" });
    expect(monthRange({ from: "2026-06-16", to: "2027-06-05" }, "2026-11-03")).toEqual({ from: "2026-07", to: "2027-05" });
    // A past period is not stretched by today.
    expect(monthRange({ from: "2026-01-01", to: "2026-03-10" }, "2026-11-03")).toEqual({ from: "2026-01", to: "2026-02" });
  });
  it("lists months across a year end", () => {
    expect(monthsBetween({ from: "2026-11", to: "2027-02" })).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });
});

describe("dashboard formats", () => {
  it("names Gregorian months and signs NPS in both languages", () => {
    const en = dashboardFormat("en");
    expect(en.month("2026-10")).toBe("October 2026");
    expect(en.signed(17)).toBe("+17");
    expect(en.signed(0)).toBe("0");
    const ar = dashboardFormat("ar");
    expect(ar.month("2026-10")).toContain("2026");
    expect(ar.month("2026-10")).toContain("أكتوبر");
    expect(ar.percent(0.5)).toContain("50");
  });
});
