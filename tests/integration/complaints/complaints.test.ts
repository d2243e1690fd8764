/** @jest-environment node */
import "../fast-bcrypt";
import type { z } from "zod";
import { resolveAccess, runAction, type Scope, type Service } from "@/lib/auth/access";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { getComplaint, listComplaints } from "@/lib/complaints/queries";
import { complaintSchema, replySchema, statusSchema } from "@/lib/complaints/schema";
import { replyToComplaint, setComplaintStatus, submitComplaint } from "@/lib/complaints/service";
import { engineName, freshDatabase } from "../../helpers/db";
import { demoUser, hasMessage, seedWithAccounts, tenant, type Slug } from "../fixtures";

// Complaints and suggestions through the guard's core (permission → zod → service in a
// transaction → audit) on a real database, with the scopes the server actions use.

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const PUBLIC: Scope = { public: true };
const MANAGE: Scope = { permission: "complaints.manage" };
let ipCounter = 0;

type State = { ok?: boolean; error?: string; notice?: string; fieldErrors?: Record<string, string>; data?: Record<string, string> };

async function run<S extends z.ZodType>(
  slug: Slug,
  actor: SessionUser | null,
  scope: Scope,
  schema: S,
  service: Service<S>,
  raw: Record<string, unknown>,
  options: { locale?: "ar" | "en"; ip?: string } = {},
): Promise<{ refused: boolean; state: State }> {
  const site = { kind: "tenant" as const, tenant: await tenant(db.prisma, slug) };
  const access = await resolveAccess(db.prisma, site, actor, scope);
  if (!access) return { refused: true, state: {} };
  const request = { locale: options.locale ?? "ar", ip: options.ip ?? `198.51.100.${++ipCounter}` };
  const { state } = await runAction(db.prisma, access, request, schema, service, raw);
  for (const key of [state.error, state.notice, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) {
    expect({ key, inBothLanguages: hasMessage(key) }).toEqual({ key, inBothLanguages: true });
  }
  return { refused: false, state };
}

const submit = (slug: Slug, raw: Record<string, unknown>, options?: { locale?: "ar" | "en"; ip?: string }) =>
  run(slug, null, PUBLIC, complaintSchema, submitComplaint, raw, options);
const reply = (slug: Slug, actor: SessionUser, raw: Record<string, unknown>) => run(slug, actor, MANAGE, replySchema, replyToComplaint, raw);
const setStatus = (slug: Slug, actor: SessionUser, raw: Record<string, unknown>) => run(slug, actor, MANAGE, statusSchema, setComplaintStatus, raw);

const id = async (slug: Slug) => (await tenant(db.prisma, slug)).id;
const byReference = async (slug: Slug, reference: string) =>
  db.prisma.complaint.findUniqueOrThrow({ where: { associationId_reference: { associationId: await id(slug), reference } }, include: { replies: true } });
const snapshot = async () => ({
  complaints: await db.prisma.complaint.findMany({ orderBy: { id: "asc" } }),
  replies: await db.prisma.complaintReply.count(),
  outbox: await db.prisma.outboxMessage.count(),
  audit: await db.prisma.auditEvent.count(),
});
const BODY = "The queue at the branch was very long today.";

describe(`complaints (${engineName()})`, () => {
  it("accepts an anonymous suggestion with a C- reference, sending nothing", async () => {
    const outbox = await db.prisma.outboxMessage.count();
    const { state } = await submit("qader", { kind: "SUGGESTION", body: BODY, name: "", mobile: "", email: "", requestReference: "", website: "" });
    expect(state).toMatchObject({ ok: true, notice: "complaints.received" });
    expect(state.data?.reference).toMatch(/^C-\d{4}-\d{4}$/);
    const row = await byReference("qader", state.data!.reference);
    expect(row).toMatchObject({ kind: "SUGGESTION", status: "NEW", name: null, phone: null, email: null, body: BODY });
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
    expect(await db.prisma.auditEvent.count({ where: { action: "complaint.received", targetId: row.id } })).toBe(1);
  });

  it("stores a contact and the related request, and confirms by SMS", async () => {
    const { state } = await submit("qader", {
      kind: "COMPLAINT",
      body: BODY,
      name: "Sara",
      mobile: "٠٥٥ ١٢٣ ٤٥٦٧",
      email: "sara@example.org",
      requestReference: "١٤٤٨ - ٠٠٠٤٢",
    });
    expect(state.ok).toBe(true);
    const reference = state.data!.reference;
    const row = await byReference("qader", reference);
    expect(row).toMatchObject({ phone: "+966551234567", email: "sara@example.org", name: "Sara" });
    const detail = (await getComplaint(db.prisma, await id("qader"), reference))!;
    expect(detail).toMatchObject({ body: BODY, requestReference: "1448-00042" });
    const sms = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: "+966551234567", template: "complaintReceived" } });
    expect(sms.body).toContain(reference);
    // Two messages on the same association get consecutive numbers.
    const next = await submit("qader", { kind: "COMPLAINT", body: BODY });
    expect(Number(next.state.data!.reference.slice(-4))).toBe(Number(reference.slice(-4)) + 1);
  });

  it.each(["ar", "en"] as const)("rejects every invalid field with a localized error and writes nothing (%s)", async (locale) => {
    const before = await snapshot();
    const { state } = await submit(
      "qader",
      { kind: "OTHER", body: "short", name: "x".repeat(201), mobile: "12345", email: "not-an-email", requestReference: "abc" },
      { locale },
    );
    expect(state.fieldErrors).toEqual({
      kind: "validation.kindRequired",
      body: "validation.textTooShort",
      name: "validation.tooLong",
      mobile: "validation.phoneInvalid",
      email: "validation.emailInvalid",
      requestReference: "validation.referenceInvalid",
    });
    expect((await submit("qader", { kind: "COMPLAINT", body: "x".repeat(4001) })).state.fieldErrors).toEqual({ body: "validation.tooLong" });
    expect((await submit("qader", {})).state.fieldErrors).toEqual({ kind: "validation.kindRequired", body: "validation.required" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a form whose honeypot is filled, writing nothing", async () => {
    const before = await snapshot();
    const { state } = await submit("qader", { kind: "COMPLAINT", body: BODY, website: "http://spam.example" });
    expect(state.error).toBe("errors.SPAM_SUSPECTED");
    expect(await snapshot()).toEqual(before);
  });

  it("rate limits per IP", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i < 10; i++) expect((await submit("alhilah", { kind: "COMPLAINT", body: BODY }, { ip })).state.ok).toBe(true);
    expect((await submit("alhilah", { kind: "COMPLAINT", body: BODY }, { ip })).state.error).toBe("errors.RATE_LIMITED");
  });

  it("a reply notifies the sender only when they left a contact", async () => {
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    const anonymous = (await submit("qader", { kind: "COMPLAINT", body: BODY })).state.data!.reference;
    const reachable = (await submit("qader", { kind: "COMPLAINT", body: BODY, mobile: "0551110099", email: "reach@example.org" })).state.data!.reference;
    const anonymousRow = await byReference("qader", anonymous);
    const reachableRow = await byReference("qader", reachable);

    const outbox = await db.prisma.outboxMessage.count();
    expect((await reply("qader", officer, { complaintId: anonymousRow.id, body: "Thank you, we are looking into it." })).state).toMatchObject({ ok: true, notice: "complaints.replySaved" });
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
    const afterAnonymous = await byReference("qader", anonymous);
    expect(afterAnonymous.replies).toMatchObject([{ authorId: officer.id, notified: false, body: "Thank you, we are looking into it." }]);
    expect(afterAnonymous.status).toBe("IN_PROGRESS");

    expect((await reply("qader", officer, { complaintId: reachableRow.id, body: "We fixed the queue." })).state).toMatchObject({ ok: true, notice: "complaints.replySentNotified" });
    const sent = await db.prisma.outboxMessage.findMany({ where: { template: "complaintReply" }, orderBy: { channel: "asc" } });
    expect(sent.map((m) => [m.channel, m.recipient])).toEqual([["EMAIL", "reach@example.org"], ["SMS", "+966551110099"]]);
    expect(sent.every((m) => m.body!.includes("We fixed the queue.") && m.body!.includes(reachable))).toBe(true);
    expect((await byReference("qader", reachable)).replies).toMatchObject([{ notified: true }]);
    expect(await db.prisma.auditEvent.count({ where: { action: "complaint.replied", targetId: reachableRow.id, actorId: officer.id } })).toBe(1);

    const detail = (await getComplaint(db.prisma, await id("qader"), reachable))!;
    expect(detail.replies).toMatchObject([{ author: officer.name, notified: true }]);
    expect((await reply("qader", officer, { complaintId: reachableRow.id, body: "  " })).state.fieldErrors).toEqual({ body: "validation.required" });
  });

  it("changes status (closing records when), audited; only complaints.manage may", async () => {
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    const researcher = await demoUser(db.prisma, "qader", "RESEARCHER");
    const reference = (await submit("qader", { kind: "COMPLAINT", body: BODY })).state.data!.reference;
    const row = await byReference("qader", reference);
    expect((await setStatus("qader", researcher, { complaintId: row.id, status: "CLOSED" })).refused).toBe(true);

    expect((await setStatus("qader", admin, { complaintId: row.id, status: "CLOSED" })).state).toMatchObject({ ok: true, notice: "complaints.statusChanged" });
    const closed = await byReference("qader", reference);
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).not.toBeNull();
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "complaint.status_changed", targetId: row.id } });
    expect(audit.summary).toEqual({ before: { status: "NEW" }, after: { status: "CLOSED" } });

    await setStatus("qader", admin, { complaintId: row.id, status: "IN_PROGRESS" });
    expect(await byReference("qader", reference)).toMatchObject({ status: "IN_PROGRESS", closedAt: null });
    expect((await setStatus("qader", admin, { complaintId: row.id, status: "DONE" })).state.fieldErrors).toEqual({ status: "validation.invalid" });
  });

  it("lists newest first with counts per status, filtered, for this association only", async () => {
    const qader = await listComplaints(db.prisma, await id("qader"));
    const times = qader.items.map((c) => c.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(qader.items.every((c) => c.reference.startsWith("C-"))).toBe(true);
    const total = await db.prisma.complaint.count({ where: { associationId: await id("qader") } });
    expect(qader.counts.NEW + qader.counts.IN_PROGRESS + qader.counts.CLOSED).toBe(total);
    expect(qader.items).toHaveLength(total);
    const inProgress = await listComplaints(db.prisma, await id("qader"), "IN_PROGRESS");
    expect(inProgress.items.length).toBe(qader.counts.IN_PROGRESS);
    expect(inProgress.items.every((c) => c.status === "IN_PROGRESS")).toBe(true);
    // The related-request marker never shows as part of the text.
    expect(qader.items.some((c) => c.body.startsWith("REF:"))).toBe(false);
  });

  it("a Qader member cannot read, answer or change an Al-Hilah complaint", async () => {
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    const reference = (await submit("alhilah", { kind: "COMPLAINT", body: BODY, mobile: "0551110077" })).state.data!.reference;
    const target = await byReference("alhilah", reference);
    const before = await snapshot();

    expect(await getComplaint(db.prisma, await id("qader"), reference)).toBeNull();
    expect((await listComplaints(db.prisma, await id("qader"))).items.some((c) => c.id === target.id)).toBe(false);
    expect((await reply("qader", officer, { complaintId: target.id, body: "Not yours" })).state.error).toBe("errors.NOT_FOUND");
    expect((await setStatus("qader", officer, { complaintId: target.id, status: "CLOSED" })).state.error).toBe("errors.NOT_FOUND");
    // On Al-Hilah's own site a Qader member is no member at all.
    expect((await reply("alhilah", officer, { complaintId: target.id, body: "Not yours" })).refused).toBe(true);
    expect((await setStatus("alhilah", officer, { complaintId: target.id, status: "CLOSED" })).refused).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});
