import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";

// Counters live in the database (RateLimiterFlexible table), so every app node sees the same
// count. Limits count failures (sign-in) or requests (reset links, invitations).

const LIMITS = {
  signInAccount: { points: 5, duration: 15 * 60 },
  signInIp: { points: 20, duration: 15 * 60 },
  passwordResetEmail: { points: 3, duration: 60 * 60 },
  passwordResetIp: { points: 10, duration: 60 * 60 },
  registerIp: { points: 5, duration: 60 * 60 },
  intakeIp: { points: 20, duration: 60 * 60 },
  intakePhone: { points: 3, duration: 24 * 60 * 60 },
  trackIp: { points: 20, duration: 15 * 60 },
  trackRequest: { points: 5, duration: 60 * 60 },
  complaintIp: { points: 10, duration: 60 * 60 },
  surveyIp: { points: 10, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/** A limiter over a client or an open transaction (cheap to make: it holds no state). Inside a
 * transaction the count commits with the action; PGlite has one connection, so a second
 * client there would wait for the transaction forever. */
function limiter(db: DbClient, name: LimitName): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix: name,
    clearExpiredByTimeout: false,
    ...LIMITS[name],
  });
}

/** Throws RATE_LIMITED when the key has no points left, without consuming one. */
export async function assertNotLimited(db: DbClient, name: LimitName, key: string) {
  const state = await limiter(db, name).get(key);
  if (state && state.consumedPoints >= LIMITS[name].points) throw new AppError("RATE_LIMITED");
}

/** Counts one event; throws RATE_LIMITED when this one goes over the limit. */
export async function consume(db: DbClient, name: LimitName, key: string) {
  try {
    await limiter(db, name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED");
    throw error;
  }
}

/** Counts one event without throwing (a failed sign-in is already an error of its own). */
export async function penalize(db: DbClient, name: LimitName, key: string) {
  await limiter(db, name).penalty(key, 1);
}

export async function reset(db: DbClient, name: LimitName, key: string) {
  await limiter(db, name).delete(key);
}
