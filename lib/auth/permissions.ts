import type { Role } from "../db/generated/enums";

// The one table of who may do what. Every guarded action names a permission from this list;
// a member's permissions are the union over their roles in the association.

export const ROLES = ["ADMIN", "OFFICER", "RESEARCHER", "COMMITTEE", "BOARD"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "console.view",
  "policy.view",
  "policy.edit",
  "policy.submit",
  "policy.vote",
  "requests.view",
  "requests.handle",
  "requests.research",
  "requests.decide",
  "complaints.manage",
  "reports.view",
  "intake.configure",
  "members.view",
  "members.manage",
  "surveys.view",
  "surveys.manage",
  "evidence.view",
  "billing.manage",
  "audit.view",
  "outbox.view",
  "privacy.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const EVERY_MEMBER: Permission[] = ["console.view", "policy.view", "members.view"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [
    ...EVERY_MEMBER,
    "policy.edit",
    "policy.submit",
    "requests.view",
    "complaints.manage",
    "reports.view",
    "intake.configure",
    "members.manage",
    "surveys.view",
    "surveys.manage",
    "evidence.view",
    "billing.manage",
    "audit.view",
    "outbox.view",
    "privacy.manage",
  ],
  OFFICER: [...EVERY_MEMBER, "requests.view", "requests.handle", "complaints.manage", "reports.view", "surveys.view", "surveys.manage"],
  RESEARCHER: [...EVERY_MEMBER, "requests.view", "requests.research"],
  COMMITTEE: [...EVERY_MEMBER, "requests.view", "requests.decide"],
  BOARD: [...EVERY_MEMBER, "policy.vote", "reports.view", "surveys.view", "evidence.view", "audit.view"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Rank for "no one grants a role above their own": staff roles, then the board, then admins. */
const RANK: Record<Role, number> = { OFFICER: 1, RESEARCHER: 1, COMMITTEE: 1, BOARD: 2, ADMIN: 3 };

/** Whether a member with `granterRoles` may give someone `role`. Operators may grant any role. */
export function canGrant(granterRoles: readonly Role[], role: Role, isOperator = false): boolean {
  if (isOperator) return true;
  if (!can(granterRoles, "members.manage")) return false;
  return Math.max(0, ...granterRoles.map((r) => RANK[r])) >= RANK[role];
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
