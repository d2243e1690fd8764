/** @jest-environment node */
import "../fast-bcrypt";
import { resolveAccess, runAction } from "@/lib/auth/access";
import type { Database } from "@/lib/db/client";
import * as policyActions from "@/lib/policy/actions";
import { policyRepository } from "@/lib/policy/repository";
import * as requestActions from "@/lib/requests/actions";
import { isoDay, riyadhDay } from "@/lib/requests/due-date";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { inviteAfterDelivery } from "@/lib/surveys/invitations";
import * as respond from "@/lib/surveys/respond-actions";
import { openSurvey } from "@/lib/surveys/responses";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound } from "../actions";
import { appError, demoUser, hasMessage, seedWithAccounts, tenant, type Slug } from "../fixtures";
import { createRequest } from "../requests/handling-fixture";

// The respondent's side, as the app runs it: the public server action (lib/surveys/respond-
// actions.ts) through the guard's core (zod → service in a transaction → audit) on a real
// database, after invitations sent by delivering a request. Anonymity is checked in the
// schema itself and in the stored rows.

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const SUBMIT = bound(respond.submitSurveyAction);
let db: Database;
let ipCounter = 0;

/** The respondent's form on `slug`'s site, from its own IP unless told. */
async function submit(slug: Slug, raw: Record<string, unknown>, ip = `198.51.100.${++ipCounter}`) {
  const access = await resolveAccess(db.prisma, { kind: "tenant", tenant: await tenant(db.prisma, slug) }, null, SUBMIT.scope);
  const { state } = await runAction(db.prisma, access!, { locale: "ar", ip }, SUBMIT.schema, SUBMIT.service, raw);
  for (const key of [state.error, state.notice, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) {
    expect({ key, inBothLanguages: hasMessage(key) }).toEqual({ key, inBothLanguages: true });
  }
  return state;
}

const associationId = async (slug: Slug) => (await tenant(db.prisma, slug)).id;
const surveyOf = async (slug: Slug) => db.prisma.survey.findFirstOrThrow({ where: { associationId: await associationId(slug), postService: true } });

/** Every answer of the default survey, valid. */
const ANSWERS = { "a_q-ease": "5", "a_q-speed": "4", "a_q-respect": "5", "a_q-clarity": "3", "a_q-overall": "4", "a_q-recommend": "9", "a_q-heard": "relative", "a_q-comments": "  خدمة ممتازة  " };

/** A delivered request of `slug` with its invitation token (inviteAfterDelivery, as deliverService calls it). */
async function invited(slug: Slug, options: { email?: string } = {}) {
  const t = await tenant(db.prisma, slug);
  const request = await createRequest(db.prisma, t.id, { status: "DELIVERED", email: options.email ?? null });
  const result = await inviteAfterDelivery(db.prisma, t, { ...request, locale: "ar" });
  return { request, token: result!.token };
}

const invitationOf = async (slug: Slug, token: string) =>
  db.prisma.surveyInvitation.findUniqueOrThrow({ where: { associationId_tokenHash: { associationId: await associationId(slug), tokenHash: hashToken(token) } } });

/** What a refused response must leave untouched. */
async function counts() {
  return {
    responses: await db.prisma.surveyResponse.count(),
    links: await db.prisma.surveyResponseLink.count(),
    used: await db.prisma.surveyInvitation.count({ where: { usedAt: { not: null } } }),
    audit: await db.prisma.auditEvent.count(),
  };
}

async function refused(slug: Slug, raw: Record<string, unknown>, ip?: string) {
  const before = await counts();
  const state = await submit(slug, raw, ip);
  expect(state.ok).toBeUndefined();
  expect(await counts()).toEqual(before);
  return state;
}

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

describe(`answering a survey (${engineName()})`, () => {
  let token: string;
  let request: Awaited<ReturnType<typeof createRequest>>;

  test("delivering a request through the handling action sends one invitation whose link opens the survey", async () => {
    const id = await associationId("qader");
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    const published = await policyRepository(db.prisma).findPublished(id);
    const run = actionRunner(() => db.prisma);
    expect((await run("qader", officer, bound(policyActions.attestAction), { versionId: published!.id })).state.ok).toBe(true);
    request = await createRequest(db.prisma, id, { status: "REGISTERED" });
    const delivered = await run("qader", officer, bound(requestActions.deliverServiceAction), { requestId: request.id });
    expect(delivered.state).toMatchObject({ ok: true, notice: "requests.notices.deliveredInvited" });

    expect(await db.prisma.surveyInvitation.count({ where: { associationId: id, requestId: request.id } })).toBe(1);
    const sms = await db.prisma.outboxMessage.findMany({ where: { associationId: id, recipient: request.phone, template: "surveyInvitation" } });
    expect(sms).toHaveLength(1);
    expect(sms[0].channel).toBe("SMS");
    const link = sms[0].body.match(/https?:\/\/\S+\/survey\/([A-Za-z0-9_-]{43})$/);
    expect(link).not.toBeNull();
    expect(link![0]).toContain("qader.");
    token = link![1];
    const target = await openSurvey(db.prisma, id, { token });
    expect(target).toMatchObject({ surveyId: (await surveyOf("qader")).id, anonymous: true, invitation: { requestId: request.id, channelKey: request.channelKey } });
    expect(target.version.content.questions.map((q) => q.key)).toContain("q-overall");
  });

  test("a valid response is stored with its version, source, channel and month, and uses up the invitation", async () => {
    const before = (await db.prisma.surveyResponse.findMany({ select: { id: true } })).map((r) => r.id);
    const state = await submit("qader", { token, ...ANSWERS, website: "" });
    expect(state).toMatchObject({ ok: true, notice: "surveys.respond.thanks" });
    const added = await db.prisma.surveyResponse.findMany({ where: { id: { notIn: before } } });
    expect(added).toHaveLength(1);
    const [row] = added;
    const survey = await surveyOf("qader");
    const version = await db.prisma.surveyVersion.findFirstOrThrow({ where: { associationId: survey.associationId, surveyId: survey.id, number: survey.currentVersion! } });
    expect(row).toMatchObject({
      surveyId: survey.id,
      versionId: version.id,
      source: "INVITATION",
      channelKey: request.channelKey,
      month: isoDay(riyadhDay(new Date())).slice(0, 7),
      answers: { "q-ease": 5, "q-speed": 4, "q-respect": 5, "q-clarity": 3, "q-overall": 4, "q-recommend": 9, "q-heard": "relative", "q-comments": "خدمة ممتازة" },
    });
    expect((await invitationOf("qader", token)).usedAt).toBeInstanceOf(Date);
  });

  test("the same link a second time is refused as used, storing nothing", async () => {
    expect(await refused("qader", { token, ...ANSWERS })).toEqual(expect.objectContaining({ error: "errors.SURVEY_LINK_USED" }));
    await expect(appError(openSurvey(db.prisma, await associationId("qader"), { token }))).resolves.toMatchObject({ code: "SURVEY_LINK_USED" });
  });

  test("an expired link is refused as expired", async () => {
    const { token: old } = await invited("qader");
    const invitation = await invitationOf("qader", old);
    await db.prisma.surveyInvitation.update({ where: { associationId_id: { associationId: invitation.associationId, id: invitation.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refused("qader", { token: old, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_LINK_EXPIRED" });
    expect((await invitationOf("qader", old)).usedAt).toBeNull();
  });

  test("a forged token, a malformed one and another association's token are refused as invalid", async () => {
    const { token: theirs } = await invited("alhilah");
    for (const forged of [newToken(), "not-a-token", `${theirs.slice(0, 42)}x`, theirs]) {
      expect(await refused("qader", { token: forged, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_LINK_INVALID" });
    }
    expect(await refused("qader", { ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_LINK_INVALID" });
    // Al-Hilah's link still works on its own site.
    expect((await invitationOf("alhilah", theirs)).usedAt).toBeNull();
    expect(await submit("alhilah", { token: theirs, ...ANSWERS })).toMatchObject({ ok: true });
  });

  test("unanswered required questions, out-of-range scores and unknown options get field errors and store nothing", async () => {
    const { token: fresh } = await invited("qader");
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ "a_q-speed": "" }, { "a_q-speed": "validation.answerRequired" }],
      [{ "a_q-speed": undefined, "a_q-overall": "   " }, { "a_q-speed": "validation.answerRequired", "a_q-overall": "validation.answerRequired" }],
      [{ "a_q-ease": "6" }, { "a_q-ease": "validation.outOfRange" }],
      [{ "a_q-ease": "0" }, { "a_q-ease": "validation.outOfRange" }],
      [{ "a_q-ease": "abc" }, { "a_q-ease": "validation.outOfRange" }],
      [{ "a_q-ease": "2.5" }, { "a_q-ease": "validation.outOfRange" }],
      [{ "a_q-recommend": "11" }, { "a_q-recommend": "validation.outOfRange" }],
      [{ "a_q-recommend": "-1" }, { "a_q-recommend": "validation.outOfRange" }],
      [{ "a_q-heard": "newspaper" }, { "a_q-heard": "validation.invalidChoice" }],
      [{ "a_q-heard": ["social", "relative"] }, { "a_q-heard": "validation.invalidChoice" }],
      [{ "a_q-comments": "x".repeat(2001) }, { "a_q-comments": "validation.tooLong" }],
    ];
    for (const [change, fieldErrors] of cases) {
      const raw: Record<string, unknown> = { token: fresh, ...ANSWERS, ...change };
      const state = await refused("qader", raw);
      expect({ change, fieldErrors: state.fieldErrors }).toEqual({ change, fieldErrors });
      // The answers come back, so the form keeps them.
      expect(state.values?.["a_q-respect"]).toBe("5");
    }
    expect((await invitationOf("qader", fresh)).usedAt).toBeNull();
    expect(await submit("qader", { token: fresh, ...ANSWERS })).toMatchObject({ ok: true });
  });

  test("the public link takes walk-ins' answers, without a channel; refused when the link is off or the survey inactive", async () => {
    const survey = await surveyOf("qader");
    const where = { associationId_id: { associationId: survey.associationId, id: survey.id } };
    const state = await submit("qader", { surveyId: survey.id, ...ANSWERS });
    expect(state).toMatchObject({ ok: true, notice: "surveys.respond.thanks" });
    const latest = await db.prisma.surveyResponse.findMany({ where: { associationId: survey.associationId, source: "PUBLIC_LINK" } });
    expect(latest.at(-1)).toMatchObject({ channelKey: null, surveyId: survey.id });

    // Another association's survey id on this site, or no such survey, or not an id at all.
    const theirs = await surveyOf("alhilah");
    for (const surveyId of [theirs.id, "3f1e8a52-8a56-4d2a-9d7a-0d1f3b1c2a11"]) {
      expect(await refused("qader", { surveyId, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_UNAVAILABLE" });
    }
    expect(await refused("qader", { surveyId: "nope", ...ANSWERS })).toMatchObject({ fieldErrors: { surveyId: "validation.invalid" } });
    await expect(appError(openSurvey(db.prisma, survey.associationId, { surveyId: "nope" }))).resolves.toMatchObject({ code: "SURVEY_UNAVAILABLE" });

    const { token: pending } = await invited("qader");
    await db.prisma.survey.update({ where, data: { publicLink: false } });
    expect(await refused("qader", { surveyId: survey.id, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_UNAVAILABLE" });
    // A link already sent still works while the survey is active.
    await expect(openSurvey(db.prisma, survey.associationId, { token: pending })).resolves.toMatchObject({ surveyId: survey.id });
    await db.prisma.survey.update({ where, data: { publicLink: true, active: false } });
    expect(await refused("qader", { surveyId: survey.id, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_UNAVAILABLE" });
    expect(await refused("qader", { token: pending, ...ANSWERS })).toMatchObject({ error: "errors.SURVEY_UNAVAILABLE" });
    await db.prisma.survey.update({ where, data: { active: true } });
  });

  test("the honeypot and the per-IP limit refuse responses", async () => {
    const survey = await surveyOf("qader");
    expect(await refused("qader", { surveyId: survey.id, ...ANSWERS, website: "https://spam.example" })).toMatchObject({ error: "errors.SPAM_SUSPECTED" });
    const { token: fresh } = await invited("qader");
    expect(await refused("qader", { token: fresh, ...ANSWERS, website: "x" })).toMatchObject({ error: "errors.SPAM_SUSPECTED" });

    const ip = "192.0.2.77";
    for (let i = 0; i < 10; i++) expect(await submit("qader", { surveyId: survey.id, ...ANSWERS }, ip)).toMatchObject({ ok: true });
    expect(await refused("qader", { surveyId: survey.id, ...ANSWERS }, ip)).toMatchObject({ error: "errors.RATE_LIMITED" });
    // Another IP is not affected.
    expect(await submit("qader", { surveyId: survey.id, ...ANSWERS }, "192.0.2.78")).toMatchObject({ ok: true });
  });

  test("answers to a version published over the respondent's page are refused, and nothing is stored", async () => {
    const survey = await surveyOf("qader");
    const where = { associationId_id: { associationId: survey.associationId, id: survey.id } };
    const shown = await db.prisma.surveyVersion.findFirstOrThrow({ where: { associationId: survey.associationId, surveyId: survey.id, number: survey.currentVersion! } });
    const newer = await db.prisma.surveyVersion.create({
      data: { associationId: survey.associationId, surveyId: survey.id, number: survey.currentVersion! + 1, content: shown.content as object },
    });
    await db.prisma.survey.update({ where, data: { currentVersion: newer.number } });
    try {
      const { token } = await invited("qader");
      for (const by of [{ token }, { surveyId: survey.id }]) {
        expect(await refused("qader", { ...by, versionId: shown.id, ...ANSWERS })).toMatchObject({ error: "surveys.respond.versionChanged" });
      }
      expect((await invitationOf("qader", token)).usedAt).toBeNull();
      expect(await submit("qader", { token, versionId: newer.id, ...ANSWERS })).toMatchObject({ ok: true });
    } finally {
      await db.prisma.survey.update({ where, data: { currentVersion: shown.number } });
    }
  });
});

describe(`anonymity (${engineName()})`, () => {
  test("the SurveyResponse table has no column or foreign key that could point at a request, an invitation or a person, and no time of day", async () => {
    const columns = await db.prisma.$queryRawUnsafe<{ column_name: string; data_type: string }[]>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'SurveyResponse' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["associationId", "id", "surveyId", "versionId", "source", "channelKey", "month", "answers"]);
    expect(columns.filter((c) => /time|date|interval/i.test(c.data_type))).toEqual([]);
    const references = await db.prisma.$queryRawUnsafe<{ target: string }[]>(
      `SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE contype = 'f' AND conrelid = '"SurveyResponse"'::regclass ORDER BY 1`,
    );
    expect(references.map((r) => r.target.replaceAll('"', ""))).toEqual(["Survey", "SurveyVersion"]);
    // Nothing else points at a response but the consented link (which only a non-anonymous survey writes).
    const pointing = await db.prisma.$queryRawUnsafe<{ source: string }[]>(
      `SELECT conrelid::regclass::text AS source FROM pg_constraint WHERE contype = 'f' AND confrelid = '"SurveyResponse"'::regclass`,
    );
    expect(pointing.map((r) => r.source.replaceAll('"', ""))).toEqual(["SurveyResponseLink"]);
  });

  test("an anonymous survey answered through an invitation stores nothing about the request, the person or the invitation", async () => {
    const { request, token } = await invited("qader", { email: "applicant@example.org" });
    const invitation = await invitationOf("qader", token);
    const before = { ...(await counts()), ids: (await db.prisma.surveyResponse.findMany({ select: { id: true } })).map((r) => r.id) };
    // Even when the form claims consent, an anonymous survey links nothing.
    expect(await submit("qader", { token, ...ANSWERS, "a_q-comments": "", linkConsent: "on" })).toMatchObject({ ok: true });
    const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(r)::text AS row FROM "SurveyResponse" r WHERE NOT (r.id = ANY($1::uuid[]))`,
      before.ids,
    );
    expect(rows).toHaveLength(1);
    const stored = rows[0].row;
    for (const secret of [request.id, request.reference, request.applicantName, request.phone, request.phone.slice(4), request.idNumber, "applicant@example.org", invitation.id, token, invitation.tokenHash]) {
      expect({ secret, found: stored.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(await db.prisma.surveyResponseLink.count()).toBe(before.links);
    expect(await db.prisma.auditEvent.count()).toBe(before.audit);
  });

  test("a non-anonymous survey links the response to the request only with the respondent's consent", async () => {
    const survey = await surveyOf("alhilah");
    await db.prisma.survey.update({ where: { associationId_id: { associationId: survey.associationId, id: survey.id } }, data: { anonymous: false } });
    const consented = await invited("alhilah");
    expect(await openSurvey(db.prisma, survey.associationId, { token: consented.token })).toMatchObject({ anonymous: false });
    expect(await submit("alhilah", { token: consented.token, ...ANSWERS, linkConsent: "on" })).toMatchObject({ ok: true });
    const links = await db.prisma.surveyResponseLink.findMany({ where: { associationId: survey.associationId } });
    expect(links).toHaveLength(1);
    expect(links[0].requestId).toBe(consented.request.id);
    const linked = await db.prisma.surveyResponse.findUniqueOrThrow({ where: { associationId_id: { associationId: survey.associationId, id: links[0].responseId } } });
    expect(linked).toMatchObject({ source: "INVITATION", surveyId: survey.id });

    const declined = await invited("alhilah");
    const before = await db.prisma.surveyResponse.count();
    expect(await submit("alhilah", { token: declined.token, ...ANSWERS })).toMatchObject({ ok: true });
    expect(await db.prisma.surveyResponse.count()).toBe(before + 1);
    expect(await db.prisma.surveyResponseLink.count({ where: { associationId: survey.associationId } })).toBe(1);
    expect(await db.prisma.surveyResponseLink.count({ where: { requestId: declined.request.id } })).toBe(0);
  });
});
