/** @jest-environment node */
import "../fast-bcrypt";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { z } from "zod";
import { TrackTimeline } from "@/components/tracking/TrackTimeline";
import { resolveAccess, runAction, type Service } from "@/lib/auth/access";
import { hashToken } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db/client";
import { requestCode, requestCodeService, verifyCode, verifyCodeService, verifyResult, MAX_ATTEMPTS } from "@/lib/tracking/code";
import { requestCodeSchema, verifyCodeSchema } from "@/lib/tracking/schema";
import { signTrackSession, verifyTrackSession } from "@/lib/tracking/token";
import { trackingView } from "@/lib/tracking/view";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import { engineName, freshDatabase } from "../../helpers/db";
import { demoUser, hasMessage, seedWithAccounts, tenant, type Slug } from "../fixtures";

// /track against a real database: the guard's core (runAction) with the public scope, then
// the services' own rules (expiry, attempts, single use) with a controlled clock.

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const PHONE = "+966551234567";
let counter = 0;

/** A request written straight to the table (intake is another module), as a given association's. */
async function makeRequest(slug: Slug, phone = PHONE, extra: Record<string, unknown> = {}) {
  const t = await tenant(db.prisma, slug);
  const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: t.id, status: "PUBLISHED" } });
  counter++;
  return db.prisma.supportRequest.create({
    data: {
      associationId: t.id,
      reference: `1448-${String(counter + (slug === "alhilah" ? 50_000 : 0)).padStart(5, "0")}`,
      policyVersionId: version.id,
      channelKey: "WEBSITE",
      supportTypeKey: "FOOD_BASKET",
      applicantName: "Applicant Secretname",
      idType: "NATIONAL_ID",
      idNumber: "1098765432",
      phone,
      city: "Riyadh",
      householdSize: 4,
      description: "Private description",
      dueAt: new Date(Date.now() + 10 * 86_400_000),
      privacyNoticeVersion: 1,
      accuracyDeclaredAt: new Date(),
      ...extra,
    },
  });
}

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

/** Runs a public service on `slug`'s site, as the guard does. */
async function run<S extends z.ZodType>(slug: Slug, schema: S, service: Service<S>, raw: Record<string, unknown>, ip = freshIp()) {
  const site = { kind: "tenant" as const, tenant: await tenant(db.prisma, slug) };
  const access = (await resolveAccess(db.prisma, site, null, { public: true }))!;
  const { state } = await runAction(db.prisma, access, { locale: "ar", ip }, schema, service, raw);
  for (const key of [state.error, state.notice, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) {
    expect({ key, inBothLanguages: hasMessage(key) }).toEqual({ key, inBothLanguages: true });
  }
  return state;
}
const ask = (slug: Slug, reference: string, mobile: string, ip?: string) => run(slug, requestCodeSchema, requestCodeService, { reference, mobile }, ip);
/** Step 2 as the form sees it (the token goes to the cookie, never to the page). */
const check = async (slug: Slug, reference: string, code: string, ip?: string) => {
  const { state, token } = verifyResult(await run(slug, verifyCodeSchema, verifyCodeService, { reference, code }, ip));
  expect(JSON.stringify(state)).not.toContain(token ?? "no token");
  return { ...state, token };
};
const INVALID = { error: "errors.TRACKING_CODE_INVALID", fieldErrors: { code: "errors.TRACKING_CODE_INVALID" }, token: undefined };

const codesOf = (requestId: string) => db.prisma.trackingCode.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } });
const smsTo = (phone: string) => db.prisma.outboxMessage.findMany({ where: { recipient: phone, template: "trackingCode" }, orderBy: { createdAt: "asc" } });
const codeIn = (body: string) => /\b(\d{6})\b/.exec(body)![1];
const site = async (slug: Slug) => ({ db: db.prisma, tenant: await tenant(db.prisma, slug), locale: "ar" as const, ip: freshIp() });

describe(`tracking (${engineName()})`, () => {
  it("sends a hashed, 10-minute code only when reference and mobile match this association's request", async () => {
    const phone = "+966551110001";
    const request = await makeRequest("qader", phone);
    const arabic = request.reference.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]).replace("-", " - ");
    const before = Date.now();
    const state = await ask("qader", arabic, "0551110001");
    expect(state).toEqual({ ok: true, notice: "track.codeSentIfMatch", data: { reference: request.reference } });
    const [code] = await codesOf(request.id);
    expect(code.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const [sms] = await smsTo(phone);
    const sent = codeIn(sms.body!);
    expect(code.codeHash).toBe(hashToken(sent));
    expect(code.codeHash).not.toContain(sent);
    expect(code.expiresAt.getTime() - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(code.expiresAt.getTime() - before).toBeLessThanOrEqual(10 * 60_000 + 5000);
  });

  it("answers a wrong mobile, an unknown reference and another association's reference exactly the same, sending nothing", async () => {
    const qader = await makeRequest("qader", "+966551110002");
    const alhilah = await makeRequest("alhilah", "+966551110003");
    const outboxBefore = await db.prisma.outboxMessage.count();
    const wrongMobile = await ask("qader", qader.reference, "0551119999");
    const otherAssociation = await ask("qader", alhilah.reference, "0551110003");
    const unknown = await ask("qader", "1448-99999", "0551110002");
    for (const [state, reference] of [[wrongMobile, qader.reference], [otherAssociation, alhilah.reference], [unknown, "1448-99999"]] as const) {
      expect(state).toEqual({ ok: true, notice: "track.codeSentIfMatch", data: { reference } });
    }
    expect(await db.prisma.outboxMessage.count()).toBe(outboxBefore);
    expect(await codesOf(qader.id)).toEqual([]);
    expect(await codesOf(alhilah.id)).toEqual([]);
    // The same details on Al-Hilah's own site do send a code.
    await ask("alhilah", alhilah.reference, "0551110003");
    expect(await codesOf(alhilah.id)).toHaveLength(1);
  });

  it("rejects malformed input with localized field errors", async () => {
    const state = await ask("qader", "hello", "12345");
    expect(state.fieldErrors).toEqual({ reference: "validation.referenceInvalid", mobile: "validation.phoneInvalid" });
    const code = await check("qader", "1448-00001", "12ab");
    expect(code.fieldErrors).toEqual({ code: "validation.trackingCodeFormat" });
  });

  it("accepts the right code once; it then dies, and a new code replaces an older one", async () => {
    const phone = "+966551110004";
    const request = await makeRequest("qader", phone);
    await ask("qader", request.reference, phone);
    const first = codeIn((await smsTo(phone))[0].body!);
    await ask("qader", request.reference, phone);
    const second = codeIn((await smsTo(phone))[1].body!);
    if (first !== second) expect(await check("qader", request.reference, first)).toEqual(INVALID);

    const ok = await check("qader", request.reference, second.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]));
    expect(ok.ok).toBe(true);
    expect(ok.notice).toBe("track.verified");
    const session = verifyTrackSession(ok.token, (await tenant(db.prisma, "qader")).id);
    expect(session?.requestId).toBe(request.id);
    const codes = await codesOf(request.id);
    expect(codes[1].usedAt).not.toBeNull();
    expect(codes[0].usedAt).toBeNull();
    expect(codes[0].expiresAt.getTime()).toBeLessThanOrEqual(codes[1].createdAt.getTime());

    // Single use.
    expect(await check("qader", request.reference, second)).toEqual(INVALID);
  });

  it("refuses an expired code", async () => {
    const phone = "+966551110005";
    const request = await makeRequest("qader", phone);
    const qader = await site("qader");
    expect(await requestCode(qader, { reference: request.reference, mobile: phone })).toBe(true);
    const code = codeIn((await smsTo(phone))[0].body!);
    const later = new Date(Date.now() + 10 * 60_000 + 1000);
    expect(await verifyCode(qader, { reference: request.reference, code }, later)).toBeNull();
    expect(await verifyCode(qader, { reference: request.reference, code })).not.toBeNull();
  });

  it(`allows ${MAX_ATTEMPTS} attempts per code, then even the right code is refused`, async () => {
    const phone = "+966551110006";
    const request = await makeRequest("qader", phone);
    await ask("qader", request.reference, phone);
    const code = codeIn((await smsTo(phone))[0].body!);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await check("qader", request.reference, wrong)).toEqual(INVALID);
    expect((await codesOf(request.id))[0].attempts).toBe(MAX_ATTEMPTS);
    expect(await check("qader", request.reference, code)).toEqual(INVALID);
    expect((await codesOf(request.id))[0].usedAt).toBeNull();
  });

  it("a code sent for Qader's request does not open it on Al-Hilah's site", async () => {
    const phone = "+966551110007";
    const request = await makeRequest("qader", phone);
    await ask("qader", request.reference, phone);
    const code = codeIn((await smsTo(phone))[0].body!);
    expect(await check("alhilah", request.reference, code)).toEqual(INVALID);
    expect((await codesOf(request.id))[0].usedAt).toBeNull();
  });

  it("rate limits per reference and per IP", async () => {
    const phone = "+966551110008";
    const request = await makeRequest("qader", phone);
    for (let i = 0; i < 5; i++) expect((await ask("qader", request.reference, phone)).ok).toBe(true);
    expect(await ask("qader", request.reference, phone)).toMatchObject({ error: "errors.RATE_LIMITED" });
    expect(await smsTo(phone)).toHaveLength(5);

    const ip = "192.0.2.77";
    for (let i = 0; i < 20; i++) expect((await ask("qader", `1448-${String(70_000 + i)}`, phone, ip)).ok).toBe(true);
    expect(await ask("qader", "1448-79999", phone, ip)).toMatchObject({ error: "errors.RATE_LIMITED" });
    expect(await check("qader", "1448-79999", "123456", ip)).toMatchObject({ error: "errors.RATE_LIMITED" });
  });

  it("refuses a tampered, expired or other association's session token", async () => {
    const qader = (await tenant(db.prisma, "qader")).id;
    const alhilah = (await tenant(db.prisma, "alhilah")).id;
    const request = await makeRequest("qader");
    const token = signTrackSession(qader, request.id);
    expect(verifyTrackSession(token, qader)).toMatchObject({ associationId: qader, requestId: request.id });

    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ associationId: qader, requestId: "00000000-0000-0000-0000-000000000000", expiresAt: Date.now() + 60_000 })).toString("base64url");
    expect(verifyTrackSession(`${forged}.${signature}`, qader)).toBeNull();
    expect(verifyTrackSession(`${payload}.${signature.slice(0, -2)}AA`, qader)).toBeNull();
    expect(verifyTrackSession(`${payload}.${signature}.x`, qader)).toBeNull();
    expect(verifyTrackSession(payload, qader)).toBeNull();
    expect(verifyTrackSession(undefined, qader)).toBeNull();
    expect(verifyTrackSession(token, qader, new Date(Date.now() + 30 * 60_000 + 1000))).toBeNull();
    expect(verifyTrackSession(token, alhilah)).toBeNull();
  });

  it("shows received, under study, the decision with its reason, registration, the due date — and nothing else", async () => {
    const qader = await tenant(db.prisma, "qader");
    const researcher = await demoUser(db.prisma, "qader", "RESEARCHER");
    const officer = await demoUser(db.prisma, "qader", "OFFICER");
    const submittedAt = new Date("2026-11-01T08:00:00Z");
    const request = await makeRequest("qader", PHONE, {
      submittedAt,
      dueAt: new Date("2026-11-20T20:59:59.999Z"),
      status: "REGISTERED",
      decision: "ACCEPT",
      decisionReason: "Meets the criteria",
      decidedAt: new Date("2026-11-10T09:00:00Z"),
      registeredAt: new Date("2026-11-12T09:00:00Z"),
      assigneeId: officer.id,
      researcherId: researcher.id,
    });
    const event = (type: string, createdAt: string, data: object, actorId = officer.id) =>
      db.prisma.requestEvent.create({ data: { associationId: qader.id, requestId: request.id, type, createdAt: new Date(createdAt), actorId, data } });
    await event("SUBMITTED", "2026-11-01T08:00:00Z", { channelKey: "WEBSITE" });
    await event("REFERRED_TO_RESEARCH", "2026-11-03T08:00:00Z", { researcherId: researcher.id });
    await event("RESEARCH_NOTE", "2026-11-04T08:00:00Z", { text: "Confidential research note" }, researcher.id);
    await event("SENT_TO_COMMITTEE", "2026-11-06T08:00:00Z", {});

    const view = (await trackingView(db.prisma, qader.id, request.id, new Date("2026-11-15T00:00:00Z")))!;
    expect(view).toEqual({
      reference: request.reference,
      receivedAt: submittedAt,
      underStudy: { at: new Date("2026-11-03T08:00:00Z") },
      decision: { outcome: "ACCEPTED", reason: "Meets the criteria", at: new Date("2026-11-10T09:00:00Z") },
      registeredAt: new Date("2026-11-12T09:00:00Z"),
      deliveredAt: null,
      dueAt: new Date("2026-11-20T20:59:59.999Z"),
      deadline: "MET",
    });
    // Another association cannot load it by id.
    expect(await trackingView(db.prisma, (await tenant(db.prisma, "alhilah")).id, request.id)).toBeNull();

    for (const [locale, messages] of [["ar", ar], ["en", en]] as const) {
      const html = renderToStaticMarkup(
        // A .ts file (no JSX): the provider's props type requires children among the props.
        // eslint-disable-next-line react/no-children-prop
        createElement(NextIntlClientProvider, { locale, messages, timeZone: "Asia/Riyadh", children: createElement(TrackTimeline, { view, locale }) }),
      );
      expect(html).toContain(request.reference);
      expect(html).toContain("Meets the criteria");
      for (const secret of [request.id, request.idNumber, request.applicantName, "Confidential research note", "Private description", researcher.name!, officer.name!, researcher.id, officer.id]) {
        expect(html).not.toContain(secret);
      }
    }
  });

  it("under study is absent while the request is still RECEIVED, and the deadline state is shown", async () => {
    const qader = await tenant(db.prisma, "qader");
    const request = await makeRequest("qader", PHONE, { dueAt: new Date(Date.now() - 86_400_000) });
    const view = (await trackingView(db.prisma, qader.id, request.id))!;
    expect(view.underStudy).toBeNull();
    expect(view.decision).toBeNull();
    expect(view.deadline).toBe("OVERDUE");
  });
});
