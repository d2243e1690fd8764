import { handleStripeWebhook } from "@/lib/billing/webhooks";
import { getDb } from "@/lib/db";

// Stripe calls the platform host, signed by STRIPE_WEBHOOK_SECRET: no session, no tenant guard.
// The signature covers the exact bytes, so the body is read raw, never parsed first.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const payload = await request.text();
  const { status, body } = await handleStripeWebhook(await getDb(), payload, request.headers.get("stripe-signature"));
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
