/** @jest-environment node */
import "../fast-bcrypt";
import type { z } from "zod";
import { resolveAccess, runAction, type Scope, type Service } from "@/lib/auth/access";
import { consume } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { computeDueAt } from "@/lib/requests/due-date";
import { withCheckDigit } from "@/lib/requests/identity";
import * as intakeActions from "@/lib/requests/intake-actions";
import { submitRequest } from "@/lib/requests/intake";
import { intakeSchema } from "@/lib/requests/intake-schema";
import { holidaySet } from "@/lib/requests/settings";
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { engineName, freshDatabase } from "../../helpers/db";
import { demoUser, hasMessage, seedWithAccounts, tenant, type Slug } from "../fixtures";

// The intake as the app runs it: the real server actions with the Next.js binding replaced by
// the guard's core (permission → zod → service in a transaction → audit), on a real database.

jest.mock("@/lib/auth/guard", () => ({ guardedAction: (scope: unknown, schema: unknown, service: unknown) => ({ scope, schema, service }) }));

type Bound = { scope: Scope; schema: z.ZodType; service: Service<z.ZodType> };
const PUBLIC = intakeActions.submitRequestAction as unknown as Bound;
const STAFF = intakeActions.enterRequestAction as unknown as Bound;

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const seedPolicy = (slug: string) => SEED_ASSOCIATIONS.find((a) => a.slug === slug)!.policy;

/** A valid national ID from a sequence number (Luhn check digit appended). */
const nationalId = (n: number) => withCheckDigit(`1${String(n).padStart(8, "0")}`);
let serial = 1000;
const next = () => ++serial;
const phoneOf = (n: number) => `055${String(n).padStart(7, "0")}`;
const ipOf = (n: number) => `198.51.${Math.floor(n / 250) % 250}.${n % 250}`;

/** A valid form for `slug`, with a fresh ID and phone unless given. */
function form(slug: Slug, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return {
    applicantName: "سارة محمد العتيبي",
    idType: "NATIONAL_ID",
    idNumber: nationalId(n),
    phone: phoneOf(n),
    email: "",
    city: "الرياض",
    householdSize: "5",
    supportTypeKey: slug === "qader" ? "counseling" : "food-basket",
    description: "أحتاج إلى دعم للأسرة بعد فقدان العمل هذا الشهر.",
    channelKey: "WEBSITE",
    privacyConsent: "on",
    ...(slug === "qader" ? { healthConsent: "on" } : {}),
    accuracyDeclaration: "on",
    website: "",
    ...overrides,
  };
}

type State = { ok?: boolean; error?: string; fieldErrors?: Record<string, string>; data?: Record<string, string>; values?: Record<string, unknown> };

/** Runs an action on `slug`'s site. null = the guard refused access (the app answers 404). */
async function run(slug: string, action: Bound, raw: Record<string, unknown>, options: { actor?: SessionUser | null; locale?: "ar" | "en"; ip?: string } = {}): Promise<State | null> {
  const site = { kind: "tenant" as const, tenant: await tenant(db.prisma, slug) };
  const access = await resolveAccess(db.prisma, site, options.actor ?? null, action.scope);
  if (!access) return null;
  const { state } = await runAction(db.prisma, access, { locale: options.locale ?? "ar", ip: options.ip ?? ipOf(next()) }, action.schema, action.service, raw);
  for (const key of [state.error, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) {
    expect({ key, inBothLanguages: hasMessage(key) }).toEqual({ key, inBothLanguages: true });
  }
  return state;
}
const apply = (slug: Slug, raw: Record<string, unknown>, options: { locale?: "ar" | "en"; ip?: string } = {}) => run(slug, PUBLIC, raw, options) as Promise<State>;

/** Rows in every table a submission writes. */
async function counts() {
  const p = db.prisma;
  return {
    requests: await p.supportRequest.count(),
    steps: await p.requestStep.count(),
    events: await p.requestEvent.count(),
    outbox: await p.outboxMessage.count(),
    counters: await p.referenceCounter.count(),
    counterTotal: (await p.referenceCounter.aggregate({ _sum: { last: true } }))._sum.last ?? 0,
    audit: await p.auditEvent.count(),
  };
}

const findRequest = async (slug: Slug, reference: string) => {
  const associationId = (await tenant(db.prisma, slug)).id;
  return db.prisma.supportRequest.findUniqueOrThrow({
    where: { associationId_reference: { associationId, reference } },
    include: { steps: { orderBy: { position: "asc" } }, events: true },
  });
};

describe(`intake on ${engineName()}`, () => {
  it("records a valid request with the policy's steps, its timeline event and the confirmations", async () => {
    const raw = form("alhilah", { email: "sara@example.org" });
    const state = await apply("alhilah", raw, { locale: "en" });
    expect(state).toMatchObject({ ok: true });
    const reference = state.data!.reference;
    expect(reference).toMatch(/^1\d{3}-\d{5}$/);

    const request = await findRequest("alhilah", reference);
    const policy = seedPolicy("alhilah");
    const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: request.associationId, status: "PUBLISHED" } });
    expect(request).toMatchObject({
      policyVersionId: version.id,
      channelKey: "WEBSITE",
      supportTypeKey: "food-basket",
      idType: "NATIONAL_ID",
      idNumber: raw.idNumber,
      phone: `+966${String(raw.phone).slice(1)}`,
      email: "sara@example.org",
      householdSize: 5,
      status: "RECEIVED",
      privacyNoticeVersion: 1,
      healthConsent: null, // Al-Hilah's service is not health-related
      enteredById: null,
    });
    expect(request.accuracyDeclaredAt.getTime()).toBe(request.submittedAt.getTime());
    expect(state.data!.dueAt).toBe(request.dueAt.toISOString());
    expect(request.steps.map((s) => ({ position: s.position, key: s.key, textAr: s.textAr, textEn: s.textEn, doneAt: s.doneAt }))).toEqual(
      policy.procedure.steps.map((s, i) => ({ position: i, key: s.key ?? null, textAr: s.text.ar, textEn: s.text.en ?? null, doneAt: null })),
    );
    expect(request.events).toEqual([expect.objectContaining({ type: "SUBMITTED", actorId: null, data: { channelKey: "WEBSITE" } })]);

    const outbox = await db.prisma.outboxMessage.findMany({ where: { associationId: request.associationId, template: "requestReceived" }, orderBy: { channel: "asc" } });
    expect(outbox.map((m) => [m.channel, m.recipient])).toEqual([
      ["EMAIL", "sara@example.org"],
      ["SMS", request.phone],
    ]);
    for (const message of outbox) {
      expect(message.body).toContain(reference);
      expect(message.body).toContain("http://alhilah.localhost:3000/en/track");
    }
    expect(outbox.find((m) => m.channel === "EMAIL")!.body).toContain("Hello سارة محمد العتيبي");
    expect(await db.prisma.auditEvent.count({ where: { action: "request.submitted", targetId: request.id } })).toBe(1);
  });

  it("writes the SMS in Arabic for an Arabic submitter, and no e-mail without an address", async () => {
    const state = await apply("qader", form("qader"));
    const request = await findRequest("qader", state.data!.reference);
    expect(request.healthConsent).toBe(true); // Qader asks for it
    const outbox = await db.prisma.outboxMessage.findMany({ where: { associationId: request.associationId, recipient: request.phone } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].channel).toBe("SMS");
    expect(outbox[0].body).toContain("استلمنا طلبك");
    expect(outbox[0].body).toContain("http://qader.localhost:3000/track");
  });

  it("accepts Arabic-Indic digits in the ID, the mobile and the household size", async () => {
    const n = next();
    const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const state = await apply("alhilah", form("alhilah", { idNumber: arabic(nationalId(n)), phone: arabic(phoneOf(n)), householdSize: "١٢" }));
    const request = await findRequest("alhilah", state.data!.reference);
    expect(request).toMatchObject({ idNumber: nationalId(n), phone: `+96655${String(n).padStart(7, "0")}`, householdSize: 12 });
  });

  it("computes the due date from each seed policy's deadline", async () => {
    // Tuesday 24 November 2026, noon in Riyadh.
    const now = new Date("2026-11-24T09:00:00Z");
    const due = async (slug: Slug) => {
      const t = await tenant(db.prisma, slug);
      const input = intakeSchema.parse(form(slug));
      return db.prisma.$transaction((tx) => submitRequest(tx, t, input, { now, locale: "ar", ip: ipOf(next()) }));
    };
    // Al-Hilah: two weeks.
    expect(seedPolicy("alhilah").responseDeadline).toMatchObject({ amount: 2, unit: "WEEKS", businessDays: false });
    const alhilah = await due("alhilah");
    expect(alhilah.created && alhilah.dueAt.toISOString()).toBe("2026-12-08T20:59:59.999Z");
    // Qader: one Umm al-Qura month: 14 Jumada al-Akhira → 14 Rajab 1448 = 23 December 2026.
    expect(seedPolicy("qader").responseDeadline).toMatchObject({ amount: 1, unit: "MONTHS", calendar: "HIJRI" });
    const qader = await due("qader");
    expect(qader.created && qader.dueAt.toISOString()).toBe("2026-12-23T20:59:59.999Z");
    // The same computation the product uses, with the association's holidays.
    const t = await tenant(db.prisma, "qader");
    expect(qader.created && qader.dueAt).toEqual(computeDueAt(now, seedPolicy("qader").responseDeadline, await holidaySet(db.prisma, t.id)));
  });

  describe("refusals write nothing", () => {
    const cases: [string, Slug, Record<string, unknown>, string][] = [
      ["applicantName", "alhilah", { applicantName: "س" }, "validation.nameLength"],
      ["applicantName", "alhilah", { applicantName: "ا".repeat(201) }, "validation.nameLength"],
      ["idType", "alhilah", { idType: "DRIVING_LICENCE" }, "validation.idTypeRequired"],
      ["idNumber", "alhilah", { idNumber: "1045678908" }, "validation.idNumberInvalid"],
      ["idNumber", "alhilah", { idType: "IQAMA", idNumber: "1045678909" }, "validation.idNumberInvalid"],
      ["idNumber", "alhilah", { idNumber: "" }, "validation.idNumberRequired"],
      ["phone", "alhilah", { phone: "0112345678" }, "validation.mobileInvalid"],
      ["phone", "alhilah", { phone: "05512" }, "validation.mobileInvalid"],
      ["email", "alhilah", { email: "not-an-email" }, "validation.emailInvalid"],
      ["city", "alhilah", { city: "" }, "validation.cityRequired"],
      ["householdSize", "alhilah", { householdSize: "0" }, "validation.householdSize"],
      ["householdSize", "alhilah", { householdSize: "٥١" }, "validation.householdSize"],
      ["householdSize", "alhilah", { householdSize: "two" }, "validation.householdSize"],
      ["supportTypeKey", "alhilah", { supportTypeKey: "" }, "validation.supportTypeRequired"],
      ["supportTypeKey", "alhilah", { supportTypeKey: "no-such-type" }, "validation.supportTypeRequired"],
      // Another association's support type (Qader's) is not one of Al-Hilah's.
      ["supportTypeKey", "alhilah", { supportTypeKey: "counseling" }, "validation.supportTypeRequired"],
      ["description", "alhilah", { description: "قصير" }, "validation.descriptionLength"],
      ["channelKey", "alhilah", { channelKey: "" }, "validation.channelRequired"],
      // Not one of the published policy's channels.
      ["channelKey", "alhilah", { channelKey: "FAX" }, "validation.channelRequired"],
      ["privacyConsent", "alhilah", { privacyConsent: undefined }, "validation.privacyConsentRequired"],
      ["accuracyDeclaration", "alhilah", { accuracyDeclaration: undefined }, "validation.accuracyRequired"],
      // Qader is health-related: the separate consent is required there.
      ["healthConsent", "qader", { healthConsent: undefined }, "validation.healthConsentRequired"],
    ];

    it.each(cases.map(([field, slug, overrides, key]) => [field, slug, key, overrides] as const))("%s on %s → %s (%#)", async (field, slug, key, overrides) => {
      const before = await counts();
      const state = await apply(slug, form(slug, overrides));
      expect(state.ok).toBeUndefined();
      expect(state.fieldErrors?.[field]).toBe(key);
      expect(state.values).toMatchObject({ applicantName: expect.any(String), city: expect.any(String) });
      expect(await counts()).toEqual(before);
    });

    it("does not ask for the health consent where the service is not health-related", async () => {
      const state = await apply("alhilah", form("alhilah", { healthConsent: undefined }));
      expect(state.ok).toBe(true);
    });

    it("refuses a filled honeypot as spam and stores nothing", async () => {
      const before = await counts();
      const state = await apply("alhilah", form("alhilah", { website: "http://cheap.example" }));
      expect(state).toMatchObject({ error: "errors.SPAM_SUSPECTED" });
      expect(state.ok).toBeUndefined();
      expect(await counts()).toEqual(before);
    });

    it("refuses every request of an association without a published policy", async () => {
      const empty = await db.prisma.association.create({ data: { slug: "no-policy", nameAr: "جمعية بلا سياسة", nameEn: "No policy" } });
      await db.prisma.supportType.create({ data: { associationId: empty.id, key: "food-basket", labelAr: "سلة غذائية" } });
      const before = await counts();
      const state = await run("no-policy", PUBLIC, form("alhilah"));
      expect(state).toMatchObject({ error: "errors.NO_PUBLISHED_POLICY" });
      expect(await counts()).toEqual(before);
    });
  });

  it("shows the open request's reference instead of creating a second one for the same ID", async () => {
    const raw = form("alhilah");
    const first = await apply("alhilah", raw);
    const before = await counts();
    // Same ID, typed differently, another phone.
    const second = await apply("alhilah", { ...form("alhilah"), idNumber: ` ${String(raw.idNumber).slice(0, 5)} ${String(raw.idNumber).slice(5)} ` });
    expect(second).toMatchObject({ ok: true, data: { existing: first.data!.reference } });
    expect(second.data!.reference).toBeUndefined();
    expect(await counts()).toEqual(before); // not even a reference number is used up
    // The same ID at another association is a new request there.
    const elsewhere = await apply("qader", { ...form("qader"), idNumber: raw.idNumber });
    expect(elsewhere.data!.reference).toMatch(/^1\d{3}-\d{5}$/);
    // Once the first request is closed, the same ID may apply again.
    await db.prisma.supportRequest.update({ where: { associationId_id: { associationId: (await tenant(db.prisma, "alhilah")).id, id: (await findRequest("alhilah", first.data!.reference)).id } }, data: { status: "DELIVERED" } });
    const again = await apply("alhilah", { ...form("alhilah"), idNumber: raw.idNumber });
    expect(again.data!.reference).toBeDefined();
  });

  it("limits submissions per phone (3 a day) and per IP (20 an hour)", async () => {
    const phone = phoneOf(next());
    for (let i = 0; i < 3; i++) expect(await apply("alhilah", form("alhilah", { phone }))).toMatchObject({ ok: true });
    const before = await counts();
    expect(await apply("alhilah", form("alhilah", { phone: `+966${phone.slice(1)}` }))).toMatchObject({ error: "errors.RATE_LIMITED" });
    expect(await counts()).toEqual(before);

    const ip = "192.0.2.77";
    for (let i = 0; i < 20; i++) await consume(db.prisma, "intakeIp", ip);
    expect(await apply("alhilah", form("alhilah"), { ip })).toMatchObject({ error: "errors.RATE_LIMITED" });
    expect(await counts()).toEqual(before);
  });

  describe("staff entry", () => {
    it("is for officers of this association who have attested the published policy", async () => {
      const officer = await demoUser(db.prisma, "alhilah", "OFFICER");
      const researcher = await demoUser(db.prisma, "alhilah", "RESEARCHER");
      const qaderOfficer = await demoUser(db.prisma, "qader", "OFFICER");
      const raw = form("alhilah", { channelKey: "IN_PERSON_INTERVIEW" });
      // No permission, another association's officer, signed out: the guard refuses (404).
      expect(await run("alhilah", STAFF, raw, { actor: researcher })).toBeNull();
      expect(await run("alhilah", STAFF, raw, { actor: qaderOfficer })).toBeNull();
      expect(await run("alhilah", STAFF, raw, { actor: null })).toBeNull();

      const t = await tenant(db.prisma, "alhilah");
      await db.prisma.policyAttestation.deleteMany({ where: { associationId: t.id, userId: officer.id } });
      const before = await counts();
      expect(await run("alhilah", STAFF, raw, { actor: officer })).toMatchObject({ error: "errors.NOT_ATTESTED" });
      expect(await counts()).toEqual(before);

      const version = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: t.id, status: "PUBLISHED" } });
      await db.prisma.policyAttestation.create({ data: { associationId: t.id, policyVersionId: version.id, userId: officer.id } });
      // Not limited by IP: an officer enters many requests from one desk.
      const ip = "192.0.2.88";
      for (let i = 0; i < 20; i++) await consume(db.prisma, "intakeIp", ip);
      const state = await run("alhilah", STAFF, raw, { actor: officer, ip });
      expect(state).toMatchObject({ ok: true });
      const request = await findRequest("alhilah", state!.data!.reference);
      expect(request).toMatchObject({ enteredById: officer.id, channelKey: "IN_PERSON_INTERVIEW" });
      expect(request.events).toEqual([expect.objectContaining({ type: "SUBMITTED", actorId: officer.id, data: { channelKey: "IN_PERSON_INTERVIEW", enteredBy: "STAFF" } })]);
      // Staff still only choose the policy's channels.
      expect(await run("alhilah", STAFF, form("alhilah", { channelKey: "FAX" }), { actor: officer })).toMatchObject({ fieldErrors: { channelKey: "validation.channelRequired" } });
    });
  });

  const onPostgres = process.env.DATABASE_URL ? it : it.skip;

  onPostgres("gives 50 parallel submissions 50 distinct references", async () => {
    const t = await tenant(db.prisma, "alhilah");
    const inputs = Array.from({ length: 50 }, () => intakeSchema.parse(form("alhilah")));
    const results = await Promise.all(
      inputs.map((input) =>
        db.prisma.$transaction((tx) => submitRequest(tx, t, input, { locale: "ar", ip: ipOf(next()) }), { maxWait: 60_000, timeout: 60_000 }),
      ),
    );
    const references = results.map((r) => (r.created ? r.reference : null));
    expect(references.every(Boolean)).toBe(true);
    expect(new Set(references).size).toBe(50);
  });

  onPostgres("makes one request of two parallel submissions with the same ID", async () => {
    const t = await tenant(db.prisma, "alhilah");
    const idNumber = nationalId(next());
    const inputs = [0, 1].map(() => intakeSchema.parse(form("alhilah", { idNumber })));
    const results = await Promise.all(
      inputs.map((input) => db.prisma.$transaction((tx) => submitRequest(tx, t, input, { locale: "ar", ip: ipOf(next()) }), { maxWait: 30_000, timeout: 30_000 })),
    );
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(1);
    expect(results.find((r) => !r.created)).toEqual({ created: false, existing: created[0].created && created[0].reference });
    expect(await db.prisma.supportRequest.count({ where: { associationId: t.id, idNumber } })).toBe(1);
  });
});
