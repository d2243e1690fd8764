/** @jest-environment node */
import type { Database } from "@/lib/db/client";
import { hijriToGregorian } from "@/lib/i18n/dates";
import { periodRequests, requestsCsv, requestsReport, resolvePeriod } from "@/lib/reports/requests";
import { engineName, freshDatabase } from "../../helpers/db";
import { seedWithAccounts, tenant } from "../fixtures";
import { addRequest, DAY_MS } from "./requests-fixture";

const NOW = new Date("2026-11-24T05:00:00Z");
const PERIOD = { from: "2026-10-01", to: "2026-11-30" };
const at = (day: string) => new Date(`${day}T06:00:00Z`); // 09:00 Riyadh
const after = (start: Date, days: number) => new Date(start.getTime() + days * DAY_MS);

let db: Database;
let qaderId: string;
let alhilahId: string;

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qaderId = (await tenant(db.prisma, "qader")).id;
  alhilahId = (await tenant(db.prisma, "alhilah")).id;

  // An older version of Qader's policy had a channel the current one dropped.
  const current = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: qaderId, status: "PUBLISHED" } });
  const content = current.content as { channels: { key: string; label: { ar: string; en?: string } }[] };
  const old = await db.prisma.policyVersion.create({
    data: {
      associationId: qaderId,
      policyId: current.policyId,
      number: 0,
      status: "SUPERSEDED",
      content: { ...content, channels: [...content.channels, { key: "custom.old-hotline", label: { ar: "الخط الساخن القديم", en: "Old hotline" } }] },
      contentHash: "0".repeat(64),
      publishedAt: at("2026-01-01"),
    },
  });

  // Qader, in the period: four decided after 2, 4, 20 (late) and 6 days; two undecided.
  const q = (day: string, options: Omit<Parameters<typeof addRequest>[2], "submittedAt"> = {}) =>
    addRequest(db.prisma, qaderId, { submittedAt: at(day), ...options });
  await q("2026-10-01", { status: "ACCEPTED", decidedAt: after(at("2026-10-01"), 2) });
  await q("2026-10-05", { status: "REJECTED", decidedAt: after(at("2026-10-05"), 4) });
  await q("2026-10-10", { channelKey: "WEBSITE", status: "ACCEPTED", decidedAt: after(at("2026-10-10"), 20) });
  await q("2026-10-15", { channelKey: "custom.old-hotline", policyVersionId: old.id, status: "DELIVERED", decidedAt: after(at("2026-10-15"), 6) });
  await q("2026-11-01", { channelKey: "WEBSITE" }); // due 15 Nov: overdue now
  await q("2026-11-20", { status: "IN_COMMITTEE" }); // due 4 Dec: on time
  // Qader, before the period: overdue now (counted there), but not in the period's figures.
  await q("2026-09-01", { channelKey: "LETTER" });
  // Al-Hilah, in the period: must never show in Qader's report.
  for (const day of ["2026-10-02", "2026-10-03", "2026-11-02"]) {
    await addRequest(db.prisma, alhilahId, { submittedAt: at(day), channelKey: "PHONE", status: "ACCEPTED", decidedAt: after(at(day), 30) });
  }
  await addRequest(db.prisma, alhilahId, { submittedAt: at("2026-10-20") });

  const complaint = (associationId: string, reference: string, kind: "COMPLAINT" | "SUGGESTION", status: "NEW" | "IN_PROGRESS" | "CLOSED", day: string) =>
    db.prisma.complaint.create({ data: { associationId, reference, kind, status, body: "نص", createdAt: at(day) } });
  await complaint(qaderId, "C-1448-0001", "COMPLAINT", "NEW", "2026-10-03");
  await complaint(qaderId, "C-1448-0002", "COMPLAINT", "NEW", "2026-11-03");
  await complaint(qaderId, "C-1448-0003", "SUGGESTION", "CLOSED", "2026-11-04");
  await complaint(qaderId, "C-1448-0004", "COMPLAINT", "CLOSED", "2026-09-04"); // before the period
  await complaint(alhilahId, "C-1448-0001", "COMPLAINT", "NEW", "2026-10-03");
}, 60_000);
afterAll(() => db.close());

describe(`reports (${engineName()})`, () => {
  it("computes Qader's figures for the period", async () => {
    const report = await requestsReport(db.prisma, qaderId, PERIOD, NOW);
    expect(report.total).toBe(6);
    expect(report.byChannel.map((c) => [c.key, c.count, c.label?.ar])).toEqual([
      ["PHONE", 3, "الاتصالات الهاتفية"],
      ["WEBSITE", 2, "الموقع الإلكتروني للجمعية"],
      ["custom.old-hotline", 1, "الخط الساخن القديم"], // the label of the older version
    ]);
    expect(report.byStatus).toEqual([
      { status: "RECEIVED", count: 1 },
      { status: "IN_COMMITTEE", count: 1 },
      { status: "ACCEPTED", count: 2 },
      { status: "REJECTED", count: 1 },
      { status: "DELIVERED", count: 1 },
    ]);
    expect(report.decided).toBe(4);
    expect(report.decidedWithin).toBe(3);
    expect(report.shareWithin).toBe(0.75);
    expect(report.medianDaysToDecision).toBe(5); // days 2, 4, 6, 20
    expect(report.deadline).toMatchObject({ amount: 1, unit: "MONTHS" });
    expect(report.deadline?.wording.ar).toBeTruthy();
    // Overdue now: the one from November and the older one from September.
    expect(report.overdueNow).toBe(2);
    expect(report.complaints.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "COMPLAINT", status: "NEW", count: 2 },
      { kind: "SUGGESTION", status: "CLOSED", count: 1 },
    ]);
  });

  it("never counts another association's rows", async () => {
    const report = await requestsReport(db.prisma, alhilahId, PERIOD, NOW);
    expect(report.total).toBe(4);
    expect(report.byChannel.map((c) => [c.key, c.count])).toEqual([["PHONE", 4]]);
    expect(report.decided).toBe(3);
    expect(report.decidedWithin).toBe(0);
    expect(report.medianDaysToDecision).toBe(30);
    expect(report.overdueNow).toBe(1);
    expect(report.complaints).toEqual([{ kind: "COMPLAINT", status: "NEW", count: 1 }]);
  });

  it("counts a request as overdue now once its due date passes", async () => {
    const before = await requestsReport(db.prisma, qaderId, PERIOD, new Date("2026-12-04T12:00:00Z"));
    expect(before.overdueNow).toBe(2);
    const after = await requestsReport(db.prisma, qaderId, PERIOD, new Date("2026-12-05T12:00:00Z")); // 4 Dec ended in Riyadh
    expect(after.overdueNow).toBe(3);
  });

  it("filters by Riyadh days at both ends", async () => {
    // 1 Oct 09:00 Riyadh is in a period starting 1 Oct and not in one ending 30 Sep.
    expect((await requestsReport(db.prisma, qaderId, { from: "2026-10-01", to: "2026-10-01" }, NOW)).total).toBe(1);
    expect((await requestsReport(db.prisma, qaderId, { from: "2026-09-01", to: "2026-09-30" }, NOW)).total).toBe(1);
    expect((await requestsReport(db.prisma, qaderId, { from: "2025-01-01", to: "2025-12-31" }, NOW))).toMatchObject({
      total: 0,
      medianDaysToDecision: null,
      shareWithin: null,
    });
  });

  it("defaults to the current Hijri year and ignores bad dates", () => {
    const start = hijriToGregorian({ year: 1448, month: 1, day: 1 });
    const from = `${start.year}-${String(start.month).padStart(2, "0")}-${String(start.day).padStart(2, "0")}`;
    expect(resolvePeriod({}, NOW)).toEqual({ from, to: "2026-11-24" });
    expect(resolvePeriod({ from: "nonsense", to: "2026-11-01" }, NOW)).toEqual({ from, to: "2026-11-01" });
    expect(resolvePeriod({ from: "2026-11-30", to: "2026-10-01" }, NOW)).toEqual(PERIOD);
  });

  it("exports one CSV row per request, without personal data", async () => {
    const csv = requestsCsv(await periodRequests(db.prisma, qaderId, PERIOD));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("reference,channel,status,submitted_at,due_at,decided_at,decided_within_deadline");
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^1448-\d{5},PHONE,ACCEPTED,2026-10-01T06:00:00.000Z,.+,2026-10-03T06:00:00.000Z,yes$/);
    expect(lines[3]).toMatch(/,WEBSITE,ACCEPTED,.*,no$/);
    expect(lines[5]).toMatch(/,WEBSITE,RECEIVED,.*,,$/);
    expect(csv).not.toMatch(/مستفيد|\+966|X\d/);
  });
});
