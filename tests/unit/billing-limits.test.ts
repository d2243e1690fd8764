import { effectivePlan, overLimit, riyadhMonth, startOfRiyadhMonth } from "@/lib/billing/limits";

// The plan in force and the Riyadh month, at their boundaries.

describe("effectivePlan", () => {
  const ends = new Date("2026-03-10T09:00:00Z");
  const failed = { plan: "STANDARD" as const, paymentFailedAt: new Date("2026-03-03T09:00:00Z"), graceEndsAt: ends };

  it("no row is Free", () => expect(effectivePlan(null)).toBe("FREE"));
  it("keeps the paid plan up to the end of the grace", () => expect(effectivePlan(failed, ends)).toBe("STANDARD"));
  it("falls back to Free the moment the grace has passed", () => expect(effectivePlan(failed, new Date(ends.getTime() + 1))).toBe("FREE"));
  it("a paid-up plan (no failed payment) holds whatever graceEndsAt says", () =>
    expect(effectivePlan({ ...failed, paymentFailedAt: null }, new Date("2027-01-01"))).toBe("STANDARD"));
  it("a granted plan holds", () => expect(effectivePlan({ plan: "PLUS", paymentFailedAt: null, graceEndsAt: null })).toBe("PLUS"));
});

describe("Riyadh month", () => {
  it("turns at midnight Riyadh time (21:00 UTC)", () => {
    expect(riyadhMonth(new Date("2026-11-30T20:59:59.999Z"))).toBe("2026-11");
    expect(riyadhMonth(new Date("2026-11-30T21:00:00Z"))).toBe("2026-12");
    expect(startOfRiyadhMonth(new Date("2026-12-15T12:00:00Z")).toISOString()).toBe("2026-11-30T21:00:00.000Z");
  });

  it("overLimit is this month's flag only", () => {
    const now = new Date("2026-12-15T12:00:00Z");
    expect(overLimit({ overLimitMonth: "2026-12" }, now)).toBe(true);
    expect(overLimit({ overLimitMonth: "2026-11" }, now)).toBe(false);
    expect(overLimit(null, now)).toBe(false);
  });
});
