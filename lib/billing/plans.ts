import type { Plan } from "../db/generated/enums";

// The plans, in one place: limits enforced by the services (lib/billing/limits.ts), prices in
// SAR shown on the billing page, and the Stripe price ids they map to (from the environment, so
// test and live accounts differ only there). Beneficiaries never pay.

export const PLANS = ["FREE", "STANDARD", "PLUS"] as const satisfies readonly Plan[];
export const INTERVALS = ["month", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

export type PlanLimits = {
  /** Members of the association (pending invitations count too); null: unlimited. */
  members: number | null;
  /** Requests received in a Riyadh month before the admins are told; the public form never refuses. */
  requestsPerMonth: number | null;
  /** Surveys the association may have; null: unlimited. */
  surveys: number | null;
  customDomain: boolean;
  /** The evidence pack printed under the association's own letterhead and colours. */
  brandedEvidencePack: boolean;
};

export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  FREE: { members: 3, requestsPerMonth: 50, surveys: 1, customDomain: false, brandedEvidencePack: false },
  STANDARD: { members: 15, requestsPerMonth: 1000, surveys: null, customDomain: true, brandedEvidencePack: false },
  PLUS: { members: null, requestsPerMonth: null, surveys: null, customDomain: true, brandedEvidencePack: true },
};

/** Prices in SAR (VAT included) for the paid plans. */
export const PLAN_PRICES_SAR: Record<Exclude<Plan, "FREE">, Record<Interval, number>> = {
  STANDARD: { month: 199, year: 1990 },
  PLUS: { month: 499, year: 4990 },
};

/** The environment variable holding each paid plan's Stripe price id. */
export const PRICE_ENV: Record<Exclude<Plan, "FREE">, Record<Interval, string>> = {
  STANDARD: { month: "STRIPE_PRICE_STANDARD_MONTHLY", year: "STRIPE_PRICE_STANDARD_YEARLY" },
  PLUS: { month: "STRIPE_PRICE_PLUS_MONTHLY", year: "STRIPE_PRICE_PLUS_YEARLY" },
};

export type PaidPlan = keyof typeof PRICE_ENV;

/** The Stripe price id of a paid plan and interval, or null when not configured. */
export function priceId(plan: PaidPlan, interval: Interval, env: NodeJS.ProcessEnv = process.env): string | null {
  return env[PRICE_ENV[plan][interval]] || null;
}

/** Which plan and interval a Stripe price id stands for (webhooks carry price ids). */
export function planOfPrice(id: string, env: NodeJS.ProcessEnv = process.env): { plan: PaidPlan; interval: Interval } | null {
  for (const plan of Object.keys(PRICE_ENV) as PaidPlan[]) {
    for (const interval of INTERVALS) if (priceId(plan, interval, env) === id) return { plan, interval };
  }
  return null;
}

/** Days a failed payment leaves the paid plan in force before it falls back to Free. */
export const GRACE_DAYS = 7;
