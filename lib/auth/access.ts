import type { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db";
import type { Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { admitted, isDatabaseUnavailable } from "../db/unavailable";
import { AppError, isAppError, loggable } from "../errors";
import type { Locale } from "../i18n/routing";
import type { Tenant } from "../tenancy/repository";
import { echoValues, fieldErrorsOf, type FormState } from "./form";
import { permissionsOf, type Permission } from "./permissions";
import { penalize } from "./rate-limit";
import type { SessionUser } from "./session";
import type { RequestSite } from "./site";

// The guard's decisions, free of Next.js so tests run them against a real database:
// membership in *this host's* association → permission → zod-parsed input → service in a
// transaction → audit events in the same transaction. lib/auth/guard.ts binds them to requests.

export type Member = {
  user: SessionUser;
  tenant: Tenant;
  roles: Role[];
  isChair: boolean;
  permissions: Set<Permission>;
};

export type Scope = { permission: Permission } | { operator: true } | { public: true };

export type Access = { tenant: Tenant | null; user: SessionUser | null; member: Member | null };

export async function memberOf(db: Db, tenant: Tenant, user: SessionUser): Promise<Member | null> {
  if (tenant.status !== "ACTIVE") return null;
  const membership = await db.membership.findUnique({
    where: { associationId_userId: { associationId: tenant.id, userId: user.id } },
    select: { roles: true, isChair: true },
  });
  if (!membership || membership.roles.length === 0) return null;
  return { user, tenant, roles: membership.roles, isChair: membership.isChair, permissions: permissionsOf(membership.roles) };
}

/** Who may act here: null means 404 (or, with no user, "sign in first"). */
export async function resolveAccess(db: Db, site: RequestSite, user: SessionUser | null, scope: Scope): Promise<Access | null> {
  const tenant = site.kind === "tenant" ? site.tenant : null;
  if (site.kind === "tenant" && (!tenant || tenant.status !== "ACTIVE")) return null;
  if ("public" in scope) return { tenant, user, member: null };
  if (!user) return null;
  if ("operator" in scope) return site.kind === "platform" && user.isOperator ? { tenant: null, user, member: null } : null;
  if (!tenant) return null;
  const member = await memberOf(db, tenant, user);
  return member && member.permissions.has(scope.permission) ? { tenant, user, member } : null;
}

export type ActionContext = Access & { db: DbClient; locale: Locale; ip: string };

/** The host's association for a public action that only makes sense on an association's site. */
export function siteTenant(ctx: ActionContext): Tenant {
  if (!ctx.tenant) throw new AppError("NOT_FOUND");
  return ctx.tenant;
}

export type AuditDetail = {
  action: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  /** Defaults to the host's association. */
  associationId?: string;
};

export type Outcome = {
  audit: AuditDetail | AuditDetail[];
  notice?: string;
  data?: Record<string, string>;
  /** Where to send the browser after success (may be another host). */
  redirectTo?: string;
  /** Runs after the transaction commits (cache invalidation). */
  afterCommit?: () => void;
  /** false when the page must not re-render (it would no longer show the form that continues). */
  refresh?: boolean;
};

export type Service<S extends z.ZodType> = (ctx: ActionContext, input: z.output<S>) => Promise<Outcome>;

/** Parse, run the service and its audit events in one transaction, map errors to message keys.
 * A rejected input or a failed service writes nothing. */
export async function runAction<S extends z.ZodType>(
  db: Db,
  access: Access,
  request: { locale: Locale; ip: string },
  schema: S,
  service: Service<S>,
  raw: Record<string, unknown>,
): Promise<{ state: FormState; outcome?: Outcome }> {
  const values = echoValues(raw as Record<string, string | string[]>);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { state: { fieldErrors: fieldErrorsOf(parsed.error), values } };
  try {
    const outcome = await admitted(() => db.$transaction(async (tx) => {
      const result = await service({ ...access, ...request, db: tx }, parsed.data);
      for (const detail of [result.audit].flat()) {
        await recordAudit(tx, {
          associationId: detail.associationId ?? access.tenant?.id ?? null,
          actorId: access.user?.id ?? null,
          action: detail.action,
          target: detail.target,
          before: detail.before,
          after: detail.after,
          ip: request.ip,
        });
      }
      return result;
    }));
    if (!outcome) throw new AppError("UNAVAILABLE");
    return { state: { ok: true, notice: outcome.notice, data: outcome.data }, outcome };
  } catch (error) {
    if (isAppError(error)) {
      if (error.penalty) await penalize(db, error.penalty.limit, error.penalty.key);
      const key = error.key;
      if (error.fieldErrors) return { state: { fieldErrors: error.fieldErrors, values } };
      return { state: error.field ? { fieldErrors: { [error.field]: key }, values } : { error: key, values } };
    }
    if (isDatabaseUnavailable(error)) {
      console.warn("[action] database unavailable:", loggable(error));
      return { state: { error: "errors.UNAVAILABLE", values } };
    }
    console.error("[action] failed:", loggable(error));
    return { state: { error: "errors.UNEXPECTED", values } };
  }
}
