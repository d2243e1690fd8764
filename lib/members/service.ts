import { z } from "zod";
import type { Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { asArray } from "../auth/form";
import { emailSchema } from "../auth/password";
import { canGrant, isRole, ROLES } from "../auth/permissions";

// Members of one association: list, change roles, remove. Every query names the association.

export const rolesField = z.preprocess(
  asArray,
  z.array(z.enum(ROLES, "validation.roleInvalid")).min(1, "validation.rolesRequired").max(ROLES.length),
);
export const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const inviteSchema = z.object({ email: emailSchema, roles: rolesField, isChair: checkbox });
export const changeRolesSchema = z.object({ userId: z.uuid("validation.invalid"), roles: rolesField, isChair: checkbox });
export const memberIdSchema = z.object({ userId: z.uuid("validation.invalid") });
export const invitationIdSchema = z.object({ invitationId: z.uuid("validation.invalid") });

export type Granter = { roles: readonly Role[]; isOperator?: boolean };

export function assertCanGrant(granter: Granter, roles: readonly Role[]) {
  for (const role of roles) {
    if (!isRole(role) || !canGrant(granter.roles, role, granter.isOperator)) throw new AppError("ROLE_ABOVE_OWN", "roles");
  }
}

export function listMembers(db: DbClient, associationId: string) {
  return db.membership.findMany({
    where: { associationId },
    orderBy: { createdAt: "asc" },
    select: { userId: true, roles: true, isChair: true, createdAt: true, user: { select: { email: true, name: true } } },
  });
}

export const countMembers = (db: DbClient, associationId: string) => db.membership.count({ where: { associationId } });

export function listOpenInvitations(db: DbClient, associationId: string, now = new Date()) {
  return db.invitation.findMany({
    where: { associationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, roles: true, isChair: true, expiresAt: true },
  });
}

/** Locks the association's admin rows so two concurrent removals cannot both pass the check. */
async function otherAdmins(db: DbClient, associationId: string, userId: string): Promise<number> {
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership"
     WHERE "associationId" = ${associationId}::uuid AND 'ADMIN' = ANY("roles") FOR UPDATE`;
  return rows.filter((row) => row.userId !== userId).length;
}

/** Takes the chair from whoever holds it, before giving it to someone else. The association's
 * row is locked first so that two concurrent chair changes cannot both clear and then both set
 * (each would miss the other's new chair): the second waits and then sees the first's chair. */
export async function clearChair(db: DbClient, associationId: string) {
  await db.$queryRaw`SELECT 1 FROM "Association" WHERE "id" = ${associationId}::uuid FOR NO KEY UPDATE`;
  await db.membership.updateMany({ where: { associationId, isChair: true }, data: { isChair: false } });
}

async function loadMembership(db: DbClient, associationId: string, userId: string) {
  const membership = await db.membership.findUnique({
    where: { associationId_userId: { associationId, userId } },
    select: { roles: true, isChair: true },
  });
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

export async function changeRoles(
  db: DbClient,
  associationId: string,
  granter: Granter,
  input: z.output<typeof changeRolesSchema>,
) {
  const before = await loadMembership(db, associationId, input.userId);
  const added = input.roles.filter((role) => !before.roles.includes(role));
  const removed = before.roles.filter((role) => !input.roles.includes(role));
  // Neither give nor take away a role above one's own.
  assertCanGrant(granter, [...added, ...removed]);
  if (removed.includes("ADMIN") && (await otherAdmins(db, associationId, input.userId)) === 0) {
    throw new AppError("LAST_ADMIN", "roles");
  }
  const isChair = input.isChair && input.roles.includes("BOARD");
  if (isChair && !before.isChair) {
    await clearChair(db, associationId);
  }
  await db.membership.update({
    where: { associationId_userId: { associationId, userId: input.userId } },
    data: { roles: input.roles, isChair },
  });
  return { before, after: { roles: input.roles, isChair } };
}

export async function removeMember(db: DbClient, associationId: string, granter: Granter, userId: string) {
  const before = await loadMembership(db, associationId, userId);
  assertCanGrant(granter, before.roles);
  if (before.roles.includes("ADMIN") && (await otherAdmins(db, associationId, userId)) === 0) {
    throw new AppError("LAST_ADMIN");
  }
  await db.membership.delete({ where: { associationId_userId: { associationId, userId } } });
  return { before };
}

export async function revokeInvitation(db: DbClient, associationId: string, invitationId: string, now = new Date()) {
  const result = await db.invitation.updateMany({
    where: { associationId, id: invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (result.count !== 1) throw new AppError("NOT_FOUND");
}
