/** @jest-environment node */
import "../fast-bcrypt";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { seedAssociation } from "@/lib/db/seed";
import * as policyActions from "@/lib/policy/actions";
import { policyRepository } from "@/lib/policy/repository";
import * as actions from "@/lib/requests/actions";
import { countsByStatus, getRequest, listRequests } from "@/lib/requests/queries";
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound, type ActionResult, type Bound } from "../actions";
import { demoUser, seedWithAccounts, tenant, type Slug } from "../fixtures";
import { createRequest } from "./handling-fixture";

// Staff handling requests, run as the app runs it: the real server actions (lib/requests/
// actions.ts) with the Next.js binding replaced by the guard's core, so every call goes
// permission check (resolveAccess) → zod → service in a transaction → audit, against a real
// database (PGlite, or PostgreSQL with DATABASE_URL).

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const A = {
  assign: bound(actions.assignAction),
  step: bound(actions.toggleStepAction),
  refer: bound(actions.referToResearchAction),
  note: bound(actions.researchNoteAction),
  send: bound(actions.sendToCommitteeAction),
  vote: bound(actions.committeeVoteAction),
  register: bound(actions.completeRegistrationAction),
  deliver: bound(actions.deliverServiceAction),
  attest: bound(policyActions.attestAction),
};

let db: Database;
const associationId = async (slug: string) => (await tenant(db.prisma, slug)).id;
const user = (slug: Slug, role: Role) => demoUser(db.prisma, slug, role);

type Result = ActionResult;
const run = actionRunner(() => db.prisma);

async function ok(slug: string, actor: SessionUser, action: Bound, raw: Record<string, unknown>) {
  const result = await run(slug, actor, action, raw);
  expect(result).toMatchObject({ refused: false, state: { ok: true } });
}

/** Everything a request action may change in one association. */
async function snapshot(slug: string) {
  const where = { associationId: await associationId(slug) };
  return {
    requests: await db.prisma.supportRequest.findMany({ where, orderBy: { id: "asc" } }),
    steps: await db.prisma.requestStep.findMany({ where, orderBy: [{ requestId: "asc" }, { position: "asc" }] }),
    events: await db.prisma.requestEvent.count({ where }),
    votes: await db.prisma.committeeVote.count({ where }),
    audit: await db.prisma.auditEvent.count({ where }),
    outbox: await db.prisma.outboxMessage.count({ where }),
  };
}

async function unchanged(slugs: string[], call: () => Promise<Result>): Promise<Result> {
  const before = await Promise.all(slugs.map(snapshot));
  const result = await call();
  expect(result.state.ok).toBeUndefined();
  expect(await Promise.all(slugs.map(snapshot))).toEqual(before);
  return result;
}

async function attestAll(slug: string, actors: SessionUser[]) {
  const published = await policyRepository(db.prisma).findPublished(await associationId(slug));
  for (const actor of actors) await ok(slug, actor, A.attest, { versionId: published!.id });
}

/** A member created for the test (demo accounts have one member per role). */
async function addMember(slug: string, email: string, roles: Role[]): Promise<SessionUser> {
  const created = await db.prisma.user.create({ data: { email, name: email.split("@")[0] }, select: { id: true, email: true, name: true, isOperator: true } });
  await db.prisma.membership.create({ data: { associationId: await associationId(slug), userId: created.id, roles } });
  return created;
}

const loadRequest = async (slug: string, id: string) =>
  db.prisma.supportRequest.findUniqueOrThrow({ where: { associationId_id: { associationId: await associationId(slug), id } } });
const eventTypes = async (slug: string, requestId: string) =>
  (await db.prisma.requestEvent.findMany({ where: { associationId: await associationId(slug), requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.type);

let officer: SessionUser, researcher: SessionUser, committee: SessionUser, committee2: SessionUser;

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  // Al-Hilah's committee has two members: a decision needs both (a majority of two).
  committee2 = await addMember("alhilah", "second.committee@alhilah.test", ["COMMITTEE"]);
  [officer, researcher, committee] = [await user("alhilah", "OFFICER"), await user("alhilah", "RESEARCHER"), await user("alhilah", "COMMITTEE")];
  await attestAll("alhilah", [officer, researcher, committee, committee2]);
  await attestAll("qader", [await user("qader", "OFFICER"), await user("qader", "RESEARCHER"), await user("qader", "COMMITTEE")]);
});
afterAll(() => db.close());

describe(`handling a request (${engineName()})`, () => {
  test("the full path: assign, checklist, research, committee majority, registration, delivery", async () => {
    const id = await associationId("alhilah");
    const request = await createRequest(db.prisma, id, { email: "applicant@example.com" });
    const requestId = request.id;

    await ok("alhilah", officer, A.assign, { requestId, assigneeId: officer.id });
    // Only an officer may be the assignee.
    expect((await run("alhilah", officer, A.assign, { requestId, assigneeId: researcher.id })).state.fieldErrors).toEqual({ assigneeId: "requests.errors.notOfficer" });

    await ok("alhilah", officer, A.step, { requestId, position: "0", done: "true" });
    let steps = await db.prisma.requestStep.findMany({ where: { associationId: id, requestId }, orderBy: { position: "asc" } });
    expect(steps[0]).toMatchObject({ doneById: officer.id });
    expect(steps[0].doneAt).toBeInstanceOf(Date);
    await ok("alhilah", officer, A.step, { requestId, position: "1", done: "true" });
    await ok("alhilah", officer, A.step, { requestId, position: "1", done: "false" });
    expect(await db.prisma.requestStep.findUnique({ where: { associationId_requestId_position: { associationId: id, requestId, position: 1 } } })).toMatchObject({ doneAt: null, doneById: null });
    expect((await run("alhilah", officer, A.step, { requestId, position: "99", done: "true" })).state.error).toBe("errors.NOT_FOUND");

    expect((await run("alhilah", officer, A.refer, { requestId, researcherId: committee.id })).state.fieldErrors).toEqual({ researcherId: "requests.errors.notResearcher" });
    await ok("alhilah", officer, A.refer, { requestId, researcherId: researcher.id });
    expect(await loadRequest("alhilah", requestId)).toMatchObject({ status: "IN_RESEARCH", researcherId: researcher.id });
    // The policy's "refer to the research officer" step is ticked by the referral itself.
    const referStep = await db.prisma.requestStep.findFirstOrThrow({ where: { associationId: id, requestId, key: "REFER_TO_RESEARCH_OFFICER" } });
    expect(referStep.doneById).toBe(officer.id);

    await ok("alhilah", researcher, A.note, { requestId, kind: "NOTE", text: "  الأسرة تحتاج دعمًا عاجلًا  " });
    expect((await run("alhilah", researcher, A.note, { requestId, kind: "FIELD_VISIT", text: "زيارة" })).state.fieldErrors).toEqual({ visitedOn: "validation.required" });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await run("alhilah", researcher, A.note, { requestId, kind: "FIELD_VISIT", text: "زيارة", visitedOn: tomorrow })).state.fieldErrors).toEqual({ visitedOn: "validation.dateInFuture" });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await ok("alhilah", researcher, A.note, { requestId, kind: "FIELD_VISIT", text: "زرت الأسرة في منزلها", visitedOn: yesterday });
    await ok("alhilah", researcher, A.send, { requestId });
    expect((await loadRequest("alhilah", requestId)).status).toBe("IN_COMMITTEE");
    // A note may still be added while the committee studies it.
    await ok("alhilah", researcher, A.note, { requestId, kind: "NOTE", text: "ملاحظة إضافية" });

    await ok("alhilah", committee, A.vote, { requestId, choice: "ACCEPT", reason: "مستحق" });
    expect((await loadRequest("alhilah", requestId)).status).toBe("IN_COMMITTEE"); // one of two is not a majority
    expect((await run("alhilah", committee, A.vote, { requestId, choice: "REJECT", reason: "تراجع" })).state.error).toBe("errors.ALREADY_VOTED");
    const outboxBefore = await db.prisma.outboxMessage.count({ where: { associationId: id } });
    await ok("alhilah", committee2, A.vote, { requestId, choice: "ACCEPT" });
    const decided = await loadRequest("alhilah", requestId);
    expect(decided).toMatchObject({ status: "ACCEPTED", decision: "ACCEPT", decisionReason: "مستحق" });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    expect((await db.prisma.requestStep.findFirstOrThrow({ where: { associationId: id, requestId, key: "COMMITTEE_REVIEW" } })).doneById).toBe(committee2.id);
    const messages = await db.prisma.outboxMessage.findMany({ where: { associationId: id }, orderBy: { createdAt: "asc" }, skip: outboxBefore });
    expect(messages.map((m) => [m.channel, m.template, m.recipient]).sort()).toEqual([
      ["EMAIL", "requestDecided", "applicant@example.com"],
      ["SMS", "requestDecided", request.phone],
    ]);
    expect(messages.find((m) => m.channel === "SMS")!.body).toContain("alhilah.localhost:3000/track");
    expect(messages.find((m) => m.channel === "SMS")!.body).toContain(request.reference);

    // A vote after the decision is refused.
    const third = await addMember("alhilah", "third.committee@alhilah.test", ["COMMITTEE"]);
    await attestAll("alhilah", [third]);
    expect((await run("alhilah", third, A.vote, { requestId, choice: "REJECT", reason: "x" })).state.error).toBe("errors.REQUEST_WRONG_STATE");
    await db.prisma.membership.delete({ where: { associationId_userId: { associationId: id, userId: third.id } } });

    await ok("alhilah", officer, A.register, { requestId });
    expect(await loadRequest("alhilah", requestId)).toMatchObject({ status: "REGISTERED" });
    const deliveredResult = await run("alhilah", officer, A.deliver, { requestId });
    expect(deliveredResult.state).toMatchObject({ ok: true, notice: "requests.notices.deliveredInvited" });
    const delivered = await loadRequest("alhilah", requestId);
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
    // After service, one invitation to the post-service survey, sent to the applicant's mobile.
    await expect(db.prisma.surveyInvitation.count({ where: { associationId: id, requestId } })).resolves.toBe(1);
    const invitations = await db.prisma.outboxMessage.findMany({ where: { associationId: id, recipient: delivered.phone, template: "surveyInvitation" } });
    expect(invitations).toHaveLength(1);
    expect(invitations[0].body).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);
    steps = await db.prisma.requestStep.findMany({ where: { associationId: id, requestId }, orderBy: { position: "asc" } });
    for (const key of ["COMPLETE_REGISTRATION", "DELIVER_SERVICE"]) expect(steps.find((s) => s.key === key)!.doneById).toBe(officer.id);

    expect(await eventTypes("alhilah", requestId)).toEqual([
      "SUBMITTED",
      "ASSIGNED",
      "STEP_DONE",
      "STEP_DONE",
      "STEP_UNDONE",
      "REFERRED_TO_RESEARCH",
      "RESEARCH_NOTE",
      "FIELD_VISIT",
      "SENT_TO_COMMITTEE",
      "RESEARCH_NOTE",
      "COMMITTEE_VOTE",
      "COMMITTEE_VOTE",
      "DECIDED",
      "REGISTERED",
      "DELIVERED",
      "SURVEY_INVITED",
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { associationId: id, targetId: requestId }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["requests.assigned", "requests.referred", "requests.decided", "requests.delivered"]));

    // The page's read: names, the governing version, the trimmed note, the votes.
    const detail = (await getRequest(db.prisma, id, request.reference))!;
    expect(detail).toMatchObject({ policyVersionNumber: 1, assigneeName: officer.name, researcherName: researcher.name, status: "DELIVERED" });
    expect(detail.votes.map((v) => [v.name, v.choice])).toEqual([[committee.name, "ACCEPT"], [committee2.name, "ACCEPT"]]);
    expect(detail.events.find((e) => e.type === "RESEARCH_NOTE")).toMatchObject({ actorName: researcher.name, data: { text: "الأسرة تحتاج دعمًا عاجلًا" } });
    expect(detail.steps[0].doneByName).toBe(officer.name);
  });

  test("rejection needs a reason; the reasons of the majority become the decision's", async () => {
    const id = await associationId("alhilah");
    const { id: requestId } = await createRequest(db.prisma, id);
    await ok("alhilah", officer, A.send, { requestId }); // straight from intake to the committee
    expect((await run("alhilah", committee, A.vote, { requestId, choice: "REJECT", reason: "   " })).state.fieldErrors).toEqual({ reason: "validation.reasonRequired" });
    expect((await run("alhilah", committee, A.vote, { requestId, choice: "MAYBE" })).state.fieldErrors).toEqual({ choice: "validation.choiceRequired" });
    await ok("alhilah", committee, A.vote, { requestId, choice: "REJECT", reason: "الدخل يتجاوز الحد" });
    await ok("alhilah", committee2, A.vote, { requestId, choice: "REJECT", reason: "لا تنطبق الشروط" });
    expect(await loadRequest("alhilah", requestId)).toMatchObject({ status: "REJECTED", decision: "REJECT", decisionReason: "الدخل يتجاوز الحد\nلا تنطبق الشروط" });
    const decidedEvent = await db.prisma.requestEvent.findFirstOrThrow({ where: { associationId: id, requestId, type: "DECIDED" } });
    expect(decidedEvent.data).toEqual({ decision: "REJECT", reason: "الدخل يتجاوز الحد\nلا تنطبق الشروط" });
    // Nothing moves a rejected request on.
    for (const action of [A.register, A.deliver, A.send]) {
      expect((await unchanged(["alhilah"], () => run("alhilah", officer, action, { requestId }))).state.error).toBe("errors.REQUEST_WRONG_STATE");
    }
  });

  test("moves from the wrong status are refused and change nothing", async () => {
    const { id: requestId } = await createRequest(db.prisma, await associationId("alhilah"));
    const refused = async (actor: SessionUser, action: Bound, raw: Record<string, unknown>) =>
      expect((await unchanged(["alhilah"], () => run("alhilah", actor, action, { requestId, ...raw }))).state.error).toBe("errors.REQUEST_WRONG_STATE");
    await refused(officer, A.register, {});
    await refused(officer, A.deliver, {});
    await refused(researcher, A.note, { kind: "NOTE", text: "قبل الإحالة" });
    await refused(committee, A.vote, { choice: "ACCEPT" });
    await ok("alhilah", officer, A.refer, { requestId, researcherId: researcher.id });
    await refused(officer, A.refer, { researcherId: researcher.id });
    await ok("alhilah", researcher, A.send, { requestId });
    await refused(officer, A.refer, { researcherId: researcher.id });
    await refused(officer, A.register, {});
  });

  test("each action needs its role: others get the 404 of the guard or the service", async () => {
    const { id: requestId } = await createRequest(db.prisma, await associationId("alhilah"));
    const [admin, board] = [await user("alhilah", "ADMIN"), await user("alhilah", "BOARD")];
    for (const [actor, action] of [
      [researcher, A.assign],
      [committee, A.step],
      [committee, A.refer],
      [officer, A.note],
      [officer, A.vote],
      [researcher, A.vote],
      [committee, A.register],
      [researcher, A.deliver],
      [board, A.send],
    ] as const) {
      expect((await unchanged(["alhilah"], () => run("alhilah", actor, action, { requestId, choice: "ACCEPT", kind: "NOTE", text: "x", researcherId: researcher.id, assigneeId: officer.id, position: "0", done: "true" }))).refused).toBe(true);
    }
    // Admins see requests but neither handle nor research them.
    expect((await unchanged(["alhilah"], () => run("alhilah", admin, A.send, { requestId }))).state.error).toBe("errors.NOT_FOUND");
    // Bad ids never reach the service.
    expect((await run("alhilah", officer, A.send, { requestId: "not-a-uuid" })).state.fieldErrors).toEqual({ requestId: "validation.invalid" });
  });

  test("a member who has not attested the published policy is refused", async () => {
    const newcomer = await addMember("alhilah", "new.officer@alhilah.test", ["OFFICER"]);
    const { id: requestId } = await createRequest(db.prisma, await associationId("alhilah"));
    expect((await unchanged(["alhilah"], () => run("alhilah", newcomer, A.assign, { requestId, assigneeId: officer.id }))).state.error).toBe("errors.NOT_ATTESTED");
    expect((await unchanged(["alhilah"], () => run("alhilah", newcomer, A.step, { requestId, position: "0", done: "true" }))).state.error).toBe("errors.NOT_ATTESTED");
    await attestAll("alhilah", [newcomer]);
    await ok("alhilah", newcomer, A.assign, { requestId, assigneeId: newcomer.id });
  });

  test("a Qader member cannot touch an Al-Hilah request by its id, nor list or read it", async () => {
    const alhilahId = await associationId("alhilah");
    const qaderId = await associationId("qader");
    const target = await createRequest(db.prisma, alhilahId, { name: "Hidden Applicant", idNumber: "1999999999" });
    await ok("alhilah", officer, A.refer, { requestId: target.id, researcherId: researcher.id });
    await ok("alhilah", researcher, A.send, { requestId: target.id });
    const [qOfficer, qResearcher, qCommittee] = [await user("qader", "OFFICER"), await user("qader", "RESEARCHER"), await user("qader", "COMMITTEE")];
    const requestId = target.id;
    for (const [actor, action, raw] of [
      [qOfficer, A.assign, { assigneeId: qOfficer.id }],
      [qOfficer, A.step, { position: "0", done: "true" }],
      [qOfficer, A.refer, { researcherId: qResearcher.id }],
      [qResearcher, A.note, { kind: "NOTE", text: "x" }],
      [qResearcher, A.send, {}],
      [qCommittee, A.vote, { choice: "ACCEPT" }],
      [qOfficer, A.register, {}],
      [qOfficer, A.deliver, {}],
    ] as const) {
      expect((await unchanged(["alhilah", "qader"], () => run("qader", actor, action, { requestId, ...raw }))).state.error).toBe("errors.NOT_FOUND");
    }
    // An Al-Hilah officer used as the assignee on Qader's own request is not a Qader officer.
    const own = await createRequest(db.prisma, qaderId);
    expect((await run("qader", qOfficer, A.assign, { requestId: own.id, assigneeId: officer.id })).state.fieldErrors).toEqual({ assigneeId: "requests.errors.notOfficer" });

    const { rows } = await listRequests(db.prisma, qaderId, { take: 100 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(target.id);
    expect((await listRequests(db.prisma, qaderId, { q: "Hidden" })).rows).toEqual([]);
    expect((await listRequests(db.prisma, qaderId, { q: "1999999999" })).rows).toEqual([]);
    const sameReference = await getRequest(db.prisma, qaderId, target.reference);
    if (sameReference) expect(sameReference.associationId).toBe(qaderId); // references are per association
    const counts = await countsByStatus(db.prisma, qaderId);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(await db.prisma.supportRequest.count({ where: { associationId: qaderId } }));
  });

  test("the timeline and the votes are append-only", async () => {
    const id = await associationId("alhilah");
    const event = await db.prisma.requestEvent.findFirstOrThrow({ where: { associationId: id } });
    const vote = await db.prisma.committeeVote.findFirstOrThrow({ where: { associationId: id } });
    await expect(db.prisma.requestEvent.update({ where: { associationId_id: { associationId: id, id: event.id } }, data: { type: "TAMPERED" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.requestEvent.deleteMany({ where: { associationId: id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.committeeVote.update({ where: { associationId_id: { associationId: id, id: vote.id } }, data: { choice: "REJECT" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.committeeVote.deleteMany({ where: { associationId: id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "CommitteeVote"`)).rejects.toThrow(/append-only/);
  });
});

describe(`the request list (${engineName()})`, () => {
  let listId: string;
  const now = new Date();
  const day = 86_400_000;
  const at = (days: number) => new Date(now.getTime() + days * day);

  beforeAll(async () => {
    const base = SEED_ASSOCIATIONS.find((a) => a.slug === "qader")!;
    listId = (await seedAssociation(db.prisma, { ...base, slug: "listing", name: { ar: "جمعية القوائم", en: "Listing" } })).id;
    const sameDue = at(20);
    // 23 requests: 5 share one due date (the id breaks the tie), 3 overdue, 2 due soon.
    for (let i = 0; i < 5; i++) await createRequest(db.prisma, listId, { dueAt: sameDue });
    for (let i = 0; i < 10; i++) await createRequest(db.prisma, listId, { dueAt: at(5 + i) });
    for (let i = 0; i < 3; i++) await createRequest(db.prisma, listId, { dueAt: at(-1 - i) });
    await createRequest(db.prisma, listId, { dueAt: at(-5), status: "ACCEPTED" }); // decided: not overdue
    await createRequest(db.prisma, listId, { dueAt: at(1), channelKey: "PHONE" });
    await createRequest(db.prisma, listId, { dueAt: at(2), status: "IN_COMMITTEE" });
    await createRequest(db.prisma, listId, { name: "Sara Al-Qahtani", idType: "IQAMA", idNumber: "2123456789", phone: "+966551234567", dueAt: at(30), status: "IN_RESEARCH" });
    await createRequest(db.prisma, listId, { name: "عبدالله الشمري", dueAt: at(31), channelKey: "PHONE" });
  });

  const list = (filters: Parameters<typeof listRequests>[2]) => listRequests(db.prisma, listId, filters, now);

  test("pages by due date then id, with no duplicates or gaps", async () => {
    const all = await list({ take: 100 });
    expect(all.rows).toHaveLength(23);
    expect(all.nextCursor).toBeNull();
    const sorted = [...all.rows].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(all.rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await list({ take: 4, cursor });
      seen.push(...result.rows.map((r) => r.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
    // A cursor that is not ours is ignored rather than failing the page.
    expect((await list({ take: 100, cursor: "garbage" })).rows).toHaveLength(23);
  });

  test("filters by status, channel, overdue, due soon and assignee; counts per status", async () => {
    expect((await list({ status: "IN_COMMITTEE" })).rows).toHaveLength(1);
    expect((await list({ channelKey: "PHONE" })).rows).toHaveLength(2);
    const overdue = (await list({ overdue: true })).rows;
    expect(overdue).toHaveLength(3);
    expect(overdue.every((r) => r.dueAt < now && r.status === "RECEIVED")).toBe(true);
    expect((await list({ dueSoon: true })).rows.map((r) => r.status).sort()).toEqual(["IN_COMMITTEE", "RECEIVED"]);
    expect((await list({ dueSoon: true, channelKey: "PHONE" })).rows).toHaveLength(1);
    const someone = await user("qader", "OFFICER");
    const first = (await list({ take: 1 })).rows[0];
    await db.prisma.supportRequest.update({ where: { associationId_id: { associationId: listId, id: first.id } }, data: { assigneeId: someone.id } });
    expect((await list({ assigneeId: someone.id })).rows.map((r) => r.id)).toEqual([first.id]);
    expect(await countsByStatus(db.prisma, listId)).toEqual({
      RECEIVED: 20,
      IN_RESEARCH: 1,
      IN_COMMITTEE: 1,
      ACCEPTED: 1,
      REJECTED: 0,
      REGISTERED: 0,
      DELIVERED: 0,
    });
  });

  test("searches by reference, name, ID number and mobile however typed", async () => {
    const sara = (await list({ q: "sara" })).rows;
    expect(sara.map((r) => r.applicantName)).toEqual(["Sara Al-Qahtani"]);
    expect((await list({ q: "الشمري" })).rows).toHaveLength(1);
    expect((await list({ q: "2123456789" })).rows.map((r) => r.id)).toEqual([sara[0].id]);
    expect((await list({ q: "٢١٢٣٤٥٦٧٨٩" })).rows.map((r) => r.id)).toEqual([sara[0].id]); // Arabic-Indic digits
    for (const phone of ["0551234567", "+966 55 123 4567", "00966551234567", "٠٥٥١٢٣٤٥٦٧", "1234567"]) {
      expect({ phone, ids: (await list({ q: phone })).rows.map((r) => r.id) }).toEqual({ phone, ids: [sara[0].id] });
    }
    const reference = (await db.prisma.supportRequest.findUniqueOrThrow({ where: { associationId_id: { associationId: listId, id: sara[0].id } } })).reference;
    expect((await list({ q: reference })).rows.map((r) => r.id)).toEqual([sara[0].id]);
    const arabicDigits = reference.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]);
    expect((await list({ q: ` ${arabicDigits} ` })).rows.map((r) => r.id)).toEqual([sara[0].id]);
    expect((await list({ q: "nobody-like-this" })).rows).toEqual([]);
  });
});
