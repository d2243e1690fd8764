import Stripe from "stripe";

// The one Stripe client. Without STRIPE_SECRET_KEY billing is "not configured" and every
// association is on Free. STRIPE_API_HOST/PORT/PROTOCOL point the client elsewhere (tests run a
// local HTTP server standing in for Stripe's API).

export function stripeConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.STRIPE_SECRET_KEY;
}

export function stripeClient(env: NodeJS.ProcessEnv = process.env): Stripe | null {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return null;
  return new Stripe(key, {
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: Number(env.STRIPE_API_PORT) } : {}),
    ...(env.STRIPE_API_PROTOCOL === "http" ? { protocol: "http" as const } : {}),
    maxNetworkRetries: 1,
    timeout: 20_000,
  });
}

/** Verifies a webhook's signature (STRIPE_WEBHOOK_SECRET) and parses its event; throws when forged or stale. */
export function verifyWebhook(payload: string, signature: string | null, env: NodeJS.ProcessEnv = process.env): Stripe.Event {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) throw new Error("webhook signature missing or webhook secret not configured");
  // The key is not used to verify; constructEvent is a method of any client.
  return new Stripe(env.STRIPE_SECRET_KEY || "sk_unconfigured").webhooks.constructEvent(payload, signature, secret);
}
