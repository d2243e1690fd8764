/** @jest-environment node */
import "../fast-bcrypt";
import { resolveAccess } from "@/lib/auth/access";
import { ROLES } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { demoEmail, seedAssociation, seedDemoAccounts } from "@/lib/db/seed";
import { hijriToGregorian, toHijri } from "@/lib/i18n/dates";
import * as policyActions from "@/lib/policy/actions";
import { updateContactsAction } from "@/lib/associations/actions";
import { contentHash } from "@/lib/policy/hash";
import { policyRepository } from "@/lib/policy/repository";
import type { PolicyContent } from "@/lib/policy/schema";
import { getPublishedPolicy, verifyPolicyChain } from "@/lib/policy/service";
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound, type ActionResult, type Bound } from "../actions";
import { demoUser, hasMessage, seedWithAccounts, sessionUser, tenant, type Slug } from "../fixtures";

// The policy workflow run exactly as the app runs it: the real server actions (lib/policy/
// actions.ts, lib/associations/actions.ts) with the Next.js binding replaced by the guard's
// core, so every call goes permission check (resolveAccess) → zod → service in a transaction
// → audit, against a real database (PGlite, or PostgreSQL with DATABASE_URL).

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const A = {
  startDraft: bound(policyActions.startDraftAction),
  saveDraft: bound(policyActions.saveDraftAction),
  submit: bound(policyActions.submitDraftAction),
  withdraw: bound(policyActions.withdrawAction),
  vote: bound(policyActions.voteAction),
  decide: bound(policyActions.recordDecisionAction),
  publish: bound(policyActions.publishAction),
  attest: bound(policyActions.attestAction),
  setQuorum: bound(policyActions.setQuorumAction),
  contacts: bound(updateContactsAction),
};

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const seedPolicy = (slug: string) => SEED_ASSOCIATIONS.find((a) => a.slug === slug)!.policy;
const associationId = async (slug: string) => (await tenant(db.prisma, slug)).id;
const user = (slug: Slug, role: Role) => demoUser(db.prisma, slug, role);

type Result = ActionResult;
const run = actionRunner(() => db.prisma);

/** Everything a policy action may change in one association. */
async function snapshot(slug: string) {
  const id = await associationId(slug);
  const where = { associationId: id };
  return {
    versions: await db.prisma.policyVersion.findMany({
      where,
      orderBy: { number: "asc" },
      select: { id: true, number: true, status: true, content: true, contentHash: true, previousHash: true, round: true, updatedAt: true, approvedAt: true, publishedAt: true },
    }),
    votes: await db.prisma.boardVote.count({ where }),
    decisions: await db.prisma.boardDecision.count({ where }),
    attestations: await db.prisma.policyAttestation.count({ where }),
    audit: await db.prisma.auditEvent.count({ where }),
    outbox: await db.prisma.outboxMessage.count({ where }),
    association: await db.prisma.association.findUniqueOrThrow({
      where: { id },
      select: { boardQuorum: true, phone: true, email: true, website: true, xHandle: true, instagramHandle: true },
    }),
  };
}

/** Runs the action and checks that it changed nothing at all in the association. */
async function unchanged(slug: string, call: () => Promise<Result>): Promise<Result> {
  const before = await snapshot(slug);
  const result = await call();
  expect(result.state.ok).toBeUndefined();
  expect(await snapshot(slug)).toEqual(before);
  return result;
}

const versionOf = async (slug: string, number: number) =>
  db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: await associationId(slug), number } });

/** A meeting date some days ago, in the Hijri calendar (as the chair would enter it). */
const daysAgoHijri = (days: number) => toHijri(new Date(Date.now() - days * 86_400_000));
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const ymdIso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** A decision form as the chair submits it (strings, as FormData sends them). */
function decisionForm(versionId: string, attendeeIds: string[], date = daysAgoHijri(10), calendar = "HIJRI", sessionNumber = "9") {
  return { versionId, sessionNumber, calendar, year: String(date.year), month: String(date.month), day: String(date.day), attendeeIds };
}

async function addBoardMember(slug: string, email: string, name: string): Promise<SessionUser> {
  const created = await db.prisma.user.create({ data: { email, name }, select: { id: true, email: true, name: true, isOperator: true } });
  await db.prisma.membership.create({ data: { associationId: await associationId(slug), userId: created.id, roles: ["BOARD"] } });
  return created;
}

/** Another association, seeded like Qader (published version 1) with one demo account per role;
 * its BOARD account is the chair and the whole board. */
async function extraAssociation(slug: string) {
  const base = SEED_ASSOCIATIONS.find((a) => a.slug === "qader")!;
  const seeded = { ...base, slug, name: { ar: `جمعية ${slug}`, en: `Association ${slug}` } };
  const created = await seedAssociation(db.prisma, seeded);
  await seedDemoAccounts(db.prisma, [seeded]);
  return created.id;
}
const demo = (slug: string, role: Role) => sessionUser(db.prisma, demoEmail(slug, role));

/** A new version through the real workflow, up to approval (a board of one: the chair decides). */
async function approveNewVersion(slug: string, change: (content: PolicyContent) => void) {
  const [admin, chair] = [await demo(slug, "ADMIN"), await demo(slug, "BOARD")];
  expect((await run(slug, admin, A.startDraft)).state.ok).toBe(true);
  const draft = (await policyRepository(db.prisma).findOpen(await associationId(slug)))!;
  const content = structuredClone(draft.content as PolicyContent);
  change(content);
  expect((await run(slug, admin, A.saveDraft, { versionId: draft.id, content, baseUpdatedAt: draft.updatedAt.toISOString() })).state.ok).toBe(true);
  expect((await run(slug, admin, A.submit, { versionId: draft.id })).state.ok).toBe(true);
  expect((await run(slug, chair, A.vote, { versionId: draft.id, choice: "APPROVE" })).state.ok).toBe(true);
  expect((await run(slug, chair, A.decide, decisionForm(draft.id, [chair.id]))).state.ok).toBe(true);
  return { id: draft.id, content };
}

// ---------------------------------------------------------------------------------------------

describe(`who may run each policy action (${engineName()})`, () => {
  // The permission each action of lib/policy/actions.ts asks for, and so the roles it admits.
  const expected: [keyof typeof A, string, Role[]][] = [
    ["startDraft", "policy.edit", ["ADMIN"]],
    ["saveDraft", "policy.edit", ["ADMIN"]],
    ["setQuorum", "policy.edit", ["ADMIN"]],
    ["submit", "policy.submit", ["ADMIN"]],
    ["withdraw", "policy.submit", ["ADMIN"]],
    ["publish", "policy.submit", ["ADMIN"]],
    ["vote", "policy.vote", ["BOARD"]],
    ["decide", "policy.vote", ["BOARD"]],
    ["attest", "console.view", [...ROLES]],
    ["contacts", "policy.edit", ["ADMIN"]],
  ];

  it.each(expected)("%s asks for %s", (name, permission) => {
    expect(A[name].scope).toEqual({ permission });
  });

  it.each(expected.flatMap(([name, , roles]) => ROLES.map((role) => [name, role, roles.includes(role)] as const)))(
    "%s by Qader's %s: allowed = %s",
    async (name, role, allowed) => {
      const site = { kind: "tenant" as const, tenant: await tenant(db.prisma, "qader") };
      const access = await resolveAccess(db.prisma, site, await user("qader", role), A[name].scope);
      if (allowed) expect(access?.member?.roles).toEqual([role]);
      else expect(access).toBeNull();
    },
  );

  it.each(Object.keys(A) as (keyof typeof A)[])("%s is refused to every member of another association", async (name) => {
    for (const role of ROLES) {
      const stranger = await user("alhilah", role);
      expect((await unchanged("qader", () => run("qader", stranger, A[name]))).refused).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe(`the approval journey on Qader (${engineName()})`, () => {
  let admin: SessionUser;
  let chair: SessionUser;
  let board2: SessionUser;
  let board3: SessionUser;
  let alhilahBoard: SessionUser;
  let v1: { id: string; contentHash: string };
  let draftId: string;
  let edited: PolicyContent;

  beforeAll(async () => {
    admin = await user("qader", "ADMIN");
    chair = await user("qader", "BOARD");
    // A board of three: the majority needs two approvals.
    board2 = await addBoardMember("qader", "board2@qader.test", "عضو المجلس الثاني");
    board3 = await addBoardMember("qader", "board3@qader.test", "عضو المجلس الثالث");
    v1 = await versionOf("qader", 1);
    alhilahBoard = await user("alhilah", "BOARD");
  });

  it("starts from the seeded version 1, published, with the board of three", async () => {
    const version = await versionOf("qader", 1);
    expect(version.status).toBe("PUBLISHED");
    expect(version.contentHash).toBe(contentHash(seedPolicy("qader")));
    const memberships = await db.prisma.membership.findMany({ where: { associationId: await associationId("qader") } });
    const board = memberships.filter((m) => m.roles.includes("BOARD"));
    expect(board.map((b) => b.userId).sort()).toEqual([chair.id, board2.id, board3.id].sort());
    expect(board.filter((b) => b.isChair).map((b) => b.userId)).toEqual([chair.id]);
  });

  it("lets the admin start a draft copied from the published version, and only one", async () => {
    const { state } = await run("qader", admin, A.startDraft);
    expect(state.ok).toBe(true);
    const id = await associationId("qader");
    const draft = await policyRepository(db.prisma).findOpen(id);
    expect(draft).toMatchObject({ number: 2, status: "DRAFT", round: 0, contentHash: v1.contentHash, createdById: admin.id, previousHash: null });
    expect(draft!.content).toEqual(seedPolicy("qader"));
    draftId = draft!.id;
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: id, action: "policy.draft_started" } });
    expect(event).toMatchObject({ actorId: admin.id, targetId: draftId });

    const again = await unchanged("qader", () => run("qader", admin, A.startDraft));
    expect(again.state.error).toBe("errors.POLICY_DRAFT_EXISTS");
  });

  it("refuses to submit a draft that is the same as the published version", async () => {
    const { state } = await unchanged("qader", () => run("qader", admin, A.submit, { versionId: draftId }));
    expect(state.error).toBe("errors.POLICY_UNCHANGED");
  });

  it("refuses what a draft is not ready for: votes, a decision, publication, attestation, withdrawal", async () => {
    const locked = "errors.POLICY_VERSION_LOCKED";
    expect((await unchanged("qader", () => run("qader", chair, A.vote, { versionId: draftId, choice: "APPROVE" }))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", chair, A.decide, decisionForm(draftId, [chair.id])))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", admin, A.publish, { versionId: draftId }))).state.error).toBe(locked);
    expect((await unchanged("qader", async () => run("qader", await user("qader", "OFFICER"), A.attest, { versionId: draftId }))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", admin, A.withdraw, { versionId: draftId }))).state.error).toBe(locked);
  });

  describe("bad draft content changes nothing", () => {
    const save = async (content: unknown, base?: string) => {
      const draft = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
      return unchanged("qader", () => run("qader", admin, A.saveDraft, { versionId: draftId, content, baseUpdatedAt: base ?? draft.updatedAt.toISOString() }));
    };
    const content = () => structuredClone(seedPolicy("qader"));

    it("an empty Arabic title", async () => {
      const c = content();
      c.title.ar = "   ";
      expect((await save(c)).state.fieldErrors).toEqual({ "content.title.ar": "validation.required" });
    });

    it.each([
      [0, "validation.deadlineAmount"],
      [-3, "validation.deadlineAmount"],
      [10000, "validation.deadlineAmount"],
      [2.5, "validation.invalid"],
    ])("a deadline of %s", async (amount, message) => {
      const c = content();
      c.responseDeadline.amount = amount;
      expect((await save(c)).state.fieldErrors).toEqual({ "content.responseDeadline.amount": message });
    });

    it("duplicate channel keys", async () => {
      const c = content();
      c.channels.push({ key: "PHONE", label: { ar: "الهاتف مرة أخرى" } });
      expect((await save(c)).state.fieldErrors).toEqual({ "content.channels": "validation.duplicateKey" });
    });

    it("an unknown channel key, and no channel at all", async () => {
      const c = content();
      c.channels.push({ key: "FAX" as never, label: { ar: "فاكس" } });
      expect((await save(c)).state.fieldErrors).toEqual({ [`content.channels.${c.channels.length - 1}.key`]: "validation.unknownKey" });
      const d = content();
      d.channels = [];
      expect((await save(d)).state.fieldErrors).toEqual({ "content.channels": "validation.atLeastOne" });
    });

    it("content that is not a policy at all, and a version id that is not one", async () => {
      expect((await save("<script>")).state.fieldErrors).toEqual({ content: "validation.invalid" });
      const { state } = await unchanged("qader", () =>
        run("qader", admin, A.saveDraft, { versionId: "not-a-uuid", content: content(), baseUpdatedAt: new Date().toISOString() }),
      );
      expect(state.fieldErrors).toEqual({ versionId: "validation.invalid" });
    });

    it("a save over a copy older than the draft (someone else saved since)", async () => {
      const { state } = await save(content(), new Date(Date.now() - 60_000).toISOString());
      expect(state.error).toBe("errors.POLICY_DRAFT_CHANGED");
      expect((await save(content(), "yesterday")).state.fieldErrors).toEqual({ baseUpdatedAt: "validation.invalid" });
    });
  });

  it("saves the edited draft (deadline of 3 weeks, a new channel, a reworded step) and refuses a stale save", async () => {
    edited = structuredClone(seedPolicy("qader"));
    edited.responseDeadline = {
      amount: 3,
      unit: "WEEKS",
      calendar: "GREGORIAN",
      businessDays: false,
      wording: { ar: "خلال مدة لا تقل عن ثلاثة أسابيع", en: "within a period of not less than three weeks" },
    };
    expect(edited.channels.some((c) => c.key === "BRANCH_REPRESENTATIVE")).toBe(false);
    edited.channels.push({ key: "BRANCH_REPRESENTATIVE", label: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" } });
    const step = edited.procedure.steps.find((s) => s.key === "COMMITTEE_REVIEW")!;
    step.text.ar = step.text.ar.replace("شهر", "ثلاثة أسابيع");

    const auditBefore = await db.prisma.auditEvent.count();
    const loaded = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    const first = await run("qader", admin, A.saveDraft, { versionId: draftId, content: edited, baseUpdatedAt: loaded.updatedAt.toISOString() });
    expect(first.state.ok).toBe(true);
    const saved = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    expect(saved.status).toBe("DRAFT");
    expect(saved.content).toEqual(edited);
    expect(saved.contentHash).toBe(contentHash(edited));
    expect(first.state.data).toEqual({ updatedAt: saved.updatedAt.toISOString() });
    // Saving is not a transition: no audit event.
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore);

    // The editor still holding the first copy is refused…
    const stale = await unchanged("qader", () =>
      run("qader", admin, A.saveDraft, { versionId: draftId, content: seedPolicy("qader"), baseUpdatedAt: loaded.updatedAt.toISOString() }),
    );
    expect(stale.state.error).toBe("errors.POLICY_DRAFT_CHANGED");
    // …the one holding the saved copy goes on saving.
    const second = await run("qader", admin, A.saveDraft, { versionId: draftId, content: edited, baseUpdatedAt: first.state.data!.updatedAt });
    expect(second.state.ok).toBe(true);
    expect((await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } })).contentHash).toBe(contentHash(edited));
  });

  it("submits the draft: pending in round 1, one e-mail to each board member", async () => {
    const id = await associationId("qader");
    expect(await db.prisma.outboxMessage.count({ where: { template: "policySubmitted" } })).toBe(0);
    const { state } = await run("qader", admin, A.submit, { versionId: draftId });
    expect(state).toMatchObject({ ok: true, notice: "policy.notices.submitted" });

    const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    expect(version).toMatchObject({ status: "PENDING_APPROVAL", round: 1, contentHash: contentHash(edited) });
    expect(version.submittedAt).toBeInstanceOf(Date);

    const mails = await db.prisma.outboxMessage.findMany({ where: { template: "policySubmitted" } });
    expect(mails.map((m) => m.recipient).sort()).toEqual([chair.email, board2.email, board3.email].sort());
    expect(mails.every((m) => m.associationId === id && m.channel === "EMAIL" && m.status === "QUEUED")).toBe(true);
    expect(mails[0].body).toContain("/board");

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: id, action: "policy.submitted" } });
    expect(event).toMatchObject({ actorId: admin.id, targetId: draftId, ip: "203.0.113.9" });
    // The hash submitted is on record (under a key the audit's redaction of secrets leaves alone).
    expect(event.summary).toMatchObject({ after: { number: 2, round: 1, sha256: contentHash(edited) } });
  });

  it("refuses to submit twice, to edit a pending version, or to start another draft", async () => {
    const pending = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    expect((await unchanged("qader", () => run("qader", admin, A.submit, { versionId: draftId }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
    const save = await unchanged("qader", () =>
      run("qader", admin, A.saveDraft, { versionId: draftId, content: seedPolicy("qader"), baseUpdatedAt: pending.updatedAt.toISOString() }),
    );
    expect(save.state.error).toBe("errors.POLICY_VERSION_LOCKED");
    expect((await unchanged("qader", () => run("qader", admin, A.startDraft))).state.error).toBe("errors.POLICY_DRAFT_EXISTS");
    expect((await unchanged("qader", () => run("qader", admin, A.publish, { versionId: draftId }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
  });

  it("records a board member's approval, once", async () => {
    const { state } = await run("qader", board2, A.vote, { versionId: draftId, choice: "APPROVE", comment: "" });
    expect(state).toMatchObject({ ok: true, notice: "board.notices.voted" });
    const votes = await policyRepository(db.prisma).listVotes(await associationId("qader"), draftId, 1);
    expect(votes).toEqual([expect.objectContaining({ userId: board2.id, choice: "APPROVE", comment: null })]);

    expect((await unchanged("qader", () => run("qader", board2, A.vote, { versionId: draftId, choice: "APPROVE" }))).state.error).toBe("errors.ALREADY_VOTED");
    const changeOfMind = await unchanged("qader", () => run("qader", board2, A.vote, { versionId: draftId, choice: "REJECT", comment: "غيرت رأيي" }));
    expect(changeOfMind.state.error).toBe("errors.ALREADY_VOTED");
  });

  it("refuses a rejection without a comment, and a vote that is neither", async () => {
    for (const comment of [undefined, "", "   "]) {
      const { state } = await unchanged("qader", () => run("qader", board3, A.vote, { versionId: draftId, choice: "REJECT", ...(comment === undefined ? {} : { comment }) }));
      expect(state.fieldErrors).toEqual({ comment: "validation.commentRequired" });
    }
    const { state } = await unchanged("qader", () => run("qader", board3, A.vote, { versionId: draftId, choice: "MAYBE" }));
    expect(state.fieldErrors).toEqual({ choice: "validation.choiceRequired" });
  });

  it("refuses votes from anyone not on Qader's board", async () => {
    for (const slugRole of [["alhilah", "BOARD"], ["qader", "ADMIN"], ["qader", "COMMITTEE"]] as [Slug, Role][]) {
      const voter = await user(...slugRole);
      const result = await unchanged("qader", () => run("qader", voter, A.vote, { versionId: draftId, choice: "APPROVE" }));
      expect(result.refused).toBe(true);
    }
    // Al-Hilah's board, on its own site, cannot reach Qader's version either.
    const result = await unchanged("qader", () => run("alhilah", alhilahBoard, A.vote, { versionId: draftId, choice: "APPROVE" }));
    expect(result.state.error).toBe("errors.NOT_FOUND");
  });

  it("lets only the chair record the decision, and only once the votes decide", async () => {
    const attendees = [chair.id, board2.id, board3.id];
    const notChair = await unchanged("qader", () => run("qader", board2, A.decide, decisionForm(draftId, attendees)));
    expect(notChair.state.error).toBe("errors.NOT_CHAIR");

    // One approval of the two the majority of three needs.
    const early = await unchanged("qader", () => run("qader", chair, A.decide, decisionForm(draftId, attendees)));
    expect(early.state.error).toBe("errors.NO_QUORUM");
  });

  it("refuses a decision dated in the future, on an impossible date, or with attendees not on the board", async () => {
    const attendees = [chair.id, board2.id];
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [decisionForm(draftId, attendees, daysAgoHijri(-3)), { day: "validation.dateInFuture" }],
      [decisionForm(draftId, attendees, { year: new Date().getUTCFullYear() + 1, month: 1, day: 1 }, "GREGORIAN"), { day: "validation.dateInFuture" }],
      [decisionForm(draftId, attendees, { year: 1445, month: 1, day: 30 }), { day: "validation.dateInvalid" }],
      [decisionForm(draftId, attendees, { year: 1445, month: 13, day: 1 }), { month: "validation.dateInvalid" }],
      [decisionForm(draftId, attendees, { year: 2025, month: 2, day: 30 }, "GREGORIAN"), { day: "validation.dateInvalid" }],
      [decisionForm(draftId, [chair.id, admin.id]), { attendeeIds: "validation.attendeesInvalid" }],
      [decisionForm(draftId, [chair.id, alhilahBoard.id]), { attendeeIds: "validation.attendeesInvalid" }],
      [decisionForm(draftId, []), { attendeeIds: "validation.attendeesRequired" }],
      [decisionForm(draftId, ["someone"]), { "attendeeIds.0": "validation.invalid" }],
      [decisionForm(draftId, attendees, undefined, "HIJRI", "0"), { sessionNumber: "validation.sessionNumber" }],
      [decisionForm(draftId, attendees, undefined, "JULIAN"), { calendar: "validation.invalid" }],
    ];
    for (const [form, fieldErrors] of cases) {
      const { state } = await unchanged("qader", () => run("qader", chair, A.decide, form));
      expect({ form, fieldErrors: state.fieldErrors }).toEqual({ form, fieldErrors });
    }
  });

  it("approves with the second approval: the chair records session 9 with a Hijri date, chained to version 1", async () => {
    expect((await run("qader", board3, A.vote, { versionId: draftId, choice: "APPROVE", comment: "موافق" })).state.ok).toBe(true);

    const meeting = daysAgoHijri(12);
    const { state } = await run("qader", chair, A.decide, decisionForm(draftId, [chair.id, board3.id, board3.id], meeting));
    expect(state).toMatchObject({ ok: true, notice: "board.notices.approved" });

    const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    expect(version).toMatchObject({ status: "APPROVED", round: 1, contentHash: contentHash(edited), previousHash: v1.contentHash });
    expect(version.approvedAt).toBeInstanceOf(Date);
    expect(version.content).toEqual(edited);

    const decisions = await db.prisma.boardDecision.findMany({ where: { policyVersionId: draftId } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      outcome: "APPROVED",
      round: 1,
      sessionNumber: 9,
      chairNameAr: chair.name,
      attendees: [chair.name, board3.name],
      quorumRequired: 2,
      approvals: 2,
      rejections: 0,
      recordedById: chair.id,
    });
    expect(isoDate(decisions[0].meetingDate)).toBe(ymdIso(hijriToGregorian(meeting)));

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "policy.decision_recorded", targetId: draftId } });
    expect(event.actorId).toBe(chair.id);
    expect(event.summary).toMatchObject({ after: { outcome: "APPROVED", session: 9, hijri: `${meeting.year}/${meeting.month}/${meeting.day}`, approvals: 2, required: 2 } });
  });

  it("converts the fixed Hijri date 1447/1/1 to 26 June 2025 (the stored meeting date is Gregorian)", () => {
    expect(ymdIso(hijriToGregorian({ year: 1447, month: 1, day: 1 }))).toBe("2025-06-26");
  });

  it("refuses any further vote, decision, edit or submission on the approved version", async () => {
    const approved = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    const locked = "errors.POLICY_VERSION_LOCKED";
    expect((await unchanged("qader", () => run("qader", chair, A.vote, { versionId: draftId, choice: "APPROVE" }))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", chair, A.decide, decisionForm(draftId, [chair.id])))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", admin, A.submit, { versionId: draftId }))).state.error).toBe(locked);
    expect((await unchanged("qader", () => run("qader", admin, A.withdraw, { versionId: draftId }))).state.error).toBe(locked);
    const save = await unchanged("qader", () =>
      run("qader", admin, A.saveDraft, { versionId: draftId, content: seedPolicy("qader"), baseUpdatedAt: approved.updatedAt.toISOString() }),
    );
    expect(save.state.error).toBe(locked);
    // Not published yet: staff cannot attest it.
    expect((await unchanged("qader", () => run("qader", admin, A.attest, { versionId: draftId }))).state.error).toBe(locked);
  });

  it("publishes the approved version: version 1 superseded, staff told, the public page shows version 2", async () => {
    const id = await associationId("qader");
    const v1Before = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v1.id } });
    const { state } = await run("qader", admin, A.publish, { versionId: draftId });
    expect(state).toMatchObject({ ok: true, notice: "policy.notices.published" });

    const v2 = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
    expect(v2.status).toBe("PUBLISHED");
    expect(v2.publishedAt).toBeInstanceOf(Date);
    const old = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v1.id } });
    expect(old.status).toBe("SUPERSEDED");
    expect(old.publishedAt).toEqual(v1Before.publishedAt);

    const mails = await db.prisma.outboxMessage.findMany({ where: { associationId: id, template: "policyPublished" } });
    expect(mails.map((m) => m.recipient).sort()).toEqual(
      (["OFFICER", "RESEARCHER", "COMMITTEE"] as Role[]).map((role) => demoEmail("qader", role)).sort(),
    );

    const published = await getPublishedPolicy(db.prisma, id);
    expect(published).toMatchObject({ versionNumber: 2, contentHash: contentHash(edited), publishedAt: v2.publishedAt });
    expect(published!.content).toEqual(edited);
    expect(published!.content.responseDeadline).toMatchObject({ amount: 3, unit: "WEEKS" });
    expect(published!.boardDecision).toMatchObject({ sessionNumber: 9, chairNameAr: chair.name });

    const chain = await verifyPolicyChain(db.prisma, id);
    expect(chain.intact).toBe(true);
    expect(chain.versions.map((v) => [v.number, v.status, v.contentIntact, v.linkIntact, v.decision?.sessionNumber])).toEqual([
      [1, "SUPERSEDED", true, true, 8],
      [2, "PUBLISHED", true, true, 9],
    ]);
  });

  it("refuses to publish again, or to publish the superseded version", async () => {
    expect((await unchanged("qader", () => run("qader", admin, A.publish, { versionId: draftId }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
    expect((await unchanged("qader", () => run("qader", admin, A.publish, { versionId: v1.id }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
  });

  it("records a staff member's attestation once, however often they confirm", async () => {
    const officer = await user("qader", "OFFICER");
    const first = await run("qader", officer, A.attest, { versionId: draftId });
    expect(first.state).toMatchObject({ ok: true, notice: "policy.notices.attested" });
    const auditAfterFirst = await db.prisma.auditEvent.count({ where: { action: "policy.attested" } });
    const again = await run("qader", officer, A.attest, { versionId: draftId });
    expect(again.state).toMatchObject({ ok: true, notice: "policy.notices.attested" });
    expect(await db.prisma.policyAttestation.findMany({ where: { policyVersionId: draftId } })).toEqual([
      expect.objectContaining({ userId: officer.id, associationId: await associationId("qader") }),
    ]);
    expect(await db.prisma.auditEvent.count({ where: { action: "policy.attested" } })).toBe(auditAfterFirst);
    expect(auditAfterFirst).toBe(1);

    // Any member may confirm; a superseded version cannot be attested.
    expect((await run("qader", await user("qader", "RESEARCHER"), A.attest, { versionId: draftId })).state.ok).toBe(true);
    expect((await unchanged("qader", () => run("qader", officer, A.attest, { versionId: v1.id }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
    expect(await db.prisma.policyAttestation.count({ where: { policyVersionId: draftId } })).toBe(2);
  });

  // ------------------------------------------------------------------------------------------

  describe("the database keeps approved versions and the board's record unchanged", () => {
    const forbidden = /approved|append-only/;
    let before: Awaited<ReturnType<typeof snapshot>>;
    let id: string;
    beforeAll(async () => {
      id = await associationId("qader");
      before = await snapshot("qader");
    });
    afterEach(async () => {
      expect(await snapshot("qader")).toEqual(before);
    });
    const key = (versionId: string) => ({ associationId_id: { associationId: id, id: versionId } });

    it.each([
      ["content", () => ({ content: seedPolicy("alhilah") })],
      ["contentHash", () => ({ contentHash: "0".repeat(64) })],
      ["previousHash", () => ({ previousHash: "0".repeat(64) })],
      ["number", () => ({ number: 99 })],
      ["round", () => ({ round: 7 })],
      ["approvedAt", () => ({ approvedAt: new Date() })],
      ["publishedAt", () => ({ publishedAt: new Date() })],
    ])("refuses a change of %s through the client", async (_field, data) => {
      for (const versionId of [draftId, v1.id]) {
        await expect(db.prisma.policyVersion.update({ where: key(versionId), data: data() })).rejects.toThrow(forbidden);
      }
    });

    it.each([
      ["PUBLISHED", "DRAFT"],
      ["PUBLISHED", "APPROVED"],
      ["PUBLISHED", "PENDING_APPROVAL"],
      ["PUBLISHED", "REJECTED"],
      ["SUPERSEDED", "PUBLISHED"],
      ["SUPERSEDED", "APPROVED"],
      ["SUPERSEDED", "DRAFT"],
    ] as const)("refuses to move a %s version back to %s", async (from, to) => {
      const versionId = from === "PUBLISHED" ? draftId : v1.id;
      await expect(db.prisma.policyVersion.update({ where: key(versionId), data: { status: to } })).rejects.toThrow(forbidden);
    });

    it("refuses to delete an approved version", async () => {
      await expect(db.prisma.policyVersion.delete({ where: key(v1.id) })).rejects.toThrow(/cannot be deleted/);
      await expect(db.prisma.policyVersion.delete({ where: key(draftId) })).rejects.toThrow(forbidden);
      await expect(db.prisma.policyVersion.deleteMany({ where: { associationId: id } })).rejects.toThrow(forbidden);
      await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "PolicyVersion" WHERE "id" = '${v1.id}'`)).rejects.toThrow(/cannot be deleted/);
    });

    it("refuses the same in raw SQL", async () => {
      const statements = [
        `UPDATE "PolicyVersion" SET "content" = '{}'::jsonb WHERE "id" = '${draftId}'`,
        `UPDATE "PolicyVersion" SET "contentHash" = repeat('0', 64) WHERE "id" = '${v1.id}'`,
        `UPDATE "PolicyVersion" SET "previousHash" = NULL WHERE "id" = '${draftId}'`,
        `UPDATE "PolicyVersion" SET "status" = 'DRAFT' WHERE "id" = '${draftId}'`,
        `UPDATE "PolicyVersion" SET "status" = 'PUBLISHED' WHERE "id" = '${v1.id}'`,
        `DELETE FROM "PolicyVersion" WHERE "id" = '${v1.id}'`,
        `DELETE FROM "PolicyVersion" WHERE "associationId" = '${id}'`,
      ];
      for (const sql of statements) await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(forbidden);
    });

    it("refuses to change or delete board decisions and votes, through the client and in SQL", async () => {
      const decision = await db.prisma.boardDecision.findFirstOrThrow({ where: { policyVersionId: draftId } });
      const vote = await db.prisma.boardVote.findFirstOrThrow({ where: { policyVersionId: draftId } });
      await expect(
        db.prisma.boardDecision.update({ where: { associationId_id: { associationId: id, id: decision.id } }, data: { sessionNumber: 10 } }),
      ).rejects.toThrow(forbidden);
      await expect(db.prisma.boardDecision.delete({ where: { associationId_id: { associationId: id, id: decision.id } } })).rejects.toThrow(forbidden);
      await expect(db.prisma.boardDecision.deleteMany({})).rejects.toThrow(forbidden);
      await expect(db.prisma.boardVote.update({ where: { associationId_id: { associationId: id, id: vote.id } }, data: { choice: "REJECT" } })).rejects.toThrow(forbidden);
      await expect(db.prisma.boardVote.delete({ where: { associationId_id: { associationId: id, id: vote.id } } })).rejects.toThrow(forbidden);
      await expect(db.prisma.boardVote.deleteMany({})).rejects.toThrow(forbidden);
      for (const sql of [
        `UPDATE "BoardDecision" SET "outcome" = 'REJECTED'`,
        `UPDATE "BoardDecision" SET "attendees" = ARRAY['x'] WHERE "id" = '${decision.id}'`,
        `DELETE FROM "BoardDecision" WHERE "id" = '${decision.id}'`,
        `TRUNCATE "BoardDecision"`,
        `UPDATE "BoardVote" SET "comment" = 'edited'`,
        `DELETE FROM "BoardVote"`,
        `TRUNCATE "BoardVote"`,
      ]) {
        await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(forbidden);
      }
    });

    it("keeps an association with an approved policy from being deleted", async () => {
      await expect(db.prisma.association.delete({ where: { id } })).rejects.toThrow();
    });
  });

  // ------------------------------------------------------------------------------------------

  describe("rejection, resubmission and the quorum rule", () => {
    let v3: string;
    const saveAs = async (content: PolicyContent) => {
      const draft = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } });
      const { state } = await run("qader", admin, A.saveDraft, { versionId: v3, content, baseUpdatedAt: draft.updatedAt.toISOString() });
      expect(state.ok).toBe(true);
    };

    it("sends a rejected version back to draft, with the board's comments kept", async () => {
      expect((await run("qader", admin, A.startDraft)).state.ok).toBe(true);
      const draft = (await policyRepository(db.prisma).findOpen(await associationId("qader")))!;
      v3 = draft.id;
      expect(draft.number).toBe(3);
      expect(draft.content).toEqual(edited);
      const next = structuredClone(edited);
      next.title.en = "Policy on the Relationship with Beneficiaries";
      await saveAs(next);
      expect((await run("qader", admin, A.submit, { versionId: v3 })).state.ok).toBe(true);

      expect((await run("qader", board2, A.vote, { versionId: v3, choice: "REJECT", comment: "العنوان الإنجليزي غير دقيق" })).state.ok).toBe(true);
      // One rejection of three: approval is still possible.
      expect((await unchanged("qader", () => run("qader", chair, A.decide, decisionForm(v3, [chair.id])))).state.error).toBe("errors.NO_QUORUM");
      expect((await run("qader", board3, A.vote, { versionId: v3, choice: "REJECT", comment: "  نقترح مراجعة الصياغة  " })).state.ok).toBe(true);

      const meeting = { year: 2026, month: 1, day: 15 };
      const { state } = await run("qader", chair, A.decide, decisionForm(v3, [chair.id, board2.id, board3.id], meeting, "GREGORIAN", "10"));
      expect(state).toMatchObject({ ok: true, notice: "board.notices.rejected" });

      const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } });
      expect(version).toMatchObject({ status: "DRAFT", round: 1, previousHash: null, approvedAt: null, contentHash: contentHash(next) });
      const decision = await db.prisma.boardDecision.findFirstOrThrow({ where: { policyVersionId: v3 } });
      expect(decision).toMatchObject({ outcome: "REJECTED", round: 1, sessionNumber: 10, approvals: 0, rejections: 2, quorumRequired: 2 });
      expect(isoDate(decision.meetingDate)).toBe("2026-01-15");

      const votes = await policyRepository(db.prisma).listVotes(await associationId("qader"), v3, 1);
      expect(votes.map((v) => [v.userId, v.choice, v.comment])).toEqual([
        [board2.id, "REJECT", "العنوان الإنجليزي غير دقيق"],
        [board3.id, "REJECT", "نقترح مراجعة الصياغة"],
      ]);
      // Still one version in the works, and the public page still shows version 2.
      expect((await unchanged("qader", () => run("qader", admin, A.startDraft))).state.error).toBe("errors.POLICY_DRAFT_EXISTS");
      expect((await getPublishedPolicy(db.prisma, await associationId("qader")))!.versionNumber).toBe(2);
      expect((await verifyPolicyChain(db.prisma, await associationId("qader"))).versions.map((v) => v.number)).toEqual([1, 2]);
    });

    it("opens round 2 on resubmission, where members vote again; round 1's votes stay readable", async () => {
      const next = structuredClone(edited);
      next.title.en = "Policy on Organizing Relations with Beneficiaries";
      await saveAs(next);
      expect((await run("qader", admin, A.submit, { versionId: v3 })).state.ok).toBe(true);
      expect(await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } })).toMatchObject({ status: "PENDING_APPROVAL", round: 2 });
      expect((await run("qader", board2, A.vote, { versionId: v3, choice: "APPROVE" })).state.ok).toBe(true);

      const id = await associationId("qader");
      expect((await policyRepository(db.prisma).listVotes(id, v3, 1)).map((v) => v.choice)).toEqual(["REJECT", "REJECT"]);
      expect((await policyRepository(db.prisma).listVotes(id, v3, 2)).map((v) => [v.userId, v.choice])).toEqual([[board2.id, "APPROVE"]]);
    });

    it("withdraws a pending version back to draft, keeping its votes; resubmitting opens round 3", async () => {
      const { state } = await run("qader", admin, A.withdraw, { versionId: v3 });
      expect(state).toMatchObject({ ok: true, notice: "policy.notices.withdrawn" });
      expect(await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } })).toMatchObject({ status: "DRAFT", round: 2 });
      expect(await db.prisma.boardVote.count({ where: { policyVersionId: v3 } })).toBe(3);
      expect((await unchanged("qader", () => run("qader", board3, A.vote, { versionId: v3, choice: "APPROVE" }))).state.error).toBe("errors.POLICY_VERSION_LOCKED");
      expect((await run("qader", admin, A.submit, { versionId: v3 })).state.ok).toBe(true);
      expect(await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } })).toMatchObject({ status: "PENDING_APPROVAL", round: 3 });
    });

    it("lets the admin set the quorum rule, and the decision follows it", async () => {
      const bad = await unchanged("qader", () => run("qader", admin, A.setQuorum, { quorum: "HALF" }));
      expect(bad.state.fieldErrors).toEqual({ quorum: "validation.invalid" });
      expect((await unchanged("qader", () => run("qader", chair, A.setQuorum, { quorum: "ALL" }))).refused).toBe(true);

      const { state } = await run("qader", admin, A.setQuorum, { quorum: "ALL" });
      expect(state).toMatchObject({ ok: true, notice: "policy.notices.quorumSaved" });
      const id = await associationId("qader");
      expect((await db.prisma.association.findUniqueOrThrow({ where: { id } })).boardQuorum).toBe("ALL");
      const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: id, action: "policy.quorum_changed" } });
      expect(event.summary).toEqual({ before: { quorum: "MAJORITY" }, after: { quorum: "ALL" } });

      // Round 3: two approvals of three no longer suffice under ALL.
      expect((await run("qader", board2, A.vote, { versionId: v3, choice: "APPROVE" })).state.ok).toBe(true);
      expect((await run("qader", board3, A.vote, { versionId: v3, choice: "APPROVE" })).state.ok).toBe(true);
      const all = [chair.id, board2.id, board3.id];
      expect((await unchanged("qader", () => run("qader", chair, A.decide, decisionForm(v3, all)))).state.error).toBe("errors.NO_QUORUM");
      expect((await run("qader", chair, A.vote, { versionId: v3, choice: "APPROVE" })).state.ok).toBe(true);
      expect((await run("qader", chair, A.decide, decisionForm(v3, all, daysAgoHijri(1), "HIJRI", "11"))).state.ok).toBe(true);

      const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: v3 } });
      const v2 = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: draftId } });
      expect(version).toMatchObject({ status: "APPROVED", round: 3, previousHash: v2.contentHash });
      expect(await db.prisma.boardDecision.findFirstOrThrow({ where: { policyVersionId: v3, outcome: "APPROVED" } })).toMatchObject({
        round: 3,
        quorumRequired: 3,
        approvals: 3,
        rejections: 0,
      });

      expect((await run("qader", admin, A.publish, { versionId: v3 })).state.ok).toBe(true);
      const chain = await verifyPolicyChain(db.prisma, id);
      expect(chain.intact).toBe(true);
      expect(chain.versions.map((v) => [v.number, v.status])).toEqual([
        [1, "SUPERSEDED"],
        [2, "SUPERSEDED"],
        [3, "PUBLISHED"],
      ]);
      expect((await run("qader", admin, A.setQuorum, { quorum: "MAJORITY" })).state.ok).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe(`one association's versions are out of another's reach (${engineName()})`, () => {
  let alhilahDraft: string;
  let alhilahV1: string;
  beforeAll(async () => {
    expect((await run("alhilah", await user("alhilah", "ADMIN"), A.startDraft)).state.ok).toBe(true);
    alhilahDraft = (await policyRepository(db.prisma).findOpen(await associationId("alhilah")))!.id;
    alhilahV1 = (await versionOf("alhilah", 1)).id;
  });

  it("answers NOT_FOUND to Qader's members naming an Al-Hilah version, and changes nothing there", async () => {
    const before = await snapshot("alhilah");
    const draft = await db.prisma.policyVersion.findFirstOrThrow({ where: { id: alhilahDraft } });
    const admin = await user("qader", "ADMIN");
    const chair = await user("qader", "BOARD");
    const calls: [SessionUser, Bound, Record<string, unknown>][] = [
      [admin, A.saveDraft, { versionId: alhilahDraft, content: seedPolicy("qader"), baseUpdatedAt: draft.updatedAt.toISOString() }],
      [admin, A.submit, { versionId: alhilahDraft }],
      [admin, A.withdraw, { versionId: alhilahDraft }],
      [admin, A.publish, { versionId: alhilahV1 }],
      [chair, A.vote, { versionId: alhilahDraft, choice: "APPROVE" }],
      [chair, A.decide, decisionForm(alhilahDraft, [chair.id])],
      [await user("qader", "OFFICER"), A.attest, { versionId: alhilahV1 }],
    ];
    for (const [actor, action, raw] of calls) {
      const { state } = await unchanged("qader", () => run("qader", actor, action, raw));
      expect(state.error).toBe("errors.NOT_FOUND");
    }
    expect(await snapshot("alhilah")).toEqual(before);
  });

  it("refuses Qader's admin on Al-Hilah's site outright", async () => {
    const before = await snapshot("alhilah");
    expect((await run("alhilah", await user("qader", "ADMIN"), A.submit, { versionId: alhilahDraft })).refused).toBe(true);
    expect((await run("alhilah", await user("qader", "ADMIN"), A.startDraft)).refused).toBe(true);
    expect(await snapshot("alhilah")).toEqual(before);
  });

  it("leaves Al-Hilah's chain and published policy as seeded", async () => {
    const id = await associationId("alhilah");
    const chain = await verifyPolicyChain(db.prisma, id);
    expect(chain.intact).toBe(true);
    expect(chain.versions.map((v) => v.number)).toEqual([1]);
    const published = await getPublishedPolicy(db.prisma, id);
    expect(published?.content).toEqual(seedPolicy("alhilah"));
  });
});

// ---------------------------------------------------------------------------------------------

describe(`publication never goes back in time (${engineName()})`, () => {
  const slug = "publish-order";

  it("refuses a new draft while an approved version awaits publication, which would drop its changes", async () => {
    const id = await extraAssociation(slug);
    const admin = await demo(slug, "ADMIN");
    const v2 = await approveNewVersion(slug, (c) => (c.responseDeadline.amount = 2));
    const { state } = await unchanged(slug, () => run(slug, admin, A.startDraft));
    expect(state.error).toBe("errors.POLICY_AWAITING_PUBLICATION");
    expect(hasMessage(state.error)).toBe(true);
    expect((await run(slug, admin, A.publish, { versionId: v2.id })).state.ok).toBe(true);
    // Once published, the next draft starts from the approved text.
    expect((await run(slug, admin, A.startDraft)).state.ok).toBe(true);
    const draft = (await policyRepository(db.prisma).findOpen(id))!;
    expect((draft.content as PolicyContent).responseDeadline.amount).toBe(2);
  });

  it("refuses to publish an approved version older than the one in force", async () => {
    // Unreachable through startDraft (above); forced here to check publishVersion's own guard.
    const id = await extraAssociation(`${slug}-2`);
    const admin = await demo(`${slug}-2`, "ADMIN");
    const v2 = await approveNewVersion(`${slug}-2`, (c) => (c.responseDeadline.amount = 2));
    // A third version written straight into the table, then taken through the board.
    const chair = await demo(`${slug}-2`, "BOARD");
    const content = structuredClone(v2.content);
    content.responseDeadline.amount = 3;
    const policy = await db.prisma.policy.findFirstOrThrow({ where: { associationId: id } });
    const v3 = await db.prisma.policyVersion.create({
      data: { associationId: id, policyId: policy.id, number: 3, status: "DRAFT", content, contentHash: contentHash(content) },
    });
    expect((await run(`${slug}-2`, admin, A.submit, { versionId: v3.id })).state.ok).toBe(true);
    expect((await run(`${slug}-2`, chair, A.vote, { versionId: v3.id, choice: "APPROVE" })).state.ok).toBe(true);
    expect((await run(`${slug}-2`, chair, A.decide, decisionForm(v3.id, [chair.id]))).state.ok).toBe(true);
    expect((await run(`${slug}-2`, admin, A.publish, { versionId: v3.id })).state.ok).toBe(true);
    const { state } = await unchanged(`${slug}-2`, () => run(`${slug}-2`, admin, A.publish, { versionId: v2.id }));
    expect(state.error).toBe("errors.POLICY_VERSION_LOCKED");
    expect((await getPublishedPolicy(db.prisma, id))?.versionNumber).toBe(3);
    expect((await verifyPolicyChain(db.prisma, id)).intact).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe(`tamper evidence (${engineName()})`, () => {
  // An association of its own, so that tampering here cannot disturb the tests above.
  const slug = "tamper-check";
  let id: string;
  let v2Content: PolicyContent;

  /** What someone with the database's owner rights could do: switch the trigger off, write, switch it on. */
  async function behindTheTriggersBack(sql: string, ...params: unknown[]) {
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "PolicyVersion" DISABLE TRIGGER "PolicyVersion_immutable"`);
      await tx.$executeRawUnsafe(sql, ...params);
      await tx.$executeRawUnsafe(`ALTER TABLE "PolicyVersion" ENABLE TRIGGER "PolicyVersion_immutable"`);
    });
  }

  beforeAll(async () => {
    id = await extraAssociation(slug);
    const v2 = await approveNewVersion(slug, (c) => (c.responseDeadline.amount = 2));
    v2Content = v2.content;
    expect((await run(slug, await demo(slug, "ADMIN"), A.publish, { versionId: v2.id })).state.ok).toBe(true);
  });

  const check = async () => {
    const result = await verifyPolicyChain(db.prisma, id);
    return { intact: result.intact, versions: result.versions.map((v) => [v.number, v.contentIntact, v.linkIntact]) };
  };

  it("finds the honest chain intact", async () => {
    expect(await check()).toEqual({ intact: true, versions: [[1, true, true], [2, true, true]] });
  });

  it("notices published content altered behind the trigger's back", async () => {
    const published = await versionOf(slug, 2);
    await behindTheTriggersBack(
      `UPDATE "PolicyVersion" SET "content" = jsonb_set("content", '{responseDeadline,amount}', '7'::jsonb) WHERE "id" = $1::uuid`,
      published.id,
    );
    expect(((await versionOf(slug, 2)).content as PolicyContent).responseDeadline.amount).toBe(7);
    expect(await check()).toEqual({ intact: false, versions: [[1, true, true], [2, false, true]] });
    // The trigger is back on: no further change gets through.
    await expect(db.prisma.policyVersion.update({ where: { associationId_id: { associationId: id, id: published.id } }, data: { content: v2Content } })).rejects.toThrow(/approved/);
    // Qader's chain is not affected by another association's tampering.
    expect((await verifyPolicyChain(db.prisma, await associationId("qader"))).intact).toBe(true);

    // Restoring the approved text restores the check (the hash is of canonical JSON, not of bytes).
    await behindTheTriggersBack(`UPDATE "PolicyVersion" SET "content" = $2::jsonb WHERE "id" = $1::uuid`, published.id, JSON.stringify(v2Content));
    expect(await check()).toEqual({ intact: true, versions: [[1, true, true], [2, true, true]] });
  });

  it("notices an older version whose content and hash were both rewritten, through the next version's link", async () => {
    const old = await versionOf(slug, 1);
    const forged = structuredClone(old.content as PolicyContent);
    forged.responseDeadline.amount = 6;
    await behindTheTriggersBack(`UPDATE "PolicyVersion" SET "content" = $2::jsonb, "contentHash" = $3 WHERE "id" = $1::uuid`, old.id, JSON.stringify(forged), contentHash(forged));
    expect(await check()).toEqual({ intact: false, versions: [[1, true, true], [2, true, false]] });
    const result = await verifyPolicyChain(db.prisma, id);
    expect(result.versions[1].contentHash).toBe(contentHash(v2Content));
  });
});

// ---------------------------------------------------------------------------------------------

describe(`the association's contact details (${engineName()})`, () => {
  const form = (values: Record<string, string>) => ({ phone: "", email: "", website: "", xHandle: "", instagramHandle: "", ...values });
  const contacts = async () =>
    db.prisma.association.findUniqueOrThrow({
      where: { slug: "qader" },
      select: { phone: true, email: true, website: true, xHandle: true, instagramHandle: true },
    });

  it.each([
    ["0556880045"],
    ["٠٥٥٦٨٨٠٠٤٥"],
    ["055 688 0045"],
    ["+966 55 688 0045"],
    ["00966556880045"],
  ])("stores %j as +966556880045", async (phone) => {
    await db.prisma.association.update({ where: { slug: "qader" }, data: { phone: null } });
    const { state } = await run("qader", await user("qader", "ADMIN"), A.contacts, form({ phone }));
    expect(state).toMatchObject({ ok: true, notice: "policy.notices.contactsSaved" });
    expect((await contacts()).phone).toBe("+966556880045");
  });

  it("stores the other details normalized", async () => {
    const { state } = await run(
      "qader",
      await user("qader", "ADMIN"),
      A.contacts,
      form({ phone: "0556880045", email: "info@qader.org.sa", website: "https://qader.org.sa", xHandle: "@qader_tabuk", instagramHandle: "qader.tabuk" }),
    );
    expect(state.ok).toBe(true);
    expect(await contacts()).toEqual({
      phone: "+966556880045",
      email: "info@qader.org.sa",
      website: "https://qader.org.sa",
      xHandle: "qader_tabuk",
      instagramHandle: "qader.tabuk",
    });
    const event = await db.prisma.auditEvent.findFirst({ where: { action: "association.contacts_changed" }, orderBy: { createdAt: "desc" } });
    expect(event).not.toBeNull();
  });

  it.each([
    [{ phone: "12345" }, { phone: "validation.phoneInvalid" }],
    [{ phone: "0556" }, { phone: "validation.phoneInvalid" }],
    [{ phone: "not a phone" }, { phone: "validation.phoneInvalid" }],
    [{ email: "not-an-email" }, { email: "validation.emailInvalid" }],
    [{ website: "javascript:alert(1)" }, { website: "validation.urlInvalid" }],
    [{ xHandle: "has space" }, { xHandle: "validation.handleInvalid" }],
  ])("refuses %j and changes nothing", async (values, fieldErrors) => {
    const admin = await user("qader", "ADMIN");
    const result = await unchanged("qader", () => run("qader", admin, A.contacts, form(values)));
    expect(result.state.fieldErrors).toEqual(fieldErrors);
  });

  it("clears every detail given as an empty string", async () => {
    const { state } = await run("qader", await user("qader", "ADMIN"), A.contacts, form({ phone: "  " }));
    expect(state.ok).toBe(true);
    expect(await contacts()).toEqual({ phone: null, email: null, website: null, xHandle: null, instagramHandle: null });
  });

  it("is refused to staff who may not edit the policy", async () => {
    expect((await unchanged("qader", async () => run("qader", await user("qader", "OFFICER"), A.contacts, form({ phone: "0556880045" })))).refused).toBe(true);
    expect((await run("qader", await user("qader", "BOARD"), A.contacts, form({ phone: "0556880045" }))).refused).toBe(true);
  });
});
