import { z } from "zod";
import type { Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import type { Locale } from "../i18n/routing";
import { enqueueEmail } from "../notify/outbox";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { assertMemberRoom } from "../billing/limits";
import { hashPassword, passwordSchema, verifyPassword } from "../auth/password";
import { assertNotLimited } from "../auth/rate-limit";
import { hashToken, isTokenShaped, newToken } from "../auth/tokens";
import { clearChair } from "./service";

// Invitations: single use, valid for 7 days, and only on the association that issued them
// (the token is looked up together with the host's association id).

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationRequest = {
  associationId: string;
  slug: string;
  associationName: string;
  email: string;
  roles: Role[];
  isChair: boolean;
  invitedById: string | null;
  locale: Locale;
  now?: Date;
};

export async function createInvitation(db: DbClient, request: InvitationRequest) {
  const now = request.now ?? new Date();
  const member = await db.membership.findFirst({
    where: { associationId: request.associationId, user: { email: request.email } },
    select: { userId: true },
  });
  if (member) throw new AppError("ALREADY_MEMBER", "email");
  await assertMemberRoom(db, request.associationId, request.email, now);
  // A new invitation replaces any open one for the same address.
  await db.invitation.updateMany({
    where: { associationId: request.associationId, email: request.email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newToken();
  const invitation = await db.invitation.create({
    data: {
      associationId: request.associationId,
      email: request.email,
      roles: request.roles,
      isChair: request.isChair && request.roles.includes("BOARD"),
      tokenHash: hashToken(token),
      invitedById: request.invitedById,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    },
    select: { id: true, email: true, roles: true, expiresAt: true },
  });
  const link = pageUrl(tenantUrl(request.slug, request.locale), `/invite/${token}`);
  await enqueueEmail(db, {
    associationId: request.associationId,
    to: request.email,
    template: "invitation",
    locale: request.locale,
    values: { association: request.associationName, link },
  });
  return { invitation, token, link };
}

export type OpenInvitation = { id: string; email: string; roles: Role[]; isChair: boolean; existingUser: boolean };

/** An invitation that can still be accepted on this association, or null. */
export async function findOpenInvitation(db: DbClient, associationId: string, token: string, now = new Date()): Promise<OpenInvitation | null> {
  if (!isTokenShaped(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { associationId_tokenHash: { associationId, tokenHash: hashToken(token) } },
    select: { id: true, email: true, roles: true, isChair: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } });
  return { id: invitation.id, email: invitation.email, roles: invitation.roles, isChair: invitation.isChair, existingUser: !!user?.passwordHash };
}

export const acceptSchema = z.object({
  token: z.string().max(100),
  name: z.string().trim().max(120, "validation.tooLong").optional(),
  password: z.string().max(200, "validation.passwordTooLong"),
});

/** Joins the association. A new account sets its name and password here; an existing account
 * proves it is theirs with its current password (an invitation never resets a password). */
export async function acceptInvitation(
  db: DbClient,
  associationId: string,
  input: z.output<typeof acceptSchema>,
  now = new Date(),
) {
  const invitation = await findOpenInvitation(db, associationId, input.token, now);
  if (!invitation) throw new AppError("INVITATION_INVALID");

  let user = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, passwordHash: true } });
  if (user?.passwordHash) {
    // The same limit as sign-in: an invitation must not become a way to guess a password.
    await assertNotLimited(db, "signInAccount", invitation.email);
    if (!(await verifyPassword(input.password, user.passwordHash))) {
      throw new AppError("WRONG_PASSWORD", "password", undefined, { limit: "signInAccount", key: invitation.email });
    }
  } else {
    const strong = passwordSchema.safeParse(input.password);
    if (!strong.success) throw new AppError("INVALID_INPUT", "password", strong.error.issues[0]?.message);
    if (!input.name) throw new AppError("INVALID_INPUT", "name", "validation.required");
    const passwordHash = await hashPassword(input.password);
    user = user
      ? await db.user.update({ where: { id: user.id }, data: { passwordHash, name: input.name }, select: { id: true, passwordHash: true } })
      : await db.user.create({ data: { email: invitation.email, name: input.name, passwordHash }, select: { id: true, passwordHash: true } });
  }

  // Single use even under concurrency: only one request flips acceptedAt.
  const claimed = await db.invitation.updateMany({
    where: { associationId, id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("INVITATION_INVALID");

  const existing = await db.membership.findUnique({
    where: { associationId_userId: { associationId, userId: user.id } },
    select: { roles: true, isChair: true },
  });
  const roles = [...new Set([...(existing?.roles ?? []), ...invitation.roles])];
  if (invitation.isChair) await clearChair(db, associationId);
  await db.membership.upsert({
    where: { associationId_userId: { associationId, userId: user.id } },
    create: { associationId, userId: user.id, roles, isChair: invitation.isChair },
    update: { roles, isChair: invitation.isChair || (existing?.isChair ?? false) },
  });
  return { userId: user.id, email: invitation.email, invitationId: invitation.id, roles };
}

