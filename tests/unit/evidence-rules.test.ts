import { versionsInForce } from "@/lib/evidence/in-force";
import { readinessChecklist, untranslatedTexts, type ReadinessFacts } from "@/lib/evidence/readiness";
import { resolveEvidenceYear, yearPeriod } from "@/lib/evidence/year";

const NOW = new Date("2026-11-24T05:00:00Z"); // 14 Jumada al-Awwal 1448

describe("evidence year → period", () => {
  it("covers a whole Umm al-Qura year, 1 Muharram to the eve of the next", () => {
    expect(yearPeriod("hijri", 1448)).toEqual({ from: "2026-06-16", to: "2027-06-05" });
    expect(yearPeriod("hijri", 1447)).toEqual({ from: "2025-06-26", to: "2026-06-15" });
  });

  it("covers a Gregorian year from 1 January to 31 December", () => {
    expect(yearPeriod("gregorian", 2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("defaults to the current Hijri year and ignores bad input", () => {
    const current = { calendar: "hijri", year: 1448, period: { from: "2026-06-16", to: "2027-06-05" } };
    expect(resolveEvidenceYear({}, NOW)).toEqual(current);
    expect(resolveEvidenceYear({ calendar: "julian", year: "1448" }, NOW)).toEqual(current);
    expect(resolveEvidenceYear({ calendar: "hijri", year: "abc" }, NOW)).toEqual(current);
    expect(resolveEvidenceYear({ calendar: "hijri", year: "1300" }, NOW)).toEqual(current); // out of both ranges
    expect(resolveEvidenceYear({ calendar: "gregorian" }, NOW)).toMatchObject({ calendar: "gregorian", year: 2026 });
    expect(resolveEvidenceYear({ calendar: "gregorian", year: "2025" }, NOW).period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(resolveEvidenceYear({ calendar: "hijri", year: "1447" }, NOW).year).toBe(1447);
  });

  it("turns the other calendar's year into the matching one when the picker switches calendars", () => {
    expect(resolveEvidenceYear({ calendar: "gregorian", year: "1448" }, NOW)).toEqual({ calendar: "gregorian", year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } });
    expect(resolveEvidenceYear({ calendar: "gregorian", year: "1447" }, NOW).year).toBe(2025);
    expect(resolveEvidenceYear({ calendar: "hijri", year: "2026" }, NOW).year).toBe(1448);
    expect(resolveEvidenceYear({ calendar: "hijri", year: "2025" }, NOW).year).toBe(1447);
  });
});

describe("versions in force during a period", () => {
  const v = (number: number, publishedAt: string | null) => ({ number, publishedAt: publishedAt ? new Date(publishedAt) : null });
  const bounds = { gte: new Date("2025-01-01T00:00:00+03:00"), lte: new Date("2025-12-31T23:59:59.999+03:00") };
  const numbers = (list: { number: number }[]) => list.map((x) => x.number);

  it("keeps the version in force at the start and every version published during the period", () => {
    const versions = [v(1, "2023-03-01"), v(2, "2024-05-01"), v(3, "2025-04-01"), v(4, "2025-09-01"), v(5, "2026-02-01")];
    expect(numbers(versionsInForce(versions, bounds))).toEqual([2, 3, 4]);
  });

  it("drops a version superseded before the start and one published after the end", () => {
    expect(numbers(versionsInForce([v(1, "2023-01-01"), v(2, "2024-12-31T20:00:00Z")], bounds))).toEqual([2]);
    expect(numbers(versionsInForce([v(1, "2026-01-01")], bounds))).toEqual([]);
  });

  it("ignores versions never published and orders by publication", () => {
    expect(numbers(versionsInForce([v(3, "2025-06-01"), v(9, null), v(2, "2024-01-01")], bounds))).toEqual([2, 3]);
  });

  it("counts a version superseded exactly at the start as not in force", () => {
    expect(numbers(versionsInForce([v(1, "2024-01-01"), v(2, "2024-12-31T21:00:00Z")], bounds))).toEqual([2]);
  });
});

describe("readiness checklist", () => {
  const ready: ReadinessFacts = {
    approved: true,
    published: true,
    untranslated: 0,
    publicUrl: "http://qader.localhost:3000/",
    channels: 7,
    deadlineDefined: true,
    requests: 12,
    decided: 3,
    activeSurveys: 1,
    responses: 5,
    attestation: { attested: 3, required: 3 },
    privacyNoticeVersion: 2,
  };
  const state = (facts: ReadinessFacts) => Object.fromEntries(readinessChecklist(facts).map((i) => [i.key, i.present]));

  it("lists every item, all present for a ready association", () => {
    const items = readinessChecklist(ready);
    expect(items.map((i) => i.key)).toEqual([
      "approved", "published", "english", "publicUrl", "channels", "deadline", "requests", "adherence", "survey", "responses", "complaints", "attestation", "privacy",
    ]);
    expect(items.every((i) => i.present)).toBe(true);
  });

  it("marks each rule missing on its own boundary", () => {
    expect(state({ ...ready, approved: false }).approved).toBe(false);
    expect(state({ ...ready, published: false }).published).toBe(false);
    expect(state({ ...ready, untranslated: 1 }).english).toBe(false);
    expect(state({ ...ready, untranslated: null }).english).toBe(false);
    expect(state({ ...ready, publicUrl: null }).publicUrl).toBe(false);
    expect(state({ ...ready, channels: 0 }).channels).toBe(false);
    expect(state({ ...ready, deadlineDefined: false }).deadline).toBe(false);
    expect(state({ ...ready, requests: 0 }).requests).toBe(false);
    expect(state({ ...ready, decided: 0 }).adherence).toBe(false);
    expect(state({ ...ready, activeSurveys: 0 }).survey).toBe(false);
    expect(state({ ...ready, responses: 4 }).responses).toBe(false);
    expect(state({ ...ready, attestation: { attested: 2, required: 3 } }).attestation).toBe(false);
    expect(state({ ...ready, attestation: { attested: 0, required: 0 } }).attestation).toBe(false);
    expect(state({ ...ready, privacyNoticeVersion: null }).privacy).toBe(false);
  });

  it("always lists the complaints channel as present", () => {
    const nothing = readinessChecklist({ ...ready, approved: false, published: false, requests: 0, responses: 0 });
    expect(nothing.find((i) => i.key === "complaints")?.present).toBe(true);
  });

  it("passes the figures its explanation quotes", () => {
    const items = readinessChecklist({ ...ready, responses: 4, attestation: { attested: 2, required: 3 } });
    expect(items.find((i) => i.key === "responses")?.values).toEqual({ count: 4, min: 5 });
    expect(items.find((i) => i.key === "attestation")?.values).toEqual({ attested: 2, required: 3 });
  });

  it("counts localized texts without English", () => {
    expect(untranslatedTexts({ title: { ar: "أ", en: "A" }, list: [{ ar: "ب" }, { ar: "ج", en: " " }], deadline: { amount: 1, wording: { ar: "د", en: "D" } } })).toBe(2);
    expect(untranslatedTexts({ title: { ar: "أ", en: "A" } })).toBe(0);
  });
});
