import { randomInt, timingSafeEqual } from "node:crypto";
import { siteTenant, type ActionContext, type Outcome } from "../auth/access";
import type { FormState } from "../auth/form";
import { consume } from "../auth/rate-limit";
import { hashToken } from "../auth/tokens";
import type { DbClient } from "../db/types";
import { pickColumn } from "../i18n/localized";
import type { Locale } from "../i18n/routing";
import { enqueueSms } from "../notify/outbox";
import type { Tenant } from "../tenancy/repository";
import type { RequestCodeInput, VerifyCodeInput } from "./schema";
import { signTrackSession } from "./token";

// Following a request: reference + mobile → a 6-digit code by SMS → a signed session cookie.
// The answer to step 1 is the same whether or not a request matched, so the form cannot be
// used to learn that a reference exists or whose mobile it is. Only the code's sha256 is kept.

const CODE_MINUTES = 10;
export const MAX_ATTEMPTS = 5;

type Site = { db: DbClient; tenant: Tenant; locale: Locale; ip: string };

/** Step 1. Returns whether a code was sent (for tests; never shown to the visitor). */
export async function requestCode({ db, tenant, locale, ip }: Site, input: RequestCodeInput, now = new Date()): Promise<boolean> {
  await consume(db, "trackIp", ip);
  await consume(db, "trackRequest", `${tenant.id}:${input.reference}`);
  const request = await db.supportRequest.findUnique({
    where: { associationId_reference: { associationId: tenant.id, reference: input.reference } },
    select: { id: true, phone: true, reference: true },
  });
  if (!request || request.phone !== input.mobile) return false;
  // A new code replaces any earlier one still waiting.
  await db.trackingCode.updateMany({
    where: { associationId: tenant.id, requestId: request.id, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.trackingCode.create({
    data: {
      associationId: tenant.id,
      requestId: request.id,
      codeHash: hashToken(code),
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
    },
  });
  await enqueueSms(db, {
    associationId: tenant.id,
    to: request.phone,
    template: "trackingCode",
    locale,
    values: { association: pickColumn(tenant.nameAr, tenant.nameEn, locale), reference: request.reference, code },
  });
  return true;
}

/** Step 2. A signed session token on success; null when the code is wrong, expired, used up or
 * unknown. A wrong guess is counted on the code (it dies after MAX_ATTEMPTS), so the caller
 * must let this transaction commit: it returns null rather than throwing. */
export async function verifyCode({ db, tenant, ip }: Site, input: VerifyCodeInput, now = new Date()): Promise<string | null> {
  await consume(db, "trackIp", ip);
  // The live code of this association's request with that reference, in one query.
  const live = await db.trackingCode.findFirst({
    where: {
      associationId: tenant.id,
      request: { associationId: tenant.id, reference: input.reference },
      usedAt: null,
      expiresAt: { gt: now },
      attempts: { lt: MAX_ATTEMPTS },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, requestId: true },
  });
  if (!live) return null;
  const key = { associationId_id: { associationId: tenant.id, id: live.id } };
  if (!timingSafeEqual(Buffer.from(hashToken(input.code)), Buffer.from(live.codeHash))) {
    await db.trackingCode.update({ where: key, data: { attempts: { increment: 1 } } });
    return null;
  }
  // Conditional, so two tabs submitting the same code cannot both use it.
  const used = await db.trackingCode.updateMany({
    where: { associationId: tenant.id, id: live.id, usedAt: null, attempts: { lt: MAX_ATTEMPTS } },
    data: { usedAt: now },
  });
  return used.count === 1 ? signTrackSession(tenant.id, live.requestId, now) : null;
}

function siteOf(ctx: ActionContext): Site {
  return { db: ctx.db, tenant: siteTenant(ctx), locale: ctx.locale, ip: ctx.ip };
}

// The guard's services. Nothing here is audited: the audit log would otherwise record which
// references people asked about.

export async function requestCodeService(ctx: ActionContext, input: RequestCodeInput): Promise<Outcome> {
  await requestCode(siteOf(ctx), input);
  return { audit: [], notice: "track.codeSentIfMatch", data: { reference: input.reference }, refresh: false };
}

export async function verifyCodeService(ctx: ActionContext, input: VerifyCodeInput): Promise<Outcome> {
  const token = await verifyCode(siteOf(ctx), input);
  return { audit: [], data: token ? { token } : {}, refresh: false };
}

export async function endTrackingService(): Promise<Outcome> {
  return { audit: [], refresh: false };
}

/** The guard's answer to step 2 → what the form sees (never the token) and the token for the
 * cookie. A wrong, expired or used-up code commits its attempt and only then becomes an error. */
export function verifyResult(state: FormState): { state: FormState; token?: string } {
  if (!state.ok) return { state };
  const token = state.data?.token;
  if (!token) return { state: { error: "errors.TRACKING_CODE_INVALID", fieldErrors: { code: "errors.TRACKING_CODE_INVALID" } } };
  return { state: { ok: true, notice: "track.verified" }, token };
}
