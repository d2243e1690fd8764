import { z } from "zod";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import type { Locale } from "../i18n/routing";
import { enqueueEmail } from "../notify/outbox";
import { pageUrl } from "../tenancy/urls";
import { emailSchema, hashPassword, passwordSchema } from "./password";
import { consume } from "./rate-limit";
import { hashToken, isTokenShaped, newToken } from "./tokens";

// Password reset by e-mailed link: single use, valid for one hour. The answer to a request is
// the same whether or not the account exists. A reset signs the user out everywhere.

export const RESET_TTL_MS = 60 * 60 * 1000;

export const forgotSchema = z.object({ email: emailSchema });
export const resetSchema = z
  .object({ token: z.string().max(100), password: passwordSchema, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { message: "validation.passwordsDiffer", path: ["confirm"] });

export async function requestPasswordReset(
  db: DbClient,
  request: { email: string; ip: string; siteBase: string; associationId: string | null; locale: Locale; now?: Date },
) {
  await consume(db, "passwordResetIp", request.ip);
  await consume(db, "passwordResetEmail", request.email);
  const now = request.now ?? new Date();
  const user = await db.user.findUnique({ where: { email: request.email }, select: { id: true } });
  if (!user) return { userId: null };
  // On an association's site, only its own members: the link lands in that association's outbox,
  // which its admins read, and a link for anyone else's account would hand them that account.
  if (
    request.associationId &&
    !(await db.membership.count({ where: { associationId: request.associationId, userId: user.id, NOT: { roles: { isEmpty: true } } } }))
  ) {
    return { userId: null };
  }
  const token = newToken();
  await db.passwordReset.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TTL_MS) },
  });
  await enqueueEmail(db, {
    associationId: request.associationId,
    to: request.email,
    template: "passwordReset",
    locale: request.locale,
    values: { link: pageUrl(request.siteBase, `/reset-password/${token}`) },
  });
  return { userId: user.id, token };
}

export async function isResetTokenOpen(db: DbClient, token: string, now = new Date()) {
  if (!isTokenShaped(token)) return false;
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return !!reset && !reset.usedAt && reset.expiresAt > now;
}

export async function resetPassword(db: DbClient, input: z.output<typeof resetSchema>, now = new Date()) {
  if (!isTokenShaped(input.token)) throw new AppError("RESET_INVALID");
  const tokenHash = hashToken(input.token);
  const reset = await db.passwordReset.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
  const claimed = await db.passwordReset.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (!reset || claimed.count !== 1) throw new AppError("RESET_INVALID");
  // Any other link sent before this one dies with it.
  await db.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
  const user = await db.user.update({
    where: { id: reset.userId },
    data: { passwordHash: await hashPassword(input.password), sessionVersion: { increment: 1 } },
    select: { id: true, email: true },
  });
  return user;
}
