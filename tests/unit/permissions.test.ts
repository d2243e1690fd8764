/** @jest-environment node */
import type { Role } from "@/lib/db/generated/enums";
import { can, canGrant, isRole, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";

// The expected table, written out by hand: a change to lib/auth/permissions.ts must be made
// here too, on purpose.
const EXPECTED: Record<Role, Permission[]> = {
  ADMIN: [
    "console.view",
    "policy.view",
    "members.view",
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
  OFFICER: ["console.view", "policy.view", "members.view", "requests.view", "requests.handle", "complaints.manage", "reports.view", "surveys.view", "surveys.manage"],
  RESEARCHER: ["console.view", "policy.view", "members.view", "requests.view", "requests.research"],
  COMMITTEE: ["console.view", "policy.view", "members.view", "requests.view", "requests.decide"],
  BOARD: ["console.view", "policy.view", "members.view", "policy.vote", "reports.view", "surveys.view", "evidence.view", "audit.view"],
};

const sorted = (values: Iterable<string>) => [...values].sort();

describe("permission table", () => {
  it("knows exactly the five roles", () => {
    expect(sorted(ROLES)).toEqual(sorted(Object.keys(EXPECTED)));
    expect(sorted(Object.keys(ROLE_PERMISSIONS))).toEqual(sorted(ROLES));
  });

  it.each(ROLES)("%s has exactly the permissions of the table", (role) => {
    expect(sorted(permissionsOf([role]))).toEqual(sorted(EXPECTED[role]));
  });

  // Every cell of the role × permission grid, both ways.
  const grid = ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, EXPECTED[role].includes(permission)] as const));
  it.each(grid)("can([%s], %s) is %s", (role, permission, allowed) => {
    expect(can([role], permission)).toBe(allowed);
    expect(permissionsOf([role]).has(permission)).toBe(allowed);
  });

  it("only lists permissions that exist", () => {
    for (const role of ROLES) for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
  });

  it("gives every role the console", () => {
    for (const role of ROLES) expect(can([role], "console.view")).toBe(true);
  });

  it("separates the admin's and the board's powers", () => {
    expect(can(["ADMIN"], "members.manage")).toBe(true);
    expect(can(["ADMIN"], "billing.manage")).toBe(true);
    expect(can(["ADMIN"], "audit.view")).toBe(true);
    expect(can(["ADMIN"], "policy.vote")).toBe(false);
    expect(can(["BOARD"], "policy.vote")).toBe(true);
    expect(can(["BOARD"], "audit.view")).toBe(true);
    expect(can(["BOARD"], "members.manage")).toBe(false);
    expect(can(["BOARD"], "billing.manage")).toBe(false);
  });

  it("gives the request roles only their own step of a request", () => {
    expect(ROLES.filter((r) => can([r], "requests.handle"))).toEqual(["OFFICER"]);
    expect(ROLES.filter((r) => can([r], "requests.research"))).toEqual(["RESEARCHER"]);
    expect(ROLES.filter((r) => can([r], "requests.decide"))).toEqual(["COMMITTEE"]);
    expect(ROLES.filter((r) => can([r], "requests.view")).sort()).toEqual(["ADMIN", "COMMITTEE", "OFFICER", "RESEARCHER"]);
  });

  it("gives no one anything without a role", () => {
    expect(permissionsOf([]).size).toBe(0);
    for (const permission of PERMISSIONS) expect(can([], permission)).toBe(false);
  });
});

describe("several roles", () => {
  it.each([
    [["BOARD", "OFFICER"]],
    [["ADMIN", "BOARD"]],
    [["RESEARCHER", "COMMITTEE"]],
    [["OFFICER", "RESEARCHER", "COMMITTEE"]],
    [[...ROLES]],
  ] as Role[][][])("%j has the union of its roles' permissions", (roles) => {
    const union = new Set(roles.flatMap((role) => EXPECTED[role]));
    expect(sorted(permissionsOf(roles))).toEqual(sorted(union));
    for (const permission of PERMISSIONS) expect(can(roles, permission)).toBe(union.has(permission));
  });

  it("board + officer may both vote and handle requests, but not manage members", () => {
    const roles: Role[] = ["BOARD", "OFFICER"];
    expect(can(roles, "policy.vote")).toBe(true);
    expect(can(roles, "requests.handle")).toBe(true);
    expect(can(roles, "members.manage")).toBe(false);
  });

  it("admin + board adds the vote to the admin's powers", () => {
    expect(can(["ADMIN"], "policy.vote")).toBe(false);
    expect(can(["ADMIN", "BOARD"], "policy.vote")).toBe(true);
  });
});

describe("canGrant", () => {
  it.each(ROLES)("an admin may grant %s", (role) => {
    expect(canGrant(["ADMIN"], role)).toBe(true);
  });

  const nonAdmin = ROLES.filter((r) => r !== "ADMIN");
  const pairs = nonAdmin.flatMap((granter) => ROLES.map((role) => [granter, role] as const));
  it.each(pairs)("a %s may not grant %s", (granter, role) => {
    expect(canGrant([granter], role)).toBe(false);
  });

  it("several non-admin roles together still grant nothing", () => {
    for (const role of ROLES) expect(canGrant(["BOARD", "OFFICER", "RESEARCHER", "COMMITTEE"], role)).toBe(false);
  });

  it("no roles grant nothing", () => {
    for (const role of ROLES) expect(canGrant([], role)).toBe(false);
  });

  it.each(ROLES)("an operator may grant %s, with or without roles of their own", (role) => {
    expect(canGrant([], role, true)).toBe(true);
    expect(canGrant(["OFFICER"], role, true)).toBe(true);
  });
});

describe("isRole", () => {
  it("accepts the five roles and nothing else", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["admin", "OPERATOR", "", "ADMIN ", "__proto__"]) expect(isRole(value)).toBe(false);
  });
});
