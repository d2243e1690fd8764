/** @jest-environment node */
import "../fast-bcrypt";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { DEMO_PASSWORD, demoEmail } from "@/lib/db/seed";
import { runAction } from "@/lib/auth/access";
import { acceptInvitation, acceptSchema, createInvitation, findOpenInvitation, INVITATION_TTL_MS } from "@/lib/members/invitations";
import { listOpenInvitations, revokeInvitation } from "@/lib/members/service";
import type { Tenant } from "@/lib/tenancy/repository";
import { engineName, freshDatabase } from "../../helpers/db";
import { appError, demoUser, hasMessage, seedWithAccounts, tenant } from "../fixtures";

let db: Database;
let qader: Tenant;
let alhilah: Tenant;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qader = await tenant(db.prisma, "qader");
  alhilah = await tenant(db.prisma, "alhilah");
});
afterAll(() => db.close());

const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = "Strong-pass-2026";
let counter = 0;
const freshEmail = () => `invitee${++counter}-${Date.now()}@example.com`;

async function invite(association: Tenant, email: string, options: { roles?: Role[]; isChair?: boolean; now?: Date; locale?: "ar" | "en" } = {}) {
  const admin = await demoUser(db.prisma, association.slug as "qader" | "alhilah", "ADMIN");
  return createInvitation(db.prisma, {
    associationId: association.id,
    slug: association.slug,
    associationName: association.nameEn,
    email,
    roles: options.roles ?? ["OFFICER"],
    isChair: options.isChair ?? false,
    invitedById: admin.id,
    locale: options.locale ?? "en",
    now: options.now,
  });
}

const membership = (associationId: string, email: string) =>
  db.prisma.membership.findFirst({ where: { associationId, user: { email } }, select: { roles: true, isChair: true } });

async function expectInvalid(associationId: string, token: string, password = PASSWORD) {
  expect(await findOpenInvitation(db.prisma, associationId, token)).toBeNull();
  const error = await appError(acceptInvitation(db.prisma, associationId, { token, name: "Someone", password }));
  expect(error.code).toBe("INVITATION_INVALID");
  expect(hasMessage(error.key)).toBe(true);
}

describe(`invitations (${engineName()})`, () => {
  it("queues an e-mail with a single-use link on the association's own subdomain", async () => {
    const email = freshEmail();
    const { token, link, invitation } = await invite(qader, email, { roles: ["OFFICER", "RESEARCHER"] });
    expect(link).toMatch(new RegExp(`^https?://qader\\.[^/]+(:\\d+)?/en/invite/${token}$`));
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(INVITATION_TTL_MS - 60_000);

    const messages = await db.prisma.outboxMessage.findMany({ where: { recipient: email } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ associationId: qader.id, channel: "EMAIL", template: "invitation", status: "QUEUED" });
    expect(messages[0]!.body).toContain(link);
    expect(messages[0]!.subject).toContain(qader.nameEn);

    // Only the hash is stored.
    const stored = await db.prisma.invitation.findFirstOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("writes the Arabic e-mail for an Arabic invitation, with the link at the root path", async () => {
    const email = freshEmail();
    const { token } = await invite(alhilah, email, { locale: "ar" });
    const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email } });
    expect(message.body).toMatch(new RegExp(`https?://alhilah\\.[^/]+(:\\d+)?/invite/${token}`));
    expect(message.body).toMatch(/\p{Script=Arabic}/u);
    expect(message.associationId).toBe(alhilah.id);
  });

  it("lets a new person join with the invited roles, once", async () => {
    const email = freshEmail();
    const { token, invitation } = await invite(qader, email, { roles: ["OFFICER", "RESEARCHER"] });
    expect(await findOpenInvitation(db.prisma, qader.id, token)).toMatchObject({ email, existingUser: false, roles: ["OFFICER", "RESEARCHER"] });

    const joined = await acceptInvitation(db.prisma, qader.id, { token, name: "New Officer", password: PASSWORD });
    expect(joined).toMatchObject({ email, invitationId: invitation.id, roles: ["OFFICER", "RESEARCHER"] });

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.id).toBe(joined.userId);
    expect(user.name).toBe("New Officer");
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(true);
    expect(user.passwordHash).toMatch(/^\$2[aby]\$04\$/); // BCRYPT_COST took effect
    expect(await membership(qader.id, email)).toEqual({ roles: ["OFFICER", "RESEARCHER"], isChair: false });
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { id: invitation.id } })).acceptedAt).not.toBeNull();
    expect((await listOpenInvitations(db.prisma, qader.id)).map((i) => i.id)).not.toContain(invitation.id);

    // The same link again: refused, and nothing changes.
    const usersBefore = await db.prisma.user.count();
    await expectInvalid(qader.id, token);
    expect(await db.prisma.user.count()).toBe(usersBefore);
  });

  it("refuses an expired invitation", async () => {
    const email = freshEmail();
    const { token } = await invite(qader, email, { now: new Date(Date.now() - 8 * DAY) });
    await expectInvalid(qader.id, token);
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it("accepts an invitation a moment before it expires, and refuses it a moment after", async () => {
    const created = new Date(Date.now() - DAY);
    const { token } = await invite(qader, freshEmail(), { now: created });
    const expires = created.getTime() + INVITATION_TTL_MS;
    expect(await findOpenInvitation(db.prisma, qader.id, token, new Date(expires - 1000))).not.toBeNull();
    expect(await findOpenInvitation(db.prisma, qader.id, token, new Date(expires))).toBeNull();
  });

  it("refuses a revoked invitation", async () => {
    const email = freshEmail();
    const { token, invitation } = await invite(qader, email);
    await revokeInvitation(db.prisma, qader.id, invitation.id);
    await expectInvalid(qader.id, token);
    expect(await membership(qader.id, email)).toBeNull();
  });

  it("does not let one association revoke another's invitation", async () => {
    const { token, invitation } = await invite(qader, freshEmail());
    expect((await appError(revokeInvitation(db.prisma, alhilah.id, invitation.id))).code).toBe("NOT_FOUND");
    expect(await findOpenInvitation(db.prisma, qader.id, token)).not.toBeNull();
  });

  it("revokes the older invitation when the same address is invited again", async () => {
    const email = freshEmail();
    const first = await invite(qader, email, { roles: ["OFFICER"] });
    const second = await invite(qader, email, { roles: ["COMMITTEE"] });
    await expectInvalid(qader.id, first.token);
    const joined = await acceptInvitation(db.prisma, qader.id, { token: second.token, name: "Second", password: PASSWORD });
    expect(joined.roles).toEqual(["COMMITTEE"]);
  });

  it("works only on the association that issued it", async () => {
    const email = freshEmail();
    const { token } = await invite(qader, email);
    await expectInvalid(alhilah.id, token);
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
    // Still open on its own site.
    expect(await findOpenInvitation(db.prisma, qader.id, token)).not.toBeNull();
  });

  it.each([
    ["a random well-formed token", () => newToken()],
    ["garbage", () => "not-a-token"],
    ["an empty string", () => ""],
    ["a token with a stray character", () => newToken().slice(0, 42) + "!"],
  ])("refuses %s", async (_label, token) => {
    await expectInvalid(qader.id, token());
  });

  it("refuses a token's stored hash used as the token", async () => {
    const { token } = await invite(qader, freshEmail());
    await expectInvalid(qader.id, hashToken(token));
  });

  it("asks an existing account for its password and changes nothing when it is wrong", async () => {
    const email = demoEmail("qader", "OFFICER");
    const { token, invitation } = await invite(alhilah, email, { roles: ["RESEARCHER"] });
    expect((await findOpenInvitation(db.prisma, alhilah.id, token))?.existingUser).toBe(true);
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email } });

    const error = await appError(acceptInvitation(db.prisma, alhilah.id, { token, name: "Ignored", password: "Wrong-pass-2026" }));
    expect(error.code).toBe("WRONG_PASSWORD");
    expect(error.field).toBe("password");
    expect(hasMessage(error.key)).toBe(true);

    expect(await db.prisma.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
    expect(await membership(alhilah.id, email)).toBeNull();
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
    expect(await findOpenInvitation(db.prisma, alhilah.id, token)).not.toBeNull();
  });

  it("lets an existing account join with its own password, which it keeps", async () => {
    const email = demoEmail("qader", "BOARD");
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const { token } = await invite(alhilah, email, { roles: ["COMMITTEE"] });

    const joined = await acceptInvitation(db.prisma, alhilah.id, { token, name: "Not my name", password: DEMO_PASSWORD });
    expect(joined.userId).toBe(before.id);

    const after = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.name).toBe(before.name);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await membership(alhilah.id, email)).toEqual({ roles: ["COMMITTEE"], isChair: false });
    // Its membership in Qader is untouched.
    expect(await membership(qader.id, email)).toEqual({ roles: ["BOARD"], isChair: true });
  });

  it("counts wrong passwords against the account's sign-in limit, even though the action rolls back", async () => {
    const email = demoEmail("qader", "COMMITTEE");
    const { token } = await invite(alhilah, email, { roles: ["OFFICER"] });
    const access = { tenant: alhilah, user: null, member: null };
    const accept = (password: string) =>
      runAction(db.prisma, access, { locale: "en", ip: "198.51.100.7" }, acceptSchema, async (ctx, input) => {
        const joined = await acceptInvitation(ctx.db, alhilah.id, input);
        return { audit: { action: "member.joined", target: { type: "User", id: joined.userId } } };
      }, { token, password });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await accept("Wrong-guess-2026")).state.fieldErrors).toEqual({ password: "errors.WRONG_PASSWORD" });
    }
    // The sixth try is refused before the password is even checked, right or wrong.
    expect((await accept(DEMO_PASSWORD)).state.error).toBe("errors.RATE_LIMITED");
    expect(await membership(alhilah.id, email)).toBeNull();
  });

  it("rejects a weak password for a new account with a validation key, and writes no user", async () => {
    const email = freshEmail();
    const { token, invitation } = await invite(qader, email);
    const users = await db.prisma.user.count();
    for (const [password, key] of [
      ["short1!", "validation.passwordTooShort"],
      ["onlyletterslong", "validation.passwordWeak"],
      ["ب".repeat(36) + "1!", "validation.passwordTooLong"],
    ]) {
      const error = await appError(acceptInvitation(db.prisma, qader.id, { token, name: "Weak", password }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.field).toBe("password");
      expect(error.key).toBe(key);
      expect(hasMessage(error.key)).toBe(true);
    }
    expect(await db.prisma.user.count()).toBe(users);
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
  });

  it("asks a new account for its name", async () => {
    const email = freshEmail();
    const { token } = await invite(qader, email);
    const error = await appError(acceptInvitation(db.prisma, qader.id, { token, password: PASSWORD }));
    expect(error).toMatchObject({ code: "INVALID_INPUT", field: "name" });
    expect(hasMessage(error.key)).toBe(true);
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it("refuses to invite someone who is already a member", async () => {
    const email = demoEmail("qader", "RESEARCHER");
    const invitations = await db.prisma.invitation.count();
    const outbox = await db.prisma.outboxMessage.count();
    const error = await appError(invite(qader, email));
    expect(error).toMatchObject({ code: "ALREADY_MEMBER", field: "email" });
    expect(hasMessage(error.key)).toBe(true);
    expect(await db.prisma.invitation.count()).toBe(invitations);
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
  });

  it("makes an invited chair the only chair", async () => {
    const email = freshEmail();
    const { token } = await invite(alhilah, email, { roles: ["BOARD"], isChair: true });
    await acceptInvitation(db.prisma, alhilah.id, { token, name: "New Chair", password: PASSWORD });
    const chairs = await db.prisma.membership.findMany({ where: { associationId: alhilah.id, isChair: true }, select: { user: { select: { email: true } } } });
    expect(chairs.map((c) => c.user.email)).toEqual([email]);
  });

  it("does not make a chair of someone invited without the board role", async () => {
    const { invitation } = await invite(alhilah, freshEmail(), { roles: ["OFFICER"], isChair: true });
    expect((await db.prisma.invitation.findFirstOrThrow({ where: { id: invitation.id } })).isChair).toBe(false);
  });

  it("records who invited, and can bring in a second admin", async () => {
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    const email = freshEmail();
    const { token } = await invite(qader, email, { roles: ["ADMIN"] });
    const joined = await acceptInvitation(db.prisma, qader.id, { token, name: "Second Admin", password: PASSWORD });
    expect(joined.roles).toEqual(["ADMIN"]);
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation.invitedById).toBe(admin.id);
  });
});
