/** @jest-environment node */
import "../fast-bcrypt";
import type { Database } from "@/lib/db/client";
import { runAction } from "@/lib/auth/access";
import { seedDemoRequests } from "@/lib/db/seed-requests";
import { seedDemoSurveys } from "@/lib/db/seed-surveys";
import * as actions from "@/lib/pdpl/actions";
import { ERASED } from "@/lib/pdpl/erase";
import { eraseSchema } from "@/lib/pdpl/schema";
import { eraseSubject } from "@/lib/pdpl/service";
import { exportForEntry } from "@/lib/pdpl/export";
import { runRetention } from "@/lib/pdpl/retention";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound } from "../actions";
import { appError, demoUser, seedWithAccounts, tenant, type Slug } from "../fixtures";

// PDPL tools through the guard's core (permission → zod → service in a transaction → audit) on a
// real database: the data-request log, the export, erasure by anonymisation, the retention rule,
// and isolation between the two seeded associations.

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const A = {
  log: bound(actions.logDataRequestAction),
  close: bound(actions.closeDataRequestAction),
  erase: bound(actions.eraseSubjectAction),
  retention: bound(actions.setRetentionAction),
};

let db: Database;
const run = actionRunner(() => db.prisma);
const idOf = async (slug: Slug) => (await tenant(db.prisma, slug)).id;
const admin = (slug: Slug) => demoUser(db.prisma, slug, "ADMIN");
const DAY_MS = 24 * 60 * 60 * 1000;
const TODAY = new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString().slice(0, 10); // Riyadh

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  // The demo requests in every stage (one rejected, one delivered…) and walk-in survey answers.
  await seedDemoRequests(db.prisma, ["qader", "alhilah"]);
  await seedDemoSurveys(db.prisma, ["qader"]);
});
afterAll(() => db.close());

/** Qader's seeded rejected request, with the things erasure must reach added around it. */
async function rejectedRequest() {
  const associationId = await idOf("qader");
  return db.prisma.supportRequest.findFirstOrThrow({ where: { associationId, status: "REJECTED" } });
}

async function logEntry(slug: Slug, raw: Record<string, unknown>) {
  const { state } = await run(slug, await admin(slug), A.log, { kind: "ERASURE", receivedOn: TODAY, ...raw });
  expect(state).toMatchObject({ ok: true, notice: "privacy.log.logged" });
  return db.prisma.dataSubjectRequest.findUniqueOrThrow({ where: { associationId_id: { associationId: await idOf(slug), id: state.data!.id } } });
}

describe(`PDPL tools (${engineName()})`, () => {
  let entryId: string;
  let requestId: string;
  let complaintId: string;

  beforeAll(async () => {
    const request = await rejectedRequest();
    requestId = request.id;
    const associationId = request.associationId;
    await db.prisma.trackingCode.create({ data: { associationId, requestId, codeHash: "a".repeat(64), expiresAt: new Date(Date.now() + 600_000) } });
    const response = await db.prisma.surveyResponse.findFirstOrThrow({ where: { associationId } });
    await db.prisma.surveyResponseLink.create({ data: { associationId, responseId: response.id, requestId } });
    const complaint = await db.prisma.complaint.create({
      data: { associationId, reference: "C-1448-0900", kind: "COMPLAINT", name: request.applicantName, phone: request.phone, body: "My request was rejected without a visit." },
    });
    complaintId = complaint.id;
    await db.prisma.outboxMessage.create({ data: { associationId, channel: "SMS", recipient: request.phone, template: "requestReceived", body: `Dear ${request.applicantName}` } });
  });

  it("is for admins only: an officer is refused", async () => {
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    expect((await run("qader", officer, A.log, { kind: "ACCESS", receivedOn: TODAY, idNumber: "1000000008" })).refused).toBe(true);
  });

  it("refuses a log entry that names nobody, or a date in the future, with localized keys", async () => {
    const actor = await admin("qader");
    const before = await db.prisma.dataSubjectRequest.count();
    expect((await run("qader", actor, A.log, { kind: "ACCESS", receivedOn: TODAY, idNumber: "", mobile: "", reference: "" })).state.fieldErrors).toEqual({ idNumber: "validation.subjectRequired" });
    const future = new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10);
    expect((await run("qader", actor, A.log, { kind: "ACCESS", receivedOn: future, mobile: "0551234567" })).state.fieldErrors).toEqual({ receivedOn: "validation.receivedInFuture" });
    expect((await run("qader", actor, A.log, { kind: "NOPE", receivedOn: TODAY, mobile: "12" })).state.fieldErrors).toMatchObject({ kind: "validation.dataKindRequired", mobile: "validation.phoneInvalid" });
    expect(await db.prisma.dataSubjectRequest.count()).toBe(before);
  });

  it("logs a request by reference, due 30 days after receipt", async () => {
    const request = await rejectedRequest();
    const entry = await logEntry("qader", { reference: request.reference, subjectName: request.applicantName, receivedOn: "2026-11-01" });
    entryId = entry.id;
    expect(entry).toMatchObject({ kind: "ERASURE", status: "OPEN", subjectReference: request.reference });
    expect(entry.dueOn.toISOString().slice(0, 10)).toBe("2026-12-01");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pdpl.logged", targetId: entry.id } });
    expect(JSON.stringify(audit.summary)).not.toContain(request.applicantName);
  });

  it("exports everything held about the person, never a tracking code's hash, and audits it by ids", async () => {
    const request = await rejectedRequest();
    const actor = await admin("qader");
    const { data, found } = await exportForEntry(db.prisma, request.associationId, entryId, { actorId: actor.id, ip: null, format: "json" });
    expect(found.requestIds).toEqual([request.id]);
    expect(found.complaintIds).toEqual([complaintId]);
    const [held] = data.requests;
    expect(held).toMatchObject({ reference: request.reference, applicantName: request.applicantName, idNumber: request.idNumber, trackingCodes: { count: 1 } });
    expect(held.consents.privacyNoticeVersion).toBe(request.privacyNoticeVersion);
    expect(held.consents.privacyNoticeDate).toBeInstanceOf(Date);
    expect(held.events.map((e) => e.type)).toEqual(expect.arrayContaining(["SUBMITTED", "RESEARCH_NOTE", "DECIDED"]));
    expect(held.surveyResponses).toHaveLength(1);
    expect(data.complaints.map((c) => c.reference)).toEqual(["C-1448-0900"]);
    expect(data.messages.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain("a".repeat(64));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pdpl.export", targetId: entryId } });
    const summary = JSON.stringify(audit.summary);
    for (const personal of [request.applicantName, request.idNumber, request.phone]) expect(summary).not.toContain(personal);
    expect(summary).toContain(request.id);
  });

  it("keeps associations apart: Al-Hilah's admin gets NOT_FOUND for Qader's entry and finds nothing by Qader's ID", async () => {
    const other = await admin("alhilah");
    const alhilahId = await idOf("alhilah");
    expect(await appError(exportForEntry(db.prisma, alhilahId, entryId, { actorId: other.id, ip: null, format: "page" }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await run("alhilah", other, A.erase, { id: entryId, confirm: "on" })).state.error).toBe("errors.NOT_FOUND");
    expect((await run("alhilah", other, A.close, { id: entryId, status: "DONE" })).state.error).toBe("errors.NOT_FOUND");
    // Qader's admin is not a member of Al-Hilah: the guard refuses before any service runs.
    expect((await run("alhilah", await admin("qader"), A.erase, { id: entryId, confirm: "on" })).refused).toBe(true);
    const qaderRequest = await rejectedRequest();
    const theirs = await logEntry("alhilah", { kind: "ACCESS", idNumber: qaderRequest.idNumber });
    const { data } = await exportForEntry(db.prisma, alhilahId, theirs.id, { actorId: other.id, ip: null, format: "page" });
    expect(data).toMatchObject({ requests: [], complaints: [] });
    expect((await db.prisma.dataSubjectRequest.findUniqueOrThrow({ where: { associationId_id: { associationId: qaderRequest.associationId, id: entryId } } })).status).toBe("OPEN");
    expect(await db.prisma.supportRequest.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
  });

  it("refuses to erase while the person has a request in progress, and without the confirmation", async () => {
    const associationId = await idOf("qader");
    const open = await db.prisma.supportRequest.findFirstOrThrow({ where: { associationId, status: "RECEIVED" } });
    const entry = await logEntry("qader", { idNumber: open.idNumber });
    const actor = await admin("qader");
    expect((await run("qader", actor, A.erase, { id: entry.id, confirm: "on" })).state.error).toBe("errors.PDPL_OPEN_REQUESTS");
    expect((await run("qader", actor, A.erase, { id: entryId })).state.fieldErrors).toEqual({ confirm: "validation.confirmErase" });
    expect(await db.prisma.supportRequest.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
  });

  it("erases by anonymisation: personal fields and free text go, aggregates stay, links are deleted, one audit event", async () => {
    const before = await rejectedRequest();
    const associationId = before.associationId;
    const { state } = await run("qader", await admin("qader"), A.erase, { id: entryId, confirm: "on" });
    expect(state).toMatchObject({ ok: true, notice: "privacy.erase.done", data: { requests: "1", complaints: "1" } });

    const after = await db.prisma.supportRequest.findUniqueOrThrow({ where: { associationId_id: { associationId, id: requestId } } });
    expect(after).toMatchObject({ applicantName: ERASED, idNumber: ERASED, phone: ERASED, email: null, city: ERASED, description: ERASED, decisionReason: ERASED });
    expect(after.anonymisedAt).toBeInstanceOf(Date);
    // What the reports count is untouched.
    for (const key of ["status", "decision", "supportTypeKey", "channelKey", "householdSize", "submittedAt", "dueAt", "decidedAt", "privacyNoticeVersion"] as const) {
      expect(after[key]).toEqual(before[key]);
    }
    const events = await db.prisma.requestEvent.findMany({ where: { associationId, requestId } });
    for (const event of events) {
      const data = (event.data ?? {}) as { text?: string; reason?: string };
      if (data.text !== undefined) expect(data.text).toBe(ERASED);
      if (data.reason !== undefined) expect(data.reason).toBe(ERASED);
    }
    expect(events.some((e) => e.type === "RESEARCH_NOTE")).toBe(true);
    expect((await db.prisma.committeeVote.findMany({ where: { associationId, requestId } })).every((v) => v.reason === ERASED)).toBe(true);
    expect(await db.prisma.trackingCode.count({ where: { associationId, requestId } })).toBe(0);
    expect(await db.prisma.surveyResponseLink.count({ where: { associationId, requestId } })).toBe(0);
    expect(await db.prisma.surveyResponse.count({ where: { associationId } })).toBeGreaterThan(0); // scores stay
    expect(await db.prisma.complaint.findUniqueOrThrow({ where: { associationId_id: { associationId, id: complaintId } } })).toMatchObject({
      name: null,
      phone: null,
      body: ERASED,
    });
    expect(await db.prisma.outboxMessage.count({ where: { associationId, recipient: before.phone } })).toBe(0);

    const entry = await db.prisma.dataSubjectRequest.findUniqueOrThrow({ where: { associationId_id: { associationId, id: entryId } } });
    // The log keeps the request number, not the person.
    expect(entry).toMatchObject({ status: "DONE", subjectName: null, subjectIdNumber: null, subjectPhone: null, subjectReference: before.reference });
    const audits = await db.prisma.auditEvent.findMany({ where: { action: "pdpl.erase" } });
    expect(audits).toHaveLength(1);
    const summary = JSON.stringify(audits[0].summary);
    for (const personal of [before.applicantName, before.idNumber, before.phone]) expect(summary).not.toContain(personal);

    // Closed now: a second erasure is refused, and the export finds nothing left.
    expect((await run("qader", await admin("qader"), A.erase, { id: entryId, confirm: "on" })).state.error).toBe("errors.PDPL_ENTRY_CLOSED");
    const actor = await admin("qader");
    expect((await exportForEntry(db.prisma, associationId, entryId, { actorId: actor.id, ip: null, format: "page" })).data.requests).toEqual([]);
  });

  it("keeps the timeline append-only for requests that are not anonymised", async () => {
    const associationId = await idOf("qader");
    const event = await db.prisma.requestEvent.findFirstOrThrow({ where: { associationId, request: { anonymisedAt: null }, type: "RESEARCH_NOTE" } });
    await expect(db.prisma.requestEvent.update({ where: { associationId_id: { associationId, id: event.id } }, data: { data: { text: ERASED } } })).rejects.toThrow();
    // Even on an anonymised request, only the text may change, and nothing may be deleted.
    const erased = await db.prisma.requestEvent.findFirstOrThrow({ where: { associationId, requestId } });
    await expect(db.prisma.requestEvent.update({ where: { associationId_id: { associationId, id: erased.id } }, data: { type: "DELIVERED" } })).rejects.toThrow();
    await expect(db.prisma.requestEvent.delete({ where: { associationId_id: { associationId, id: erased.id } } })).rejects.toThrow();
  });

  it("closes a request as refused only with a reason", async () => {
    const entry = await logEntry("qader", { kind: "OBJECTION", mobile: "0551234567" });
    const actor = await admin("qader");
    expect((await run("qader", actor, A.close, { id: entry.id, status: "REFUSED", note: "" })).state.fieldErrors).toEqual({ note: "validation.reasonRequired" });
    expect((await run("qader", actor, A.close, { id: entry.id, status: "REFUSED", note: "Needed for an open legal case." })).state.ok).toBe(true);
    const closed = await db.prisma.dataSubjectRequest.findUniqueOrThrow({ where: { associationId_id: { associationId: entry.associationId, id: entry.id } } });
    expect(closed).toMatchObject({ status: "REFUSED", handledById: actor.id });
    expect(closed.closedAt).toBeInstanceOf(Date);
  });

  it("validates the retention rule (1..30 years, empty = off) and anonymises old closed requests once a day", async () => {
    const actor = await admin("qader");
    expect((await run("qader", actor, A.retention, { years: "0" })).state.fieldErrors).toEqual({ years: "validation.retentionYears" });
    expect((await run("qader", actor, A.retention, { years: "31" })).state.fieldErrors).toEqual({ years: "validation.retentionYears" });
    expect((await run("qader", actor, A.retention, { years: "" })).state.ok).toBe(true);
    expect((await db.prisma.association.findUniqueOrThrow({ where: { slug: "qader" } })).retentionYears).toBeNull();
    expect((await run("qader", actor, A.retention, { years: "٢" })).state.ok).toBe(true); // Arabic-Indic digits
    expect((await db.prisma.association.findUniqueOrThrow({ where: { slug: "qader" } })).retentionYears).toBe(2);

    const qaderId = await idOf("qader");
    const alhilahId = await idOf("alhilah");
    const now = new Date("2030-06-01T00:00:00Z");
    // Qader's delivered request closed three years before `now`; Al-Hilah's too, but it has no rule.
    for (const associationId of [qaderId, alhilahId]) {
      await db.prisma.supportRequest.updateMany({ where: { associationId, status: "DELIVERED" }, data: { deliveredAt: new Date("2027-01-01T00:00:00Z") } });
    }
    const first = await runRetention(db.prisma, now);
    expect(first).toEqual({ ran: true, associations: 1, anonymised: 1 });
    const delivered = await db.prisma.supportRequest.findFirstOrThrow({ where: { associationId: qaderId, status: "DELIVERED" } });
    expect(delivered).toMatchObject({ applicantName: ERASED, status: "DELIVERED" });
    expect(await db.prisma.supportRequest.count({ where: { associationId: alhilahId, anonymisedAt: { not: null } } })).toBe(0);
    // Open requests are never touched by the rule.
    expect(await db.prisma.supportRequest.count({ where: { associationId: qaderId, status: "RECEIVED", anonymisedAt: { not: null } } })).toBe(0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "pdpl.retention.run", associationId: qaderId } });
    expect(audit.summary).toMatchObject({ after: { years: 2, anonymised: 1 } });

    // Same day again: already claimed. Next day: runs, finds nothing new.
    expect(await runRetention(db.prisma, new Date(now.getTime() + 60_000))).toEqual({ ran: false, associations: 0, anonymised: 0 });
    expect(await runRetention(db.prisma, new Date(now.getTime() + DAY_MS))).toEqual({ ran: true, associations: 1, anonymised: 0 });
  });

  it("rolls the whole erasure back when anything fails after it started (one transaction)", async () => {
    const associationId = await idOf("alhilah");
    const request = await db.prisma.supportRequest.findFirstOrThrow({ where: { associationId, status: "REJECTED" } });
    const entry = await logEntry("alhilah", { kind: "ERASURE", reference: request.reference });
    const snapshot = async () => ({
      request: await db.prisma.supportRequest.findUniqueOrThrow({ where: { associationId_id: { associationId, id: request.id } } }),
      events: await db.prisma.requestEvent.findMany({ where: { associationId, requestId: request.id }, orderBy: { id: "asc" } }),
      audit: await db.prisma.auditEvent.count({ where: { associationId } }),
      entry: (await db.prisma.dataSubjectRequest.findUniqueOrThrow({ where: { associationId_id: { associationId, id: entry.id } } })).status,
    });
    const before = await snapshot();
    const access = { tenant: await tenant(db.prisma, "alhilah"), user: await admin("alhilah"), member: null };
    const member = { user: access.user, tenant: access.tenant, roles: ["ADMIN" as const], isChair: false, permissions: new Set<never>() };
    // The real erasure runs, then the transaction fails: nothing of it may remain.
    const failing: typeof eraseSubject = async (ctx, input) => {
      await eraseSubject(ctx, input);
      throw new Error("disk full");
    };
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
    const { state } = await runAction(db.prisma, { ...access, member }, { locale: "ar", ip: "203.0.113.9" }, eraseSchema, failing, { id: entry.id, confirm: "on" });
    quiet.mockRestore();
    expect(state.error).toBe("errors.UNEXPECTED");
    expect(await snapshot()).toEqual(before);
    expect(before.request.anonymisedAt).toBeNull();
  });
});
