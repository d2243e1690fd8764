/** @jest-environment node */
import "../fast-bcrypt";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { acceptInvitation, createInvitation } from "@/lib/members/invitations";
import { changeRoles, listMembers, removeMember, type Granter } from "@/lib/members/service";
import { engineName, freshDatabase } from "../../helpers/db";
import { appError, hasMessage } from "../fixtures";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

const ADMIN: Granter = { roles: ["ADMIN"] };
let counter = 0;

/** A new association with one member per entry of `members` (the first BOARD one is chair when asked). */
async function association(members: { roles: Role[]; isChair?: boolean }[]) {
  const n = ++counter;
  const created = await db.prisma.association.create({ data: { slug: `assoc-${n}`, nameAr: `جمعية ${n}`, nameEn: `Association ${n}` } });
  const users: string[] = [];
  for (const [i, member] of members.entries()) {
    const user = await db.prisma.user.create({ data: { email: `m${i}@assoc-${n}.test`, name: `Member ${i}` } });
    await db.prisma.membership.create({
      data: { associationId: created.id, userId: user.id, roles: member.roles, isChair: member.isChair ?? false },
    });
    users.push(user.id);
  }
  return { id: created.id, users };
}

const membershipOf = (associationId: string, userId: string) =>
  db.prisma.membership.findUnique({ where: { associationId_userId: { associationId, userId } }, select: { roles: true, isChair: true } });

const admins = async (associationId: string) =>
  (await listMembers(db.prisma, associationId)).filter((m) => m.roles.includes("ADMIN")).map((m) => m.userId);

describe(`last-admin protection (${engineName()})`, () => {
  it("refuses to remove the only admin", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    const error = await appError(removeMember(db.prisma, a.id, ADMIN, a.users[0]!));
    expect(error.code).toBe("LAST_ADMIN");
    expect(hasMessage(error.key)).toBe(true);
    expect(await membershipOf(a.id, a.users[0]!)).toEqual({ roles: ["ADMIN"], isChair: false });
  });

  it.each([
    ["to another role", ["ADMIN"], ["BOARD"]],
    ["while keeping another role", ["ADMIN", "BOARD"], ["BOARD"]],
  ] as [string, Role[], Role[]][])("refuses to demote the only admin %s", async (_label, from, to) => {
    const a = await association([{ roles: from }, { roles: ["OFFICER"] }]);
    const error = await appError(changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[0]!, roles: to, isChair: false }));
    expect(error.code).toBe("LAST_ADMIN");
    expect(error.field).toBe("roles");
    expect(await membershipOf(a.id, a.users[0]!)).toEqual({ roles: from, isChair: false });
  });

  it("lets the only admin gain a role without losing admin", async () => {
    const a = await association([{ roles: ["ADMIN"] }]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[0]!, roles: ["ADMIN", "BOARD"], isChair: false });
    expect((await membershipOf(a.id, a.users[0]!))?.roles).toEqual(["ADMIN", "BOARD"]);
  });

  it("with two admins, removes one and then protects the other", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["ADMIN", "BOARD"] }]);
    const { before } = await removeMember(db.prisma, a.id, ADMIN, a.users[0]!);
    expect(before.roles).toEqual(["ADMIN"]);
    expect(await membershipOf(a.id, a.users[0]!)).toBeNull();
    expect(await admins(a.id)).toEqual([a.users[1]]);

    expect((await appError(removeMember(db.prisma, a.id, ADMIN, a.users[1]!))).code).toBe("LAST_ADMIN");
    expect((await appError(changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[1]!, roles: ["BOARD"], isChair: false }))).code).toBe(
      "LAST_ADMIN",
    );
    expect(await admins(a.id)).toEqual([a.users[1]]);
  });

  it("with two admins, demotes one", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["ADMIN"] }]);
    const change = await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[1]!, roles: ["OFFICER"], isChair: false });
    expect(change).toEqual({ before: { roles: ["ADMIN"], isChair: false }, after: { roles: ["OFFICER"], isChair: false } });
    expect(await admins(a.id)).toEqual([a.users[0]]);
  });

  it("does not count another association's admin", async () => {
    const a = await association([{ roles: ["ADMIN"] }]);
    const b = await association([{ roles: ["ADMIN"] }]);
    // The same person an admin of both: still the only admin of each.
    await db.prisma.membership.create({ data: { associationId: b.id, userId: a.users[0]!, roles: ["ADMIN"] } });
    await removeMember(db.prisma, b.id, ADMIN, b.users[0]!);
    expect((await appError(removeMember(db.prisma, a.id, ADMIN, a.users[0]!))).code).toBe("LAST_ADMIN");
    expect((await appError(removeMember(db.prisma, b.id, ADMIN, a.users[0]!))).code).toBe("LAST_ADMIN");
  });

  // Meaningful on PostgreSQL (PGlite runs one transaction at a time): without the row locks
  // both removals see the other admin and both go through.
  it("lets only one of two concurrent removals of the last two admins through", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await association([{ roles: ["ADMIN"] }, { roles: ["ADMIN"] }]);
      const results = await Promise.allSettled(
        a.users.map((userId) => db.prisma.$transaction((tx) => removeMember(tx, a.id, ADMIN, userId))),
      );
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "LAST_ADMIN" });
      expect(await admins(a.id)).toHaveLength(1);
    }
  });
});

describe(`who may change roles (${engineName()})`, () => {
  it.each([
    ["a board member", { roles: ["BOARD"] }],
    ["an officer", { roles: ["OFFICER"] }],
    ["a board member who is also an officer", { roles: ["BOARD", "OFFICER", "RESEARCHER", "COMMITTEE"] }],
    ["someone with no roles", { roles: [] }],
  ] as [string, Granter][])("refuses %s (no members.manage) with ROLE_ABOVE_OWN", async (_label, granter) => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    for (const roles of [["OFFICER", "RESEARCHER"], ["RESEARCHER"], ["ADMIN", "OFFICER"]] as Role[][]) {
      const error = await appError(changeRoles(db.prisma, a.id, granter, { userId: a.users[1]!, roles, isChair: false }));
      expect(error.code).toBe("ROLE_ABOVE_OWN");
      expect(error.field).toBe("roles");
      expect(hasMessage(error.key)).toBe(true);
    }
    expect((await appError(removeMember(db.prisma, a.id, granter, a.users[1]!))).code).toBe("ROLE_ABOVE_OWN");
    expect(await membershipOf(a.id, a.users[1]!)).toEqual({ roles: ["OFFICER"], isChair: false });
  });

  it("lets an admin give and take any role", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[1]!, roles: ["ADMIN", "BOARD", "COMMITTEE"], isChair: false });
    expect((await membershipOf(a.id, a.users[1]!))?.roles).toEqual(["ADMIN", "BOARD", "COMMITTEE"]);
  });

  it("lets an operator change roles without being a member", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    await changeRoles(db.prisma, a.id, { roles: [], isOperator: true }, { userId: a.users[1]!, roles: ["ADMIN"], isChair: false });
    expect((await membershipOf(a.id, a.users[1]!))?.roles).toEqual(["ADMIN"]);
  });
});

describe(`the chair (${engineName()})`, () => {
  const chairs = async (associationId: string) =>
    (await db.prisma.membership.findMany({ where: { associationId, isChair: true }, select: { userId: true } })).map((m) => m.userId);

  it("moves to the new chair: one per association", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["BOARD"], isChair: true }, { roles: ["BOARD"] }]);
    const other = await association([{ roles: ["BOARD"], isChair: true }]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[2]!, roles: ["BOARD"], isChair: true });
    expect(await chairs(a.id)).toEqual([a.users[2]]);
    // Another association's chair stays.
    expect(await chairs(other.id)).toEqual([other.users[0]]);
  });

  it("keeps the chair when the chair's own roles are saved again with the box ticked", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["BOARD"], isChair: true }]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[1]!, roles: ["BOARD", "OFFICER"], isChair: true });
    expect(await chairs(a.id)).toEqual([a.users[1]]);
  });

  it("only goes to a board member", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["BOARD"], isChair: true }, { roles: ["OFFICER"] }]);
    const { after } = await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[2]!, roles: ["OFFICER"], isChair: true });
    expect(after.isChair).toBe(false);
    expect(await chairs(a.id)).toEqual([a.users[1]]);
  });

  // Meaningful on PostgreSQL (PGlite runs one transaction at a time): without a lock both
  // transactions clear the old chair and each sets its own, leaving two chairs.
  it("stays one chair when two members are made chair at the same time", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await association([{ roles: ["BOARD"], isChair: true }, { roles: ["BOARD"] }, { roles: ["BOARD"] }]);
      await Promise.all(
        [a.users[1]!, a.users[2]!].map((userId) =>
          db.prisma.$transaction((tx) => changeRoles(tx, a.id, ADMIN, { userId, roles: ["BOARD"], isChair: true })),
        ),
      );
      const now = await chairs(a.id);
      expect(now).toHaveLength(1);
      expect([a.users[1], a.users[2]]).toContain(now[0]);
    }
  });

  it("stays one chair when a chair invitation is accepted while another member is made chair", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await association([{ roles: ["ADMIN"] }, { roles: ["BOARD"] }]);
      const { token } = await createInvitation(db.prisma, {
        associationId: a.id,
        slug: `assoc-${counter}`,
        associationName: "Association",
        email: `chair-${round}-${counter}@example.com`,
        roles: ["BOARD"],
        isChair: true,
        invitedById: a.users[0]!,
        locale: "en",
      });
      await Promise.all([
        db.prisma.$transaction((tx) => acceptInvitation(tx, a.id, { token, name: "Invited Chair", password: "Strong-pass-2026" })),
        db.prisma.$transaction((tx) => changeRoles(tx, a.id, ADMIN, { userId: a.users[1]!, roles: ["BOARD"], isChair: true })),
      ]);
      expect(await chairs(a.id)).toHaveLength(1);
    }
  });

  it("is lost with the board role, or by unticking it", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["BOARD"], isChair: true }, { roles: ["BOARD"], isChair: false }]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[1]!, roles: ["OFFICER"], isChair: true });
    expect(await chairs(a.id)).toEqual([]);
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[2]!, roles: ["BOARD"], isChair: true });
    await changeRoles(db.prisma, a.id, ADMIN, { userId: a.users[2]!, roles: ["BOARD"], isChair: false });
    expect(await chairs(a.id)).toEqual([]);
  });
});

describe(`scoped by association (${engineName()})`, () => {
  it("answers NOT_FOUND for another association's member, and leaves them alone", async () => {
    const mine = await association([{ roles: ["ADMIN"] }]);
    const theirs = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    const target = theirs.users[1]!;
    const removal = await appError(removeMember(db.prisma, mine.id, ADMIN, target));
    expect(removal.code).toBe("NOT_FOUND");
    expect(hasMessage(removal.key)).toBe(true);
    expect((await appError(changeRoles(db.prisma, mine.id, ADMIN, { userId: target, roles: ["ADMIN"], isChair: false }))).code).toBe("NOT_FOUND");
    expect(await membershipOf(theirs.id, target)).toEqual({ roles: ["OFFICER"], isChair: false });
    expect(await membershipOf(mine.id, target)).toBeNull();
  });

  it("lists only the association's own members", async () => {
    const a = await association([{ roles: ["ADMIN"] }, { roles: ["OFFICER"] }]);
    await association([{ roles: ["ADMIN"] }]);
    expect((await listMembers(db.prisma, a.id)).map((m) => m.userId).sort()).toEqual([...a.users].sort());
  });
});
