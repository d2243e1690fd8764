import type { z } from "zod";
import { resolveAccess, runAction, type Scope, type Service } from "@/lib/auth/access";
import type { FormState } from "@/lib/auth/form";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/routing";
import { hasMessage, tenant } from "./fixtures";

// Server actions run as the app runs them, minus Next.js: a test file replaces the guard with
//   jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);
// (the call must stay in the test file, where jest hoists it), so each action module exports
// its scope, schema and service; run() then goes permission check (resolveAccess) → zod →
// service in a transaction → audit, against the test's real database.

/** An action as the replaced guard returns it. */
export type Bound = { scope: Scope & { permission: string }; schema: z.ZodType; service: Service<z.ZodType> };
export const bound = (action: unknown) => action as Bound;

const bind = (scope: unknown, schema: unknown, service: unknown) => ({ scope, schema, service });
/** The module that stands in for lib/auth/guard. */
export const boundGuard = { guardedAction: bind, guardedCall: bind };

/** refused = the guard found no access (the app answers 404). */
export type ActionResult = { refused: boolean; state: FormState };

/** run(slug, actor, action, raw, locale) on `slug`'s site; db is read at each call (tests open it in beforeAll). */
export function actionRunner(db: () => Db) {
  return async function run(slug: string, actor: SessionUser, action: Bound, raw: Record<string, unknown> = {}, locale: Locale = "ar"): Promise<ActionResult> {
    const site = { kind: "tenant" as const, tenant: await tenant(db(), slug) };
    const access = await resolveAccess(db(), site, actor, action.scope);
    if (!access) return { refused: true, state: {} };
    const { state } = await runAction(db(), access, { locale, ip: "203.0.113.9" }, action.schema, action.service, raw);
    // Every message the user may see exists in both languages.
    for (const key of [state.error, state.notice, ...Object.values(state.fieldErrors ?? {})].filter(Boolean)) {
      expect({ key, inBothLanguages: hasMessage(key) }).toEqual({ key, inBothLanguages: true });
    }
    return { refused: false, state };
  };
}
