/** @jest-environment node */
import "../fast-bcrypt";
import * as settingsActions from "@/lib/associations/intake-settings-actions";
import type { Database } from "@/lib/db/client";
import { evidenceCsv, evidenceRows } from "@/lib/evidence/csv";
import { evidencePack } from "@/lib/evidence/pack";
import { publicFigures } from "@/lib/evidence/public-figures";
import { untranslatedTexts } from "@/lib/evidence/readiness";
import { resolveEvidenceYear } from "@/lib/evidence/year";
import { answerField, answersSchema, type Question } from "@/lib/surveys/schema";
import { postServiceSurvey, surveyWithVersion } from "@/lib/surveys/surveys";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound } from "../actions";
import { demoUser, seedWithAccounts, tenant } from "../fixtures";
import { addRequest, DAY_MS } from "../reports/requests-fixture";

// The evidence pack and the public figures on seeded data plus synthetic rows with known answers:
// Qader's Gregorian year 2025 (an older policy version in force, requests, complaints, responses)
// and Al-Hilah's rows in the same year, which must never show in Qader's figures.

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const setPublicFigures = bound(settingsActions.setPublicFiguresAction);
const YEAR_2025 = resolveEvidenceYear({ calendar: "gregorian", year: "2025" });
const NOW = new Date("2026-11-24T05:00:00Z"); // in Hijri 1448, which began on 16 June 2026
const at = (day: string) => new Date(`${day}T06:00:00Z`); // 09:00 Riyadh
const after = (start: Date, days: number) => new Date(start.getTime() + days * DAY_MS);

let db: Database;
let qaderId: string;
let alhilahId: string;
let seededVersionNumber: number;
const run = actionRunner(() => db.prisma);

/** A satisfied answer to every question of the association's post-service survey. */
async function addResponses(associationId: string, month: string, count: number, rating = "5") {
  const survey = (await postServiceSurvey(db.prisma, associationId))!;
  const { version } = await surveyWithVersion(db.prisma, associationId, survey.id);
  const value = (q: Question) =>
    q.type === "RATING" ? rating : q.type === "NPS" ? "10" : q.type === "SINGLE" ? q.options[0].key : q.type === "MULTIPLE" ? [q.options[0].key] : undefined;
  const answers = answersSchema(version!.content).parse(Object.fromEntries(version!.content.questions.map((q) => [answerField(q.key), value(q)])));
  await db.prisma.surveyResponse.createMany({
    data: Array.from({ length: count }, () => ({ associationId, surveyId: survey.id, versionId: version!.id, source: "PUBLIC_LINK" as const, channelKey: null, month, answers })),
  });
}

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qaderId = (await tenant(db.prisma, "qader")).id;
  alhilahId = (await tenant(db.prisma, "alhilah")).id;

  // Qader's version in force during 2025: published in June 2024 on a board decision, and
  // superseded by the seeded version (published when the seed ran, i.e. after 2025).
  const current = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: qaderId, status: "PUBLISHED" } });
  seededVersionNumber = current.number;
  const old = await db.prisma.policyVersion.create({
    data: {
      associationId: qaderId,
      policyId: current.policyId,
      number: 0,
      status: "SUPERSEDED",
      content: current.content!,
      contentHash: "0".repeat(64),
      approvedAt: at("2024-05-20"),
      publishedAt: at("2024-06-01"),
    },
  });
  await db.prisma.boardDecision.create({
    data: {
      associationId: qaderId,
      policyVersionId: old.id,
      outcome: "APPROVED",
      sessionNumber: 17,
      meetingDate: new Date("2024-05-20T00:00:00Z"),
      chairNameAr: "رئيس المجلس",
      chairNameEn: "The Chair",
      approvals: 5,
      rejections: 1,
      decidedAt: at("2024-05-20"),
    },
  });
  // One of the three attesting staff confirmed reading that version.
  const officer = await demoUser(db.prisma, "qader", "OFFICER");
  await db.prisma.policyAttestation.create({ data: { associationId: qaderId, policyVersionId: old.id, userId: officer.id, attestedAt: at("2024-06-03") } });

  // Qader, 2025: decided after 2, 4, 6 and 20 days (due after 14): 3 of 4 within, median 5.
  const q = (day: string, options: Omit<Parameters<typeof addRequest>[2], "submittedAt"> = {}) =>
    addRequest(db.prisma, qaderId, { submittedAt: at(day), policyVersionId: old.id, ...options });
  await q("2025-02-01", { status: "ACCEPTED", decidedAt: after(at("2025-02-01"), 2) });
  await q("2025-03-01", { status: "REJECTED", decidedAt: after(at("2025-03-01"), 4) });
  await q("2025-04-01", { channelKey: "WEBSITE", status: "DELIVERED", decidedAt: after(at("2025-04-01"), 6) });
  await q("2025-05-01", { channelKey: "WEBSITE", status: "ACCEPTED", decidedAt: after(at("2025-05-01"), 20) });
  await q("2025-12-31"); // undecided, on the year's last day in Riyadh
  await q("2024-12-31"); // the year before: not counted

  const complaint = (associationId: string, reference: string, kind: "COMPLAINT" | "SUGGESTION", status: "NEW" | "CLOSED", day: string, closedAfter?: number) =>
    db.prisma.complaint.create({
      data: { associationId, reference, kind, status, body: "نص", createdAt: at(day), closedAt: closedAfter === undefined ? null : after(at(day), closedAfter) },
    });
  await complaint(qaderId, "C-1446-0001", "COMPLAINT", "CLOSED", "2025-03-01", 3);
  await complaint(qaderId, "C-1446-0002", "COMPLAINT", "CLOSED", "2025-04-01", 5);
  await complaint(qaderId, "C-1446-0003", "SUGGESTION", "NEW", "2025-05-01");
  await addResponses(qaderId, "2025-03", 6);

  // Al-Hilah, same year: many rows, none of them Qader's.
  for (const day of ["2025-02-02", "2025-03-03", "2025-04-04"]) {
    await addRequest(db.prisma, alhilahId, { submittedAt: at(day), channelKey: "LETTER", status: "ACCEPTED", decidedAt: after(at(day), 30) });
  }
  await complaint(alhilahId, "C-1446-0001", "COMPLAINT", "NEW", "2025-03-01");
  await addResponses(alhilahId, "2025-03", 9, "1");
}, 60_000);
afterAll(() => db.close());

describe(`evidence pack (${engineName()})`, () => {
  it("assembles Qader's 2025 pack with known figures", async () => {
    const pack = await evidencePack(db.prisma, qaderId, YEAR_2025, NOW);
    expect(pack.year.period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(pack.association.slug).toBe("qader");
    expect(pack.urls?.ar).toMatch(/^https?:\/\/qader\./);

    expect(pack.policyVersions).toHaveLength(1);
    const [version] = pack.policyVersions;
    expect(version).toMatchObject({ number: 0, publishedAt: at("2024-06-01") });
    expect(version.supersededAt!.getTime()).toBeGreaterThan(new Date("2026-01-01").getTime());
    expect(version.decisions).toEqual([
      expect.objectContaining({ outcome: "APPROVED", sessionNumber: 17, chairNameEn: "The Chair", approvals: 5, rejections: 1 }),
    ]);

    expect(pack.requests.total).toBe(5);
    expect(pack.requests.byChannel.map((c) => [c.key, c.count])).toEqual([["PHONE", 3], ["WEBSITE", 2]]);
    expect(pack.requests).toMatchObject({ decided: 4, decidedWithin: 3, shareWithin: 0.75, medianDaysToDecision: 5 });
    expect(pack.deadline).toMatchObject({ amount: 1, unit: "MONTHS" });

    expect(pack.satisfaction).toMatchObject({ responses: 6, csat: 1, suppressed: false });

    expect(pack.complaints).toMatchObject({ total: 3, closed: 2, medianDaysToClose: 4 });
    expect(pack.complaints.shareClosed).toBeCloseTo(2 / 3);
    expect(pack.complaints.byKindStatus.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "COMPLAINT", status: "CLOSED", count: 2 },
      { kind: "SUGGESTION", status: "NEW", count: 1 },
    ]);

    expect(pack.attestation).toMatchObject({ versionNumber: 0, required: 3, attested: 1 });
    expect(pack.attestation.staff.filter((s) => s.attestedAt).map((s) => s.roles)).toEqual([["OFFICER"]]);
  });

  it("checks readiness from the year's data", async () => {
    const pack = await evidencePack(db.prisma, qaderId, YEAR_2025, NOW);
    const state = Object.fromEntries(pack.readiness.map((i) => [i.key, i.present]));
    const content = (await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: qaderId, number: 0 } })).content;
    expect(state).toEqual({
      approved: true,
      published: true,
      english: untranslatedTexts(content) === 0,
      publicUrl: true,
      channels: true,
      deadline: true,
      requests: true,
      adherence: true,
      survey: true,
      responses: true,
      complaints: true,
      attestation: false, // 1 of 3
      privacy: true,
    });
  });

  it("shows a year with nothing in it as missing, with no version in force", async () => {
    const pack = await evidencePack(db.prisma, qaderId, resolveEvidenceYear({ calendar: "gregorian", year: "2023" }), NOW);
    expect(pack.policyVersions).toEqual([]);
    expect(pack.attestation.versionNumber).toBeNull();
    const missing = pack.readiness.filter((i) => !i.present).map((i) => i.key);
    expect(missing).toEqual(["approved", "published", "english", "channels", "deadline", "requests", "adherence", "responses", "attestation"]);
  });

  it("lists both versions in the current Hijri year: the older one until the seeded one replaced it", async () => {
    const pack = await evidencePack(db.prisma, qaderId, resolveEvidenceYear({}), new Date());
    expect(pack.policyVersions.map((v) => v.number)).toEqual([0, seededVersionNumber]);
    expect(pack.policyVersions[0].supersededAt).toEqual(pack.policyVersions[1].publishedAt);
    expect(pack.policyVersions[1].supersededAt).toBeNull();
    // The seeded version speaks for the year: it was approved by the board.
    expect(pack.policyVersions[1].decisions.some((d) => d.outcome === "APPROVED")).toBe(true);
    expect(pack.attestation.versionNumber).toBe(seededVersionNumber);
    expect(pack.attestation.attested).toBe(0);
  });

  it("never shows Al-Hilah's rows in Qader's pack, nor Qader's in Al-Hilah's", async () => {
    const qader = await evidencePack(db.prisma, qaderId, YEAR_2025, NOW);
    expect(qader.requests.byChannel.some((c) => c.key === "LETTER")).toBe(false);
    expect(qader.satisfaction.responses).toBe(6);
    const alhilah = await evidencePack(db.prisma, alhilahId, YEAR_2025, NOW);
    expect(alhilah.association.slug).toBe("alhilah");
    expect(alhilah.policyVersions).toEqual([]); // its only version was published after 2025
    expect(alhilah.requests).toMatchObject({ total: 3, decided: 3, decidedWithin: 0, medianDaysToDecision: 30 });
    expect(alhilah.complaints.total).toBe(1);
    expect(alhilah.satisfaction).toMatchObject({ responses: 9, csat: 0 });
    expect(evidenceCsv(alhilah)).not.toMatch(/qader|رئيس المجلس|The Chair/);
  });

  it("exports the figures as CSV rows (section, item, value)", async () => {
    const pack = await evidencePack(db.prisma, qaderId, YEAR_2025, NOW);
    const csv = evidenceCsv(pack);
    expect(csv.startsWith("\uFEFFsection,item,value\r\n")).toBe(true);
    const rows = new Map(evidenceRows(pack).map(([section, item, value]) => [`${section}/${item}`, value]));
    expect(rows.get("year/calendar")).toBe("gregorian");
    expect(rows.get("year/year")).toBe("2025");
    expect(rows.get("policy/version_0.published_at")).toBe("2024-06-01");
    expect(rows.get("policy/version_0.decision_1.session")).toBe("17");
    expect(rows.get("policy/version_0.decision_1.votes_for")).toBe("5");
    expect(rows.get("policy/version_0.decision_1.votes_against")).toBe("1");
    expect(rows.get("requests/total")).toBe("5");
    expect(rows.get("requests/channel.PHONE")).toBe("3");
    expect(rows.get("deadline/share_within")).toBe("0.75");
    expect(rows.get("deadline/median_days_to_decision")).toBe("5");
    expect(rows.get("satisfaction/responses")).toBe("6");
    expect(rows.get("satisfaction/csat")).toBe("1");
    expect(rows.get("complaints/share_closed")).toBe("0.667");
    expect(rows.get("complaints/median_days_to_close")).toBe("4");
    expect(rows.get("attestation/attested")).toBe("1");
    expect(rows.get("attestation/required")).toBe("3");
    expect(rows.get("readiness/attestation")).toBe("missing");
    expect(rows.get("readiness/approved")).toBe("present");
    // No personal data: applicants' names, IDs and phones never reach the pack.
    expect(csv).not.toMatch(/مستفيد|\+966|X\d/);
  });
});

describe(`public figures (${engineName()})`, () => {
  it("shows nothing while the switch is off", async () => {
    expect(await publicFigures(db.prisma, qaderId, NOW)).toBeNull();
  });

  it("is switched on by an admin only, audited", async () => {
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    expect((await run("qader", officer, setPublicFigures, { publicFigures: "on" })).refused).toBe(true);
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    // An admin of Al-Hilah cannot switch Qader's figures on.
    const other = await demoUser(db.prisma, "alhilah", "ADMIN");
    expect((await run("qader", other, setPublicFigures, { publicFigures: "on" })).refused).toBe(true);
    const { state } = await run("qader", admin, setPublicFigures, { publicFigures: "on" });
    expect(state).toMatchObject({ ok: true, notice: "figures.settings.saved" });
    const association = await db.prisma.association.findUniqueOrThrow({ where: { id: qaderId }, select: { publicFigures: true } });
    expect(association.publicFigures).toBe(true);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: qaderId, action: "intake.public_figures_changed" } });
    expect(audit).toMatchObject({ summary: { before: { publicFigures: false }, after: { publicFigures: true } } });
    expect((await db.prisma.association.findUniqueOrThrow({ where: { id: alhilahId } })).publicFigures).toBe(false);
  });

  it("withholds each figure below five cases", async () => {
    // This Hijri year (from 16 June 2026): four decided (2, 4, 6, 8 days), four delivered, four responses.
    for (const [i, day] of ["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"].entries()) {
      await addRequest(db.prisma, qaderId, { submittedAt: at(day), status: "DELIVERED", decidedAt: after(at(day), 2 * (i + 1)) });
    }
    await db.prisma.supportRequest.updateMany({ where: { associationId: qaderId, status: "DELIVERED", submittedAt: { gte: at("2026-06-16") } }, data: { deliveredAt: at("2026-10-20") } });
    await addResponses(qaderId, "2026-10", 4, "4");
    expect(await publicFigures(db.prisma, qaderId, NOW)).toMatchObject({ medianDays: null, csat: null, served: null });
  });

  it("shows the figures from five cases, with the policy's deadline wording", async () => {
    await addRequest(db.prisma, qaderId, { submittedAt: at("2026-11-01"), status: "ACCEPTED", decidedAt: after(at("2026-11-01"), 10) });
    await addRequest(db.prisma, qaderId, { submittedAt: at("2026-11-02"), status: "DELIVERED", decidedAt: after(at("2026-11-02"), 1) });
    await db.prisma.supportRequest.updateMany({ where: { associationId: qaderId, submittedAt: at("2026-11-02") }, data: { deliveredAt: at("2026-11-20") } });
    await addResponses(qaderId, "2026-11", 1, "2");
    const figures = await publicFigures(db.prisma, qaderId, NOW);
    // Decided after 1, 2, 4, 6, 8 and 10 days: median 5. Delivered: 5. Satisfied: 4 of 5.
    expect(figures).toMatchObject({ medianDays: 5, served: 5, csat: 0.8 });
    expect(figures!.deadlineWording?.ar).toBeTruthy();
    // Al-Hilah keeps its switch off: nothing, whatever Qader shows.
    expect(await publicFigures(db.prisma, alhilahId, NOW)).toBeNull();
  });

  it("is switched off again", async () => {
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    const { state } = await run("qader", admin, setPublicFigures, {});
    expect(state.ok).toBe(true);
    expect(await publicFigures(db.prisma, qaderId, NOW)).toBeNull();
  });
});
