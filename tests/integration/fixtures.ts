import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { DEMO_OPERATOR_EMAIL, demoEmail, seed, seedDemoAccounts } from "@/lib/db/seed";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { tenancyRepository, type Tenant } from "@/lib/tenancy/repository";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

// Shared set-up for the accounts tests: both seed associations with one demo account per role.

export const SLUGS = ["qader", "alhilah"] as const;
export type Slug = (typeof SLUGS)[number];
export type DemoRole = Role;

export async function seedWithAccounts(db: Db) {
  await seed(db);
  await seedDemoAccounts(db);
}

/** Straight from the database (no cache), with its current status. */
export async function tenant(db: Db, slug: string): Promise<Tenant> {
  const found = await tenancyRepository(db).findBySlug(slug);
  if (!found) throw new Error(`no association ${slug}`);
  return found;
}

export async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, isOperator: true } });
}

export const demoUser = (db: Db, slug: Slug, role: DemoRole) => sessionUser(db, demoEmail(slug, role));
export const operatorUser = (db: Db) => sessionUser(db, DEMO_OPERATOR_EMAIL);

function lookup(messages: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** Whether a message key (as the guard returns it) has a text in both languages. */
export const hasMessage = (key: string | undefined) =>
  !!key && typeof lookup(ar, key) === "string" && typeof lookup(en, key) === "string";

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
export async function appError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}
