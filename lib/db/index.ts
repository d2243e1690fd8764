import { openDatabase, targetFromEnv, type Database, type Db } from "./client";

export type { Db } from "./client";

// One database per server process, kept on globalThis: Next may load this module in several
// bundles, and PGlite must never open its data folder twice.
const holder = globalThis as unknown as { __ailaqaDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__ailaqaDb ??= openDatabase(targetFromEnv());
  return holder.__ailaqaDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).prisma;
}
