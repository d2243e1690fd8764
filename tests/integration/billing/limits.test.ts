/** @jest-environment node */
import "../fast-bcrypt";
import type { Database } from "@/lib/db/client";
import type { Plan } from "@/lib/db/generated/enums";
import { addDomain } from "@/lib/associations/service";
import { noteRequestUsage, planOf, riyadhMonth, usageOf } from "@/lib/billing/limits";
import { runBillingGrace } from "@/lib/jobs/billing-grace";
import { tick, type TickState } from "@/lib/jobs/runner";
import * as memberActions from "@/lib/members/actions";
import { createInvitation } from "@/lib/members/invitations";
import * as surveyActions from "@/lib/surveys/builder-actions";
import { submitRequest } from "@/lib/requests/intake";
import { withCheckDigit } from "@/lib/requests/identity";
import { intakeSchema } from "@/lib/requests/intake-schema";
import { membersWithRole } from "@/lib/policy/repository";
import { seed } from "@/lib/db/seed";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound } from "../actions";
import { appError, demoUser, hasMessage, seedWithAccounts, sessionUser, tenant } from "../fixtures";
import { createRequest } from "../requests/handling-fixture";

// The plans' limits as the services enforce them, on a real database: a refusal names the plan
// and writes nothing; the public form never refuses but tells the admins once a month; a payment
// left unpaid past its grace falls back to Free, once.

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const INVITE = bound(memberActions.inviteMemberAction);
const CREATE_SURVEY = bound(surveyActions.createSurveyAction);

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const run = actionRunner(() => db.prisma);
const idOf = async (slug: string) => (await tenant(db.prisma, slug)).id;

let counter = 0;
/** A new association (no Subscription row: Free) with an admin and `others` more members. */
async function association(others = 0, plan?: Plan) {
  const n = ++counter;
  const slug = `limits-${n}`;
  const created = await db.prisma.association.create({ data: { slug, nameAr: `جمعية ${n}`, nameEn: `Association ${n}` } });
  for (let i = 0; i <= others; i++) {
    const user = await db.prisma.user.create({ data: { email: `m${i}@${slug}.test`, name: `Member ${i}` } });
    await db.prisma.membership.create({ data: { associationId: created.id, userId: user.id, roles: i === 0 ? ["ADMIN"] : ["OFFICER"] } });
  }
  if (plan) await db.prisma.subscription.create({ data: { associationId: created.id, plan, source: "STRIPE", stripeCustomerId: `cus_${n}` } });
  return { id: created.id, slug, admin: await sessionUser(db.prisma, `m0@${slug}.test`) };
}

/** What a refused action must leave untouched. */
const footprint = async (associationId: string) => ({
  invitations: await db.prisma.invitation.count({ where: { associationId } }),
  surveys: await db.prisma.survey.count({ where: { associationId } }),
  domains: await db.prisma.associationDomain.count({ where: { associationId } }),
  outbox: await db.prisma.outboxMessage.count({ where: { associationId } }),
  audit: await db.prisma.auditEvent.count({ where: { associationId } }),
});

const invite = (a: { slug: string; admin: Awaited<ReturnType<typeof sessionUser>> }, email: string) =>
  run(a.slug, a.admin, INVITE, { email, roles: ["OFFICER"] }, "en");

describe(`members (${engineName()})`, () => {
  it("Free: the 3rd member may be a pending invitation; the 4th is refused with the plan's limit and nothing written", async () => {
    const a = await association(1); // admin + one member
    expect((await invite(a, "third@x.test")).state.ok).toBe(true);
    const before = await footprint(a.id);
    const refused = await invite(a, "fourth@x.test");
    expect(refused.state.ok).toBeUndefined();
    expect(refused.state.fieldErrors?.email ?? refused.state.error).toBe("billing.limits.members.FREE");
    expect(await footprint(a.id)).toEqual(before);
    // Re-inviting the pending address replaces that invitation: still within the plan.
    expect((await invite(a, "third@x.test")).state.ok).toBe(true);
  });

  it("Free: expired and revoked invitations do not count", async () => {
    const a = await association(1);
    const past = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await createInvitation(db.prisma, { associationId: a.id, slug: a.slug, associationName: "x", email: "old@x.test", roles: ["OFFICER"], isChair: false, invitedById: null, locale: "ar", now: past });
    const revoked = await createInvitation(db.prisma, { associationId: a.id, slug: a.slug, associationName: "x", email: "rev@x.test", roles: ["OFFICER"], isChair: false, invitedById: null, locale: "ar" });
    await db.prisma.invitation.update({ where: { associationId_id: { associationId: a.id, id: revoked.invitation.id } }, data: { revokedAt: new Date() } });
    expect((await usageOf(db.prisma, a.id)).pendingInvitations).toBe(0);
    expect((await invite(a, "third@x.test")).state.ok).toBe(true);
    expect((await invite(a, "fourth@x.test")).state.fieldErrors?.email).toBe("billing.limits.members.FREE");
  });

  it("Standard: 15 members, the 16th refused", async () => {
    const a = await association(13, "STANDARD"); // 14 members
    expect((await invite(a, "fifteenth@x.test")).state.ok).toBe(true);
    const error = await appError(
      createInvitation(db.prisma, { associationId: a.id, slug: a.slug, associationName: "x", email: "sixteenth@x.test", roles: ["OFFICER"], isChair: false, invitedById: null, locale: "ar" }),
    );
    expect([error.code, error.key, error.status]).toEqual(["PLAN_LIMIT_MEMBERS", "billing.limits.members.STANDARD", 409]);
    expect(hasMessage(error.key)).toBe(true);
  });

  it("Plus is unlimited", async () => {
    const a = await association(15, "PLUS");
    expect((await invite(a, "seventeenth@x.test")).state.ok).toBe(true);
  });

  it("the demo tenants' granted Plus is unlimited (5 members + invitations)", async () => {
    const qader = await idOf("qader");
    expect(await planOf(db.prisma, qader)).toMatchObject({ plan: "PLUS", source: "GRANTED" });
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    for (const n of [1, 2, 3]) expect((await run("qader", admin, INVITE, { email: `extra${n}@qader.test`, roles: ["OFFICER"] })).state.ok).toBe(true);
  });

  it("a failed payment past its grace counts as Free at once", async () => {
    const a = await association(2, "STANDARD"); // 3 members
    expect((await invite(a, "fourth@x.test")).state.ok).toBe(true);
    await db.prisma.subscription.update({ where: { associationId: a.id }, data: { paymentFailedAt: new Date(Date.now() - 10 * 86400_000), graceEndsAt: new Date(Date.now() - 1000) } });
    expect((await invite(a, "fifth@x.test")).state.fieldErrors?.email).toBe("billing.limits.members.FREE");
  });
});

describe(`surveys and domains (${engineName()})`, () => {
  it("Free: one survey; the second is refused and nothing written", async () => {
    const a = await association();
    expect((await run(a.slug, a.admin, CREATE_SURVEY, { titleAr: "الأولى", titleEn: "" })).state.ok).toBe(true);
    const before = await footprint(a.id);
    const refused = await run(a.slug, a.admin, CREATE_SURVEY, { titleAr: "الثانية", titleEn: "" }, "en");
    expect(refused.state.error).toBe("billing.limits.surveys.FREE");
    expect(await footprint(a.id)).toEqual(before);
  });

  it("Standard: surveys are unlimited", async () => {
    const a = await association(0, "STANDARD");
    for (const title of ["أ", "ب", "ج"]) expect((await run(a.slug, a.admin, CREATE_SURVEY, { titleAr: `استبانة ${title}`, titleEn: "" })).state.ok).toBe(true);
  });

  it("custom domains: refused on Free (nothing written), allowed on Standard", async () => {
    const free = await association();
    const before = await footprint(free.id);
    const error = await appError(addDomain(db.prisma, { associationId: free.id, hostname: "care.example.org" }, "alaqa.test"));
    expect([error.code, error.field, error.key]).toEqual(["PLAN_LIMIT_DOMAIN", "hostname", "billing.limits.domain"]);
    expect(hasMessage(error.key)).toBe(true);
    expect(await footprint(free.id)).toEqual(before);

    const standard = await association(0, "STANDARD");
    await addDomain(db.prisma, { associationId: standard.id, hostname: "care.example.org" }, "alaqa.test");
    expect((await usageOf(db.prisma, standard.id)).customDomains).toBe(1);
  });
});

describe(`requests over the monthly limit (${engineName()})`, () => {
  const nationalId = (n: number) => withCheckDigit(`1${String(n).padStart(8, "0")}`);
  let serial = 5000;
  const submit = (slug: "qader" | "alhilah", now: Date) => {
    const n = ++serial;
    return tenant(db.prisma, slug).then((t) =>
      submitRequest(
        db.prisma,
        t,
        intakeSchema.parse({
          applicantName: "سارة محمد العتيبي",
          idType: "NATIONAL_ID",
          idNumber: nationalId(n),
          phone: `055${String(n).padStart(7, "0")}`,
          email: "",
          city: "الرياض",
          householdSize: "4",
          supportTypeKey: slug === "qader" ? "counseling" : "food-basket",
          description: "أحتاج إلى دعم للأسرة بعد فقدان العمل هذا الشهر.",
          channelKey: "WEBSITE",
          privacyConsent: "on",
          ...(slug === "qader" ? { healthConsent: "on" } : {}),
          accuracyDeclaration: "on",
          website: "",
        }),
        { locale: "ar", now },
      ),
    );
  };
  const overLimitMails = async (associationId: string) => db.prisma.outboxMessage.count({ where: { associationId, template: "billingOverLimit" } });

  it("Free: the 51st request of the Riyadh month is accepted, flags the month and mails the admins once; the next month again once", async () => {
    const qader = await idOf("qader");
    const alhilah = await idOf("alhilah");
    // Qader moves to Free (its own row); Al-Hilah keeps its granted Plus.
    await db.prisma.subscription.update({ where: { associationId: qader }, data: { plan: "FREE", source: "STRIPE" } });
    const now = new Date();
    const admins = (await membersWithRole(db.prisma, qader, ["ADMIN"])).length;
    const already = (await usageOf(db.prisma, qader, now)).requestsThisMonth;
    for (let i = already; i < 49; i++) await createRequest(db.prisma, qader, { submittedAt: now });

    expect((await submit("qader", now)).created).toBe(true); // the 50th: within the plan
    expect((await planOf(db.prisma, qader, now)).subscription?.overLimitMonth ?? null).toBeNull();
    expect(await overLimitMails(qader)).toBe(0);

    expect((await submit("qader", now)).created).toBe(true); // the 51st: accepted, flagged
    expect((await planOf(db.prisma, qader, now)).subscription).toMatchObject({ plan: "FREE", overLimitMonth: riyadhMonth(now) });
    expect(await overLimitMails(qader)).toBe(admins);
    const mail = await db.prisma.outboxMessage.findFirstOrThrow({ where: { associationId: qader, template: "billingOverLimit" } });
    expect(mail.body).toContain("51");
    expect(mail.body).toContain("/admin/billing");

    expect((await submit("qader", now)).created).toBe(true); // the 52nd: no second mail
    expect(await noteRequestUsage(db.prisma, qader, now)).toBe(false);
    expect(await overLimitMails(qader)).toBe(admins);

    // The next Riyadh month: counted afresh, flagged and mailed once more; with no row (Free
    // never paid) the flag creates one, still Free.
    await db.prisma.subscription.delete({ where: { associationId: qader } });
    const next = new Date(now.getTime() + 40 * 86400_000);
    for (let i = 0; i < 50; i++) await createRequest(db.prisma, qader, { submittedAt: next });
    expect((await submit("qader", next)).created).toBe(true);
    expect(await planOf(db.prisma, qader, next)).toMatchObject({ plan: "FREE", source: null, subscription: { plan: "FREE", overLimitMonth: riyadhMonth(next) } });
    expect(await overLimitMails(qader)).toBe(2 * admins);

    // Isolation: Al-Hilah's plan, flag and mail are its own.
    expect(await planOf(db.prisma, alhilah, now)).toMatchObject({ plan: "PLUS", source: "GRANTED", subscription: { overLimitMonth: null } });
    expect(await overLimitMails(alhilah)).toBe(0);
  });

  it("Plus (granted) is never flagged", async () => {
    const alhilah = await idOf("alhilah");
    const now = new Date();
    for (let i = 0; i < 51; i++) await createRequest(db.prisma, alhilah, { submittedAt: now });
    expect((await submit("alhilah", now)).created).toBe(true);
    expect((await planOf(db.prisma, alhilah, now)).subscription?.overLimitMonth).toBeNull();
    expect(await overLimitMails(alhilah)).toBe(0);
  });

  it("under the limit, a Free association without a row gets none", async () => {
    const a = await association();
    const now = new Date();
    expect(await noteRequestUsage(db.prisma, a.id, now)).toBe(false); // no requests: no row either
    expect(await db.prisma.subscription.count({ where: { associationId: a.id } })).toBe(0);
  });
});

describe(`grace (${engineName()})`, () => {
  it("the job downgrades a paid plan past its grace once, keeps the Stripe ids, audits and mails the admins once", async () => {
    const a = await association(0, "STANDARD");
    const ends = new Date("2026-03-10T09:00:00Z");
    await db.prisma.subscription.update({
      where: { associationId: a.id },
      data: { stripeSubscriptionId: "sub_1", paymentFailedAt: new Date("2026-03-03T09:00:00Z"), graceEndsAt: ends },
    });
    const alhilah = await idOf("alhilah");
    const alhilahBefore = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: alhilah } });

    expect(await runBillingGrace(db.prisma, ends)).toEqual({ downgraded: 0, emails: 0 }); // not yet passed
    expect((await planOf(db.prisma, a.id, ends)).plan).toBe("STANDARD");

    const after = new Date(ends.getTime() + 1);
    expect((await planOf(db.prisma, a.id, after)).plan).toBe("FREE"); // reads fall back at once
    expect(await runBillingGrace(db.prisma, after)).toEqual({ downgraded: 1, emails: 1 });
    expect(await runBillingGrace(db.prisma, new Date(after.getTime() + 86400_000))).toEqual({ downgraded: 0, emails: 0 });

    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: a.id } })).toMatchObject({
      plan: "FREE",
      stripeCustomerId: expect.stringMatching(/^cus_/),
      stripeSubscriptionId: "sub_1",
    });
    expect(await db.prisma.auditEvent.count({ where: { associationId: a.id, action: "billing.downgraded" } })).toBe(1);
    const mails = await db.prisma.outboxMessage.findMany({ where: { associationId: a.id, template: "billingDowngraded" } });
    expect(mails.map((m) => m.recipient)).toEqual([a.admin.email]);
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: alhilah } })).toEqual(alhilahBefore);
  });

  it("leaves alone a failed payment still in grace and a paid-up plan", async () => {
    const inGrace = await association(0, "PLUS");
    const now = new Date();
    await db.prisma.subscription.update({ where: { associationId: inGrace.id }, data: { paymentFailedAt: now, graceEndsAt: new Date(now.getTime() + 86400_000) } });
    const expiredButPaid = await association(0, "STANDARD");
    await db.prisma.subscription.update({ where: { associationId: expiredButPaid.id }, data: { paymentFailedAt: null, graceEndsAt: new Date(now.getTime() - 86400_000) } });
    await runBillingGrace(db.prisma, now);
    for (const a of [inGrace, expiredButPaid]) {
      expect(await db.prisma.auditEvent.count({ where: { associationId: a.id, action: "billing.downgraded" } })).toBe(0);
      expect(await db.prisma.outboxMessage.count({ where: { associationId: a.id } })).toBe(0);
    }
    expect((await planOf(db.prisma, inGrace.id, now)).plan).toBe("PLUS");
    expect((await planOf(db.prisma, expiredButPaid.id, now)).plan).toBe("STANDARD");
  });
});

describe(`grace in the in-process runner (${engineName()})`, () => {
  it("runs the grace job once a Riyadh day from 03:00", async () => {
    const a = await association(0, "PLUS");
    const at3 = new Date("2026-04-01T00:00:00Z"); // 03:00 Riyadh
    await db.prisma.subscription.update({ where: { associationId: a.id }, data: { paymentFailedAt: new Date("2026-03-20T00:00:00Z"), graceEndsAt: new Date("2026-03-27T00:00:00Z") } });
    const memory: TickState = { lastEscalation: Date.now(), digestDay: "2026-04-01", graceDay: null };
    await tick(db.prisma, new Date(at3.getTime() - 60_000), memory); // 02:59: not yet
    expect((await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: a.id } })).plan).toBe("PLUS");
    await tick(db.prisma, at3, memory);
    expect(memory.graceDay).toBe("2026-04-01");
    expect((await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: a.id } })).plan).toBe("FREE");
  });
});

describe(`seed (${engineName()})`, () => {
  it("grants Plus to the demo associations when missing and leaves an existing row alone", async () => {
    const alhilah = await idOf("alhilah");
    expect(await planOf(db.prisma, alhilah)).toMatchObject({ plan: "PLUS", source: "GRANTED" });
    const qader = await idOf("qader");
    const before = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: qader } });
    await db.prisma.subscription.delete({ where: { associationId: alhilah } });
    await seed(db.prisma);
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: qader } })).toEqual(before);
    expect(await planOf(db.prisma, alhilah)).toMatchObject({ plan: "PLUS", source: "GRANTED" });
  });

  it("a newly created association has no row: Free", async () => {
    const a = await association();
    expect(await planOf(db.prisma, a.id)).toEqual({ plan: "FREE", source: null, subscription: null });
  });
});
