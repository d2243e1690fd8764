/** @jest-environment node */
import "../fast-bcrypt";
import { verifyCredentials, type SignInSite } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { isResetTokenOpen, requestPasswordReset, RESET_TTL_MS, resetPassword, resetSchema } from "@/lib/auth/reset";
import { hashToken } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db/client";
import { DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, demoEmail } from "@/lib/db/seed";
import { listOutbox } from "@/lib/notify/outbox";
import { platformUrl, tenantUrl } from "@/lib/tenancy/urls";
import { engineName, freshDatabase } from "../../helpers/db";
import { appError, hasMessage, seedWithAccounts, tenant } from "../fixtures";

let db: Database;
let qaderSite: SignInSite;
let alhilahSite: SignInSite;
const platform: SignInSite = { kind: "platform" };
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qaderSite = { kind: "tenant", associationId: (await tenant(db.prisma, "qader")).id };
  alhilahSite = { kind: "tenant", associationId: (await tenant(db.prisma, "alhilah")).id };
});
afterAll(() => db.close());

// Every test signs in from its own addresses, so that the per-IP counter of one test does not
// spill into another.
let ipCounter = 0;
const newIp = () => `192.0.2.${++ipCounter}`;

const signIn = (email: string, password: string, site: SignInSite, ip = newIp()) => verifyCredentials(db.prisma, { email, password }, site, ip);

describe(`verifyCredentials (${engineName()})`, () => {
  it("signs a member in on their association's site and records it", async () => {
    const email = demoEmail("qader", "ADMIN");
    const ip = newIp();
    const user = await signIn(email, DEMO_PASSWORD, qaderSite, ip);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toEqual({ id: stored.id, email, name: stored.name, sessionVersion: stored.sessionVersion });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.signed_in", ip } });
    expect(event).toMatchObject({ actorId: stored.id, associationId: (qaderSite as { associationId: string }).associationId, targetId: stored.id });
  });

  it("accepts the e-mail in any case and with spaces", async () => {
    expect(await signIn(`  ${demoEmail("qader", "BOARD").toUpperCase()} `, DEMO_PASSWORD, qaderSite)).not.toBeNull();
  });

  it("refuses the right password on another association's site", async () => {
    expect(await signIn(demoEmail("qader", "ADMIN"), DEMO_PASSWORD, alhilahSite)).toBeNull();
    expect(await signIn(demoEmail("alhilah", "ADMIN"), DEMO_PASSWORD, qaderSite)).toBeNull();
    expect(await signIn(demoEmail("alhilah", "ADMIN"), DEMO_PASSWORD, alhilahSite)).not.toBeNull();
  });

  it("signs an operator in on the platform only, and no member there", async () => {
    const ip = newIp();
    const operator = await signIn(DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, platform, ip);
    expect(operator).toMatchObject({ email: DEMO_OPERATOR_EMAIL });
    expect(await signIn(DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, qaderSite)).toBeNull();
    expect(await signIn(DEMO_OPERATOR_EMAIL, DEMO_PASSWORD, alhilahSite)).toBeNull();
    expect(await signIn(demoEmail("qader", "ADMIN"), DEMO_PASSWORD, platform)).toBeNull();
    // A platform sign-in belongs to no association.
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.signed_in", ip } });
    expect(event).toMatchObject({ actorId: operator!.id, associationId: null });
  });

  it("refuses a wrong password, an unknown account, a member without roles and malformed input", async () => {
    expect(await signIn(demoEmail("qader", "COMMITTEE"), "Wrong-password-1", qaderSite)).toBeNull();
    expect(await signIn("nobody@example.com", DEMO_PASSWORD, qaderSite)).toBeNull();
    expect(await verifyCredentials(db.prisma, { email: "not-an-email", password: DEMO_PASSWORD }, qaderSite, newIp())).toBeNull();
    expect(await verifyCredentials(db.prisma, { email: demoEmail("qader", "COMMITTEE") }, qaderSite, newIp())).toBeNull();
    expect(await verifyCredentials(db.prisma, null, qaderSite, newIp())).toBeNull();

    const email = demoEmail("alhilah", "RESEARCHER");
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const key = { associationId_userId: { associationId: (alhilahSite as { associationId: string }).associationId, userId: user.id } };
    await db.prisma.membership.update({ where: key, data: { roles: [] } });
    try {
      expect(await signIn(email, DEMO_PASSWORD, alhilahSite)).toBeNull();
    } finally {
      await db.prisma.membership.update({ where: key, data: { roles: ["RESEARCHER"] } });
    }
  });

  it("locks an account after 5 failures, even with the right password and from another address", async () => {
    const email = demoEmail("qader", "OFFICER");
    for (let i = 0; i < 5; i++) expect(await signIn(email, `Wrong-password-${i}`, qaderSite)).toBeNull();
    const error = await appError(signIn(email, DEMO_PASSWORD, qaderSite));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.status).toBe(429);
    expect(hasMessage(error.key)).toBe(true);
    // Other accounts are not affected.
    expect(await signIn(demoEmail("qader", "RESEARCHER"), DEMO_PASSWORD, qaderSite)).not.toBeNull();
    // The count is by account, whatever the case of the e-mail typed.
    expect((await appError(signIn(email.toUpperCase(), DEMO_PASSWORD, qaderSite))).code).toBe("RATE_LIMITED");
  });

  it("counts a failure on another association's site against the account too", async () => {
    const email = demoEmail("alhilah", "OFFICER");
    for (let i = 0; i < 5; i++) expect(await signIn(email, DEMO_PASSWORD, qaderSite)).toBeNull();
    expect((await appError(signIn(email, DEMO_PASSWORD, alhilahSite))).code).toBe("RATE_LIMITED");
  });

  it("lets 4 failures pass, and a success starts the count again", async () => {
    const email = demoEmail("alhilah", "COMMITTEE");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await signIn(email, "Wrong-password-1", alhilahSite)).toBeNull();
      // Without the reset, the second round would already be over the limit.
      expect(await signIn(email, DEMO_PASSWORD, alhilahSite)).not.toBeNull();
    }
    for (let i = 0; i < 5; i++) await signIn(email, "Wrong-password-1", alhilahSite);
    expect((await appError(signIn(email, DEMO_PASSWORD, alhilahSite))).code).toBe("RATE_LIMITED");
  });

  it("blocks an address after 20 failures, whatever the account; other addresses still sign in", async () => {
    const ip = newIp();
    for (let i = 0; i < 19; i++) expect(await signIn(`stranger${i}@example.com`, "Wrong-password-1", qaderSite, ip)).toBeNull();
    // 19 failures: still allowed (and a success does not clear the address's count).
    expect(await signIn(demoEmail("qader", "BOARD"), DEMO_PASSWORD, qaderSite, ip)).not.toBeNull();
    expect(await signIn("stranger19@example.com", "Wrong-password-1", qaderSite, ip)).toBeNull();
    const error = await appError(signIn(demoEmail("qader", "BOARD"), DEMO_PASSWORD, qaderSite, ip));
    expect(error.code).toBe("RATE_LIMITED");
    expect(await signIn(demoEmail("qader", "BOARD"), DEMO_PASSWORD, qaderSite, newIp())).not.toBeNull();
  });

  it("lifts the lock when the window has passed, and counts afresh", async () => {
    const email = demoEmail("alhilah", "BOARD");
    for (let i = 0; i < 5; i++) await signIn(email, "Wrong-password-1", alhilahSite);
    expect((await appError(signIn(email, DEMO_PASSWORD, alhilahSite))).code).toBe("RATE_LIMITED");
    // 15 minutes later (the counter row's expiry moved into the past).
    const past = new Date(Date.now() - 1000);
    expect(await db.prisma.rateLimiterFlexible.updateMany({ where: { key: `signInAccount:${email}` }, data: { expire: past } })).toEqual({ count: 1 });
    for (let i = 0; i < 4; i++) expect(await signIn(email, "Wrong-password-1", alhilahSite)).toBeNull();
    expect(await signIn(email, DEMO_PASSWORD, alhilahSite)).not.toBeNull();
  });

  it("keeps its counters in the database", async () => {
    const rows = await db.prisma.rateLimiterFlexible.findMany({ where: { key: { startsWith: "signInAccount" } } });
    expect(rows.map((r) => r.key)).toContain(`signInAccount:${demoEmail("qader", "OFFICER")}`);
  });
});

describe(`password reset (${engineName()})`, () => {
  const siteBase = tenantUrl("qader", "en");
  type Where = "qader" | "alhilah" | "platform";
  const associationOf = (slug: "qader" | "alhilah") => ((slug === "qader" ? qaderSite : alhilahSite) as { associationId: string }).associationId;
  const request = (email: string, extra: { ip?: string; now?: Date; where?: Where } = {}) => {
    const where = extra.where ?? "qader";
    return requestPasswordReset(db.prisma, {
      email,
      ip: extra.ip ?? newIp(),
      siteBase: where === "platform" ? platformUrl("en") : tenantUrl(where, "en"),
      associationId: where === "platform" ? null : associationOf(where),
      locale: "en",
      now: extra.now,
    });
  };
  const NEW_PASSWORD = "Brand-new-pass-2026";

  it("answers an unknown e-mail normally, and writes no reset and no e-mail", async () => {
    const resets = await db.prisma.passwordReset.count();
    const outbox = await db.prisma.outboxMessage.count();
    await expect(request("nobody-here@example.com")).resolves.toEqual({ userId: null });
    expect(await db.prisma.passwordReset.count()).toBe(resets);
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
  });

  it("e-mails a single-use link that changes the password and signs the user out everywhere", async () => {
    const email = demoEmail("qader", "RESEARCHER");
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const { userId, token } = await request(email);
    expect(userId).toBe(before.id);

    const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "passwordReset" } });
    expect(message.channel).toBe("EMAIL");
    expect(message.associationId).toBe(associationOf("qader"));
    expect(message.body).toContain(`${siteBase.replace(/\/$/, "")}/reset-password/${token}`);
    expect(message.body).toMatch(/https?:\/\/qader\.[^/]+\/en\/reset-password\/[A-Za-z0-9_-]{43}/);
    const stored = await db.prisma.passwordReset.findFirstOrThrow({ where: { userId: before.id } });
    expect(stored.tokenHash).toBe(hashToken(token!));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(RESET_TTL_MS - 60_000);
    expect(await isResetTokenOpen(db.prisma, token!)).toBe(true);

    const input = resetSchema.parse({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const result = await resetPassword(db.prisma, input);
    expect(result).toEqual({ id: before.id, email });

    const after = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash!)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, after.passwordHash!)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await signIn(email, DEMO_PASSWORD, qaderSite)).toBeNull();
    expect(await signIn(email, NEW_PASSWORD, qaderSite)).toMatchObject({ sessionVersion: before.sessionVersion + 1 });

    // Used once: the same link is dead, and changes nothing.
    expect(await isResetTokenOpen(db.prisma, token!)).toBe(false);
    const error = await appError(resetPassword(db.prisma, resetSchema.parse({ token, password: "Another-pass-2026", confirm: "Another-pass-2026" })));
    expect(error.code).toBe("RESET_INVALID");
    expect(hasMessage(error.key)).toBe(true);
    const again = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(again.passwordHash).toBe(after.passwordHash);
    expect(again.sessionVersion).toBe(after.sessionVersion);
  });

  it("on another association's site, answers like an unknown address and e-mails nothing", async () => {
    // Al-Hilah's admins read Al-Hilah's outbox: a link for a Qader account must never land there.
    const resets = await db.prisma.passwordReset.count();
    const outbox = await db.prisma.outboxMessage.count();
    for (const email of [demoEmail("qader", "ADMIN"), DEMO_OPERATOR_EMAIL]) {
      await expect(request(email, { where: "alhilah" })).resolves.toEqual({ userId: null });
    }
    expect(await db.prisma.passwordReset.count()).toBe(resets);
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
  });

  it("on the platform's site, e-mails a platform link that no association's outbox shows", async () => {
    const email = demoEmail("alhilah", "RESEARCHER");
    const { userId, token } = await request(email, { where: "platform" });
    expect(userId).not.toBeNull();
    const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "passwordReset" } });
    expect(message.associationId).toBeNull();
    expect(message.body).toContain(`${platformUrl("en").replace(/\/$/, "")}/reset-password/${token}`);
    const shown = await listOutbox(db.prisma, { associationId: associationOf("alhilah") });
    expect(shown.map((m) => m.id)).not.toContain(message.id);
  });

  it("kills every other link of the user once one is used", async () => {
    const email = demoEmail("alhilah", "COMMITTEE");
    const first = await request(email, { where: "alhilah" });
    const second = await request(email, { where: "alhilah" });
    await resetPassword(db.prisma, resetSchema.parse({ token: second.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(await isResetTokenOpen(db.prisma, first.token!)).toBe(false);
    const error = await appError(resetPassword(db.prisma, resetSchema.parse({ token: first.token, password: "Other-pass-2026", confirm: "Other-pass-2026" })));
    expect(error.code).toBe("RESET_INVALID");
  });

  it("keeps the text of reset e-mails out of the association's outbox page", async () => {
    const email = demoEmail("qader", "OFFICER");
    const { token } = await request(email);
    const shown = await listOutbox(db.prisma, { associationId: associationOf("qader") });
    const message = shown.find((m) => m.recipient === email && m.template === "passwordReset");
    expect(message).toBeDefined();
    expect(message!.body).toBeNull();
    expect(JSON.stringify(shown)).not.toContain(token!);
    const all = await listOutbox(db.prisma, { all: true });
    expect(all.find((m) => m.id === message!.id)!.body).toContain(token!);
  });

  it("refuses an expired link", async () => {
    const email = demoEmail("alhilah", "BOARD");
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const { token } = await request(email, { now: new Date(Date.now() - RESET_TTL_MS - 1000), where: "alhilah" });
    expect(await isResetTokenOpen(db.prisma, token!)).toBe(false);
    const error = await appError(resetPassword(db.prisma, resetSchema.parse({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })));
    expect(error.code).toBe("RESET_INVALID");
    expect(await db.prisma.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
  });

  it("expires a link after an hour", async () => {
    const now = new Date();
    const { token } = await request(demoEmail("alhilah", "ADMIN"), { now, where: "alhilah" });
    expect(await isResetTokenOpen(db.prisma, token!, new Date(now.getTime() + RESET_TTL_MS - 1000))).toBe(true);
    expect(await isResetTokenOpen(db.prisma, token!, new Date(now.getTime() + RESET_TTL_MS))).toBe(false);
    const input = resetSchema.parse({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await appError(resetPassword(db.prisma, input, new Date(now.getTime() + RESET_TTL_MS + 1)))).code).toBe("RESET_INVALID");
  });

  it.each([
    ["garbage", "nope"],
    ["a well-formed token nobody was sent", "A".repeat(43)],
  ])("refuses %s", async (_label, token) => {
    const input = resetSchema.parse({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await appError(resetPassword(db.prisma, input))).code).toBe("RESET_INVALID");
  });

  it("wants the password typed twice, and a strong one", () => {
    const differ = resetSchema.safeParse({ token: "t", password: NEW_PASSWORD, confirm: "Something-else-1" });
    expect(differ.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirm", "validation.passwordsDiffer"]]);
    const weak = resetSchema.safeParse({ token: "t", password: "weakweakweak", confirm: "weakweakweak" });
    expect(weak.error?.issues.map((i) => i.message)).toContain("validation.passwordWeak");
    expect(hasMessage("validation.passwordsDiffer")).toBe(true);
  });

  it("limits requests to 3 an hour per e-mail address and 10 per IP", async () => {
    const email = demoEmail("alhilah", "OFFICER");
    for (let i = 0; i < 3; i++) expect((await request(email, { where: "alhilah" })).userId).not.toBeNull();
    const resets = await db.prisma.passwordReset.count();
    expect((await appError(request(email, { where: "alhilah" }))).code).toBe("RATE_LIMITED");
    expect(await db.prisma.passwordReset.count()).toBe(resets);

    const ip = newIp();
    for (let i = 0; i < 10; i++) await request(`someone${i}@example.com`, { ip });
    expect((await appError(request(demoEmail("alhilah", "COMMITTEE"), { ip }))).code).toBe("RATE_LIMITED");
  });
});
