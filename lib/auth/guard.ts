import { refresh } from "next/cache";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import type { z } from "zod";
import { getDb } from "../db";
import type { DbClient } from "../db/types";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "../db/unavailable";
import { isAppError, loggable } from "../errors";
import { asLocale } from "../i18n/routing";
import { memberOf, resolveAccess, runAction, type Member, type Scope, type Service } from "./access";
import { formToObject, type FormState } from "./form";
import type { Permission } from "./permissions";
import { getSessionUser, type SessionUser } from "./session";
import { clientIp, currentPath, currentSite } from "./site";

// The one guard, bound to Next.js requests: every page, server action and route handler that
// is not public goes through it (decisions in ./access.ts). Anything but this association's
// member with the permission gets a 404: another association's data is never confirmed to exist.

export type { Member } from "./access";

/** The signed-in member of this host's association, or null (signed out, not a member, suspended). */
export const getMember = cache(async (): Promise<Member | null> => {
  const site = await currentSite();
  if (site.kind !== "tenant" || !site.tenant) return null;
  const user = await getSessionUser();
  return user ? memberOf(await getDb(), site.tenant, user) : null;
});

async function signInRedirect(): Promise<never> {
  const locale = asLocale(await getLocale());
  redirect(`${locale === "en" ? "/en" : ""}/sign-in?next=${encodeURIComponent(await currentPath())}`);
}

/** For pages: the member with `permission`, or the sign-in page when signed out, or a 404. */
export async function requireMember(permission: Permission = "console.view"): Promise<Member> {
  const member = await getMember();
  if (member?.permissions.has(permission)) return member;
  const site = await currentSite();
  if (site.kind === "tenant" && site.tenant && !(await getSessionUser())) return signInRedirect();
  notFound();
}

/** For pages on the root domain: a platform operator, or the sign-in page, or a 404. */
export async function requireOperator(): Promise<SessionUser> {
  if ((await currentSite()).kind !== "platform") notFound();
  const user = await getSessionUser();
  if (!user) return signInRedirect();
  if (!user.isOperator) notFound();
  return user;
}

/** A server action for a form (useActionState): (previous state, FormData) → FormState. */
export function guardedAction<S extends z.ZodType>(scope: Scope, schema: S, service: Service<S>) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => runGuarded(scope, schema, service, formToObject(form));
}

/** A server action called with data rather than a form (the policy editor's autosave). The
 * input arrives from the client as is, so the schema is the whole check. */
export function guardedCall<S extends z.ZodType>(scope: Scope, schema: S, service: Service<S>) {
  return async (input: unknown): Promise<FormState> => {
    const raw = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    // The caller keeps its own data; echoing it back would only double the response.
    return { ...(await runGuarded(scope, schema, service, raw)), values: undefined };
  };
}

async function runGuarded<S extends z.ZodType>(scope: Scope, schema: S, service: Service<S>, raw: Record<string, unknown>) {
  const db = await getDb();
  const access = await resolveAccess(db, await currentSite(), await getSessionUser(), scope);
  if (!access) return { error: "errors.NOT_FOUND" };
  const request = { locale: asLocale(await getLocale()), ip: clientIp(await headers()) };
  const { state, outcome } = await runAction(db, access, request, schema, service, raw);
  if (!outcome) return state;
  outcome.afterCommit?.();
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  if (outcome.refresh !== false) refresh();
  return state;
}

/** A route handler for members with `permission`; errors become JSON with their status. */
export function guardedRoute(
  permission: Permission,
  handler: (ctx: { db: DbClient; member: Member; request: Request }) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    const db = await getDb();
    const user = await getSessionUser();
    if (!user) return Response.json({ error: "errors.UNAUTHENTICATED" }, { status: 401 });
    const access = await resolveAccess(db, await currentSite(), user, { permission });
    if (!access?.member) return Response.json({ error: "errors.NOT_FOUND" }, { status: 404 });
    try {
      return await handler({ db, member: access.member, request });
    } catch (error) {
      if (isAppError(error)) return Response.json({ error: error.key }, { status: error.status });
      if (isDatabaseUnavailable(error)) {
        return Response.json({ error: "errors.UNAVAILABLE" }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
      }
      console.error("[route] failed:", loggable(error));
      return Response.json({ error: "errors.UNEXPECTED" }, { status: 500 });
    }
  };
}
