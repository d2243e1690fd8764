/** @jest-environment node */
import "../fast-bcrypt";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { memberOf, resolveAccess, runAction, type Access, type Service } from "@/lib/auth/access";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { createInvitation } from "@/lib/members/invitations";
import { changeRoles, changeRolesSchema, inviteSchema, removeMember } from "@/lib/members/service";
import { engineName, freshDatabase } from "../../helpers/db";
import { demoUser, hasMessage, operatorUser, seedWithAccounts, tenant } from "../fixtures";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const tenantSite = async (slug: string) => ({ kind: "tenant" as const, tenant: await tenant(db.prisma, slug) });
const platform = { kind: "platform" as const };

describe(`resolveAccess (${engineName()})`, () => {
  const grid = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, ROLE_PERMISSIONS[role].includes(permission)] as const));

  it.each(grid)("a %s of Qader asking for %s on Qader's site: allowed = %s", async (role, permission, allowed) => {
    const site = await tenantSite("qader");
    const user = await demoUser(db.prisma, "qader", role);
    const access = await resolveAccess(db.prisma, site, user, { permission });
    if (!allowed) {
      expect(access).toBeNull();
      return;
    }
    expect(access).not.toBeNull();
    expect(access!.tenant!.id).toBe(site.tenant.id);
    expect(access!.user!.id).toBe(user.id);
    expect(access!.member!.roles).toEqual([role]);
    expect(access!.member!.tenant.slug).toBe("qader");
    expect(access!.member!.isChair).toBe(role === "BOARD");
  });

  it.each(ROLES)("a %s of Qader gets nothing on Al-Hilah's site", async (role) => {
    const site = await tenantSite("alhilah");
    const user = await demoUser(db.prisma, "qader", role);
    for (const permission of PERMISSIONS) {
      expect(await resolveAccess(db.prisma, site, user, { permission })).toBeNull();
    }
  });

  it("gives Al-Hilah's own admin access on Al-Hilah's site (the refusal above is about the site, not the role)", async () => {
    const access = await resolveAccess(db.prisma, await tenantSite("alhilah"), await demoUser(db.prisma, "alhilah", "ADMIN"), {
      permission: "members.manage",
    });
    expect(access?.member?.tenant.slug).toBe("alhilah");
  });

  it("refuses every permission signed out, and on the platform's site", async () => {
    const site = await tenantSite("qader");
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    for (const permission of PERMISSIONS) {
      expect(await resolveAccess(db.prisma, site, null, { permission })).toBeNull();
      expect(await resolveAccess(db.prisma, platform, admin, { permission })).toBeNull();
    }
  });

  it("refuses an unknown association (tenant null) even for public pages", async () => {
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    expect(await resolveAccess(db.prisma, { kind: "tenant", tenant: null }, admin, { permission: "console.view" })).toBeNull();
    expect(await resolveAccess(db.prisma, { kind: "tenant", tenant: null }, null, { public: true })).toBeNull();
  });

  it("lets anyone in to public scope, signed out or not, without membership", async () => {
    const site = await tenantSite("qader");
    expect(await resolveAccess(db.prisma, site, null, { public: true })).toEqual({ tenant: site.tenant, user: null, member: null });
    const stranger = await demoUser(db.prisma, "alhilah", "OFFICER");
    expect(await resolveAccess(db.prisma, site, stranger, { public: true })).toEqual({ tenant: site.tenant, user: stranger, member: null });
    expect(await resolveAccess(db.prisma, platform, null, { public: true })).toEqual({ tenant: null, user: null, member: null });
  });

  it("gives operator scope only to an operator, only on the platform's site", async () => {
    const operator = await operatorUser(db.prisma);
    expect(operator.isOperator).toBe(true);
    expect(await resolveAccess(db.prisma, platform, operator, { operator: true })).toEqual({ tenant: null, user: operator, member: null });
    expect(await resolveAccess(db.prisma, await tenantSite("qader"), operator, { operator: true })).toBeNull();
    expect(await resolveAccess(db.prisma, platform, await demoUser(db.prisma, "qader", "ADMIN"), { operator: true })).toBeNull();
    expect(await resolveAccess(db.prisma, platform, null, { operator: true })).toBeNull();
  });

  it("does not make an operator a member of any association", async () => {
    const operator = await operatorUser(db.prisma);
    for (const permission of PERMISSIONS) {
      expect(await resolveAccess(db.prisma, await tenantSite("qader"), operator, { permission })).toBeNull();
    }
  });

  it("refuses a membership with no roles left", async () => {
    const site = await tenantSite("qader");
    const user = await demoUser(db.prisma, "qader", "RESEARCHER");
    const key = { associationId_userId: { associationId: site.tenant.id, userId: user.id } };
    await db.prisma.membership.update({ where: key, data: { roles: [] } });
    try {
      expect(await resolveAccess(db.prisma, site, user, { permission: "console.view" })).toBeNull();
    } finally {
      await db.prisma.membership.update({ where: key, data: { roles: ["RESEARCHER"] } });
    }
    expect(await resolveAccess(db.prisma, site, user, { permission: "console.view" })).not.toBeNull();
  });

  it("refuses everyone on a suspended association, its admin included, and its public pages", async () => {
    const admin = await demoUser(db.prisma, "alhilah", "ADMIN");
    await db.prisma.association.update({ where: { slug: "alhilah" }, data: { status: "SUSPENDED" } });
    try {
      const site = await tenantSite("alhilah");
      expect(site.tenant.status).toBe("SUSPENDED");
      for (const permission of PERMISSIONS) expect(await resolveAccess(db.prisma, site, admin, { permission })).toBeNull();
      expect(await resolveAccess(db.prisma, site, admin, { public: true })).toBeNull();
    } finally {
      await db.prisma.association.update({ where: { slug: "alhilah" }, data: { status: "ACTIVE" } });
    }
    expect(await resolveAccess(db.prisma, await tenantSite("alhilah"), admin, { permission: "console.view" })).not.toBeNull();
  });

  it("memberOf (used alone by getMember) refuses a suspended association too", async () => {
    const site = await tenantSite("qader");
    const admin = await demoUser(db.prisma, "qader", "ADMIN");
    expect(await memberOf(db.prisma, site.tenant, admin)).toMatchObject({ roles: ["ADMIN"], isChair: false });
    expect(await memberOf(db.prisma, { ...site.tenant, status: "SUSPENDED" }, admin)).toBeNull();
    expect(await memberOf(db.prisma, (await tenantSite("alhilah")).tenant, admin)).toBeNull();
  });
});

describe(`runAction (${engineName()})`, () => {
  const request = { locale: "en" as const, ip: "203.0.113.7" };

  async function adminAccess(slug: "qader" | "alhilah" = "qader"): Promise<Access> {
    const access = await resolveAccess(db.prisma, await tenantSite(slug), await demoUser(db.prisma, slug, "ADMIN"), {
      permission: "members.manage",
    });
    if (!access) throw new Error("admin has no access");
    return access;
  }

  async function counts() {
    return {
      audit: await db.prisma.auditEvent.count(),
      invitations: await db.prisma.invitation.count(),
      outbox: await db.prisma.outboxMessage.count(),
      memberships: await db.prisma.membership.count(),
    };
  }

  /** The invite action's service, as lib/members/actions.ts writes it. */
  const invite: Service<typeof inviteSchema> = async (ctx, input) => {
    const member = ctx.member!;
    const { invitation } = await createInvitation(ctx.db, {
      associationId: member.tenant.id,
      slug: member.tenant.slug,
      associationName: member.tenant.nameEn,
      email: input.email,
      roles: input.roles,
      isChair: input.isChair,
      invitedById: member.user.id,
      locale: ctx.locale,
    });
    return {
      notice: "members.invited",
      audit: { action: "member.invited", target: { type: "Invitation", id: invitation.id }, after: { email: input.email, roles: input.roles } },
    };
  };

  it("writes nothing and never calls the service when the input is rejected", async () => {
    const access = await adminAccess();
    const service = jest.fn(invite);
    const before = await counts();
    const { state, outcome } = await runAction(db.prisma, access, request, inviteSchema, service, {
      email: "not an e-mail",
      roles: ["ADMIN", "KING"],
      password: "should-not-echo",
    });
    expect(service).not.toHaveBeenCalled();
    expect(outcome).toBeUndefined();
    expect(state.ok).toBeUndefined();
    expect(state.fieldErrors).toEqual({ email: "validation.emailInvalid", "roles.1": "validation.roleInvalid" });
    for (const key of Object.values(state.fieldErrors!)) expect(hasMessage(key)).toBe(true);
    expect(state.values).toEqual({ email: "not an e-mail", roles: ["ADMIN", "KING"] });
    expect(await counts()).toEqual(before);
  });

  it("rolls back the service's writes and its audit event when the service throws an AppError", async () => {
    const access = await adminAccess();
    const admin = access.user!;
    const before = await counts();
    const { state, outcome } = await runAction(
      db.prisma,
      access,
      request,
      inviteSchema,
      async (ctx, input) => {
        // Writes an invitation, its e-mail and an audit event of its own…
        const result = await invite(ctx, input);
        await recordAudit(ctx.db, { associationId: access.tenant!.id, actorId: admin.id, action: "member.invited", ip: ctx.ip });
        // …then fails: Qader has one admin, who cannot be removed.
        await removeMember(ctx.db, access.tenant!.id, { roles: access.member!.roles }, admin.id);
        return result;
      },
      { email: "rollback@example.com", roles: "OFFICER" },
    );
    expect(outcome).toBeUndefined();
    expect(state).toEqual({ error: "errors.LAST_ADMIN", values: { email: "rollback@example.com", roles: "OFFICER" } });
    expect(hasMessage(state.error)).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await db.prisma.invitation.findFirst({ where: { email: "rollback@example.com" } })).toBeNull();
    expect(await db.prisma.outboxMessage.findFirst({ where: { recipient: "rollback@example.com" } })).toBeNull();
    expect(await db.prisma.membership.findUnique({ where: { associationId_userId: { associationId: access.tenant!.id, userId: admin.id } } })).not.toBeNull();
  });

  it("puts an AppError that names a field on that field", async () => {
    const access = await adminAccess();
    const before = await counts();
    const { state } = await runAction(
      db.prisma,
      access,
      request,
      changeRolesSchema,
      async (ctx, input) => {
        const change = await changeRoles(ctx.db, ctx.member!.tenant.id, { roles: ctx.member!.roles }, input);
        return { audit: { action: "member.roles_changed", target: { type: "User", id: input.userId }, ...change } };
      },
      { userId: access.user!.id, roles: "BOARD" },
    );
    expect(state.fieldErrors).toEqual({ roles: "errors.LAST_ADMIN" });
    expect(await counts()).toEqual(before);
  });

  it("rolls back the service's writes when writing its audit event fails (same transaction)", async () => {
    const access = await adminAccess();
    const before = await counts();
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { state } = await runAction(
        db.prisma,
        access,
        request,
        inviteSchema,
        async (ctx, input) => {
          const result = await invite(ctx, input);
          // The second event's action is too long for its column: the INSERT fails.
          return { ...result, audit: [result.audit as { action: string }, { action: "x".repeat(65) }] };
        },
        { email: "audit-fails@example.com", roles: "OFFICER" },
      );
      expect(state.error).toBe("errors.UNEXPECTED");
      expect(hasMessage(state.error)).toBe(true);
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect(await counts()).toEqual(before);
    expect(await db.prisma.invitation.findFirst({ where: { email: "audit-fails@example.com" } })).toBeNull();
  });

  it("commits the change with its audit event: actor, association, ip, target and a redacted summary", async () => {
    const access = await adminAccess();
    const before = await counts();
    const { state, outcome } = await runAction(db.prisma, access, request, inviteSchema, invite, {
      email: "  New.Officer@Example.com ",
      roles: ["OFFICER", "RESEARCHER"],
    });
    expect(state).toEqual({ ok: true, notice: "members.invited", data: undefined });
    expect(hasMessage(state.notice)).toBe(true);
    expect(outcome?.audit).toBeDefined();
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, invitations: before.invitations + 1, outbox: before.outbox + 1 });

    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { email: "new.officer@example.com" } });
    expect(invitation.associationId).toBe(access.tenant!.id);
    expect(invitation.roles).toEqual(["OFFICER", "RESEARCHER"]);

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: invitation.id } });
    expect(event).toMatchObject({
      action: "member.invited",
      actorId: access.user!.id,
      associationId: access.tenant!.id,
      ip: "203.0.113.7",
      targetType: "Invitation",
      targetId: invitation.id,
    });
    expect(event.summary).toEqual({ before: null, after: { email: "n***@example.com", roles: ["OFFICER", "RESEARCHER"] } });
  });

  it("records an event per audit detail, honouring an explicit association and a platform action's null", async () => {
    const operator = await operatorUser(db.prisma);
    const access = (await resolveAccess(db.prisma, platform, operator, { operator: true }))!;
    const alhilah = await tenant(db.prisma, "alhilah");
    const marker = `t-${Date.now()}`;
    const { state } = await runAction(db.prisma, access, request, z.object({}), async () => ({
      audit: [
        { action: "association.status_changed", target: { type: "Association", id: marker }, associationId: alhilah.id },
        { action: "association.created", target: { type: "Association", id: marker } },
      ],
    }), {});
    expect(state.ok).toBe(true);
    const events = await db.prisma.auditEvent.findMany({ where: { targetId: marker }, orderBy: { action: "asc" } });
    expect(events.map((e) => [e.action, e.associationId, e.actorId])).toEqual([
      ["association.created", null, operator.id],
      ["association.status_changed", alhilah.id, operator.id],
    ]);
  });

  it("records a signed-out public action with no actor", async () => {
    const site = await tenantSite("qader");
    const access = (await resolveAccess(db.prisma, site, null, { public: true }))!;
    const marker = `anon-${Date.now()}`;
    await runAction(db.prisma, access, request, z.object({}), async () => ({ audit: { action: "auth.password_reset", target: { type: "User", id: marker } } }), {});
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { targetId: marker } });
    expect(event.actorId).toBeNull();
    expect(event.associationId).toBe(site.tenant.id);
  });
});
