import { z } from "zod";
import type { Db } from "../db";
import { recordAudit } from "../audit/record";
import { burnPasswordCheck, emailSchema, verifyPassword } from "./password";
import { assertNotLimited, penalize, reset } from "./rate-limit";

// Sign-in checks e-mail and password, and that the account belongs to the site it signs in on:
// a member of this host's association, or an operator on the platform's root domain. Wrong
// answers all look the same to the visitor. Failures are counted per account and per IP.

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string("validation.required").min(1, "validation.required").max(200, "validation.passwordTooLong"),
}, "validation.invalid");

export type SignInSite = { kind: "platform" } | { kind: "tenant"; associationId: string };

export type SignedInUser = { id: string; email: string; name: string | null; sessionVersion: number };

export async function verifyCredentials(
  db: Db,
  raw: unknown,
  site: SignInSite,
  ip: string,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  await assertNotLimited(db, "signInAccount", email);
  await assertNotLimited(db, "signInIp", ip);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      isOperator: true,
      sessionVersion: true,
      memberships: site.kind === "tenant" ? { where: { associationId: site.associationId }, select: { roles: true } } : false,
    },
  });
  const passwordOk = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  const belongs =
    site.kind === "platform" ? !!user?.isOperator : (user?.memberships?.some((m) => m.roles.length > 0) ?? false);

  if (!user || !passwordOk || !belongs) {
    await penalize(db, "signInAccount", email);
    await penalize(db, "signInIp", ip);
    return null;
  }
  await reset(db, "signInAccount", email);
  await recordAudit(db, {
    associationId: site.kind === "tenant" ? site.associationId : null,
    actorId: user.id,
    action: "auth.signed_in",
    target: { type: "User", id: user.id },
    ip,
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
