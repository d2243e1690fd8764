import type { Prisma } from "./generated/client";
import type { Db } from "./client";

/** A client or an open transaction: services take this so the guard can run them atomically. */
export type DbClient = Db | Prisma.TransactionClient;
