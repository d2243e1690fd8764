import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { Plan } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { formatDualDate } from "../i18n/dates";
import type { Locale } from "../i18n/routing";
import { emailAdmins } from "./limits";
import { GRACE_DAYS, planOfPrice } from "./plans";
import { verifyWebhook } from "./stripe";

// Stripe's webhook: the only way a paid plan starts, changes or ends. Each event is applied once
// (its id is the StripeEvent primary key, inserted first in the same transaction) and only when it
// is newer than the last event of its own kind (Stripe delivers out of order): a subscription
// event than the last subscription event applied (stripeEventAt), an invoice event than the last
// invoice event recorded. The kinds are not compared with each other: an invoice.paid or a
// checkout.session.completed created a second after customer.subscription.created but delivered
// before it must not make the subscription, and so the plan, look stale.
// A forged or stale signature is a 400; a well-signed event Stripe sends in a shape we do not
// read is recorded and ignored (a 200, so Stripe stops retrying); a real failure is a 500, so
// Stripe retries it later.

export type WebhookResult = { status: number; body: object };

const LOCALE: Locale = "ar";
const DAY_MS = 86_400_000;
/** Statuses in which the subscription's plan is in force (past_due: the grace period). */
const LIVE = ["active", "trialing", "past_due"];
/** Statuses after which the association is back on Free. */
const ENDED = ["canceled", "unpaid", "incomplete_expired", "paused"];

// Only the fields read here, validated: Stripe's types say what should arrive, not what did.
const id = z.string().min(1).max(255);
const metadata = z.record(z.string(), z.string()).nullish();
/** An id, or the object it names when expanded. */
const ref = z.union([id, z.object({ id })]).nullish().transform((r) => (typeof r === "string" ? r : (r?.id ?? null)));
const customer = ref;

const subscriptionSchema = z.object({
  id,
  customer,
  status: z.string().max(32),
  cancel_at_period_end: z.boolean().nullish(),
  metadata,
  items: z.object({ data: z.array(z.object({ price: z.object({ id }), current_period_end: z.number().int().nullish() })) }),
});

const invoiceSchema = z.object({
  customer,
  parent: z
    .object({ subscription_details: z.object({ metadata, subscription: ref }).nullish() })
    .nullish(),
});

const checkoutSchema = z.object({
  mode: z.string().nullish(),
  customer,
  client_reference_id: z.string().nullish(),
  metadata,
  subscription: ref,
});

const associationIdSchema = z.uuid();

const HANDLED = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;
type Handled = (typeof HANDLED)[number];
const INVOICE_EVENTS: Handled[] = ["invoice.paid", "invoice.payment_failed"];

/** The change an event asks of the association's Subscription row, given that row. */
type Change = {
  data: SubscriptionData;
  audit?: "billing.plan_changed" | "billing.payment_failed" | "billing.payment_succeeded";
  emailAdmins?: boolean;
};
type SubscriptionData = {
  plan?: Plan;
  interval?: string | null;
  stripeCustomerId?: string | null;
  stripeSubscriptionId?: string | null;
  stripePriceId?: string | null;
  status?: string | null;
  currentPeriodEnd?: Date | null;
  cancelAtPeriodEnd?: boolean;
  paymentFailedAt?: Date | null;
  graceEndsAt?: Date | null;
};
type Row = { plan: Plan; stripeSubscriptionId: string | null; graceEndsAt: Date | null; stripeEventAt: Date | null };

/** Verifies, records and applies one webhook delivery. */
export async function handleStripeWebhook(
  db: Db,
  payload: string,
  signature: string | null,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WebhookResult> {
  let event;
  try {
    event = verifyWebhook(payload, signature, env);
  } catch {
    return { status: 400, body: { error: "billing.webhook.invalidSignature" } };
  }
  const created = new Date(event.created * 1000);
  const parsed = read(event.type, event.data.object, env);

  return db.$transaction(async (tx) => {
    const associationId = parsed ? await findAssociation(tx, parsed.associationId, parsed.customerId) : null;
    // ON CONFLICT DO NOTHING: a second delivery (even a concurrent one, which waits for the first
    // to commit) inserts nothing, and the transaction stays usable.
    const inserted = await tx.stripeEvent.createMany({
      data: { id: event.id, type: event.type, associationId, createdAt: created },
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { status: 200, body: { duplicate: true } };
    if (!parsed || !associationId) {
      if (!parsed && (HANDLED as readonly string[]).includes(event.type)) console.warn(`stripe webhook: ${event.type} ${event.id} has an unexpected shape`);
      return { status: 200, body: { ignored: true } };
    }

    // The row exists from here on, locked until commit, so two events for one association apply in turn.
    await tx.subscription.createMany({ data: { associationId, source: "STRIPE" }, skipDuplicates: true });
    await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE "associationId" = ${associationId}::uuid FOR UPDATE`;
    const row = await tx.subscription.findUniqueOrThrow({
      where: { associationId },
      select: { plan: true, stripeSubscriptionId: true, graceEndsAt: true, stripeEventAt: true },
    });
    const outOfOrder =
      parsed.kind === "subscription"
        ? !!row.stripeEventAt && created < row.stripeEventAt
        : parsed.kind === "invoice" &&
          (await tx.stripeEvent.count({ where: { associationId, type: { in: INVOICE_EVENTS }, createdAt: { gt: created } } })) > 0;
    if (outOfOrder) return { status: 200, body: { applied: false, outOfOrder: true } };
    const change = parsed.change(row, created);
    if (!change) return { status: 200, body: { ignored: true } };

    const after = await tx.subscription.update({
      where: { associationId },
      data: { ...change.data, source: "STRIPE", ...(parsed.kind === "subscription" ? { stripeEventAt: created } : {}) },
      select: { plan: true, graceEndsAt: true },
    });
    const audit = change.audit ?? (after.plan !== row.plan ? "billing.plan_changed" : undefined);
    if (audit) {
      await recordAudit(tx, {
        associationId,
        actorId: null,
        action: audit,
        target: { type: "Subscription", id: associationId },
        before: { plan: row.plan },
        after: { plan: after.plan, ...(audit === "billing.payment_failed" ? { graceEndsAt: after.graceEndsAt?.toISOString() } : {}) },
      });
    }
    if (change.emailAdmins && after.graceEndsAt) {
      await emailAdmins(tx, associationId, "billingPaymentFailed", { graceEnds: formatDualDate(after.graceEndsAt, LOCALE) });
    }
    return { status: 200, body: { applied: true } };
  });
}

/** kind: which events this one is ordered against; the checkout's customer and subscription ids never change, so it is not. */
type Parsed = {
  kind: "subscription" | "invoice" | "checkout";
  associationId: string | null;
  customerId: string | null;
  change: (row: Row, created: Date) => Change | null;
};

/** What a handled event says, or null for another type or an unexpected shape. */
function read(type: string, object: unknown, env: NodeJS.ProcessEnv): Parsed | null {
  if (!(HANDLED as readonly string[]).includes(type)) return null;
  switch (type as Handled) {
    case "checkout.session.completed": {
      const session = checkoutSchema.safeParse(object);
      if (!session.success || session.data.mode !== "subscription") return null;
      const s = session.data;
      return {
        kind: "checkout",
        associationId: s.metadata?.associationId ?? s.client_reference_id ?? null,
        customerId: s.customer,
        // The plan comes with customer.subscription.created: an event never carries the session's line items.
        change: () => ({ data: { stripeCustomerId: s.customer, stripeSubscriptionId: s.subscription } }),
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const parsed = subscriptionSchema.safeParse(object);
      if (!parsed.success) return null;
      const sub = parsed.data;
      const item = sub.items.data[0];
      const status = type === "customer.subscription.deleted" ? "canceled" : sub.status;
      return {
        kind: "subscription",
        associationId: sub.metadata?.associationId ?? null,
        customerId: sub.customer,
        change: (row) => {
          // A dead subscription other than the association's current one (say, the old one ending
          // after a new one began) must not touch it.
          if (row.stripeSubscriptionId && row.stripeSubscriptionId !== sub.id && !LIVE.includes(status)) return null;
          const priced = item ? planOfPrice(item.price.id, env) : null;
          const plan: Plan = ENDED.includes(status) ? "FREE" : LIVE.includes(status) && priced ? priced.plan : row.plan;
          return {
            data: {
              plan,
              interval: priced?.interval ?? null,
              stripeCustomerId: sub.customer,
              stripeSubscriptionId: sub.id,
              stripePriceId: item?.price.id ?? null,
              status,
              currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
              cancelAtPeriodEnd: !!sub.cancel_at_period_end,
              // Over: no grace to run out.
              ...(plan === "FREE" ? { paymentFailedAt: null, graceEndsAt: null } : {}),
            },
          };
        },
      };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const parsed = invoiceSchema.safeParse(object);
      if (!parsed.success) return null;
      const details = parsed.data.parent?.subscription_details;
      const failed = type === "invoice.payment_failed";
      return {
        kind: "invoice",
        associationId: details?.metadata?.associationId ?? null,
        customerId: parsed.data.customer,
        // The grace runs from the failure itself, not from a delivery Stripe may have retried for days.
        change: (row, failedAt) =>
          failed
            ? {
                data: { paymentFailedAt: failedAt, graceEndsAt: row.graceEndsAt ?? new Date(failedAt.getTime() + GRACE_DAYS * DAY_MS) },
                audit: "billing.payment_failed",
                // The e-mail says until when the paid plan holds: on Free (say, a first payment that never went through) there is none.
                emailAdmins: row.plan !== "FREE",
              }
            : { data: { paymentFailedAt: null, graceEndsAt: null }, audit: "billing.payment_succeeded" },
      };
    }
  }
}

/** The association named by the event's metadata if it exists, else the one holding the Stripe customer.
 * Metadata naming one association with another's customer is ignored: applied, it would hand that
 * customer (its invoices, its portal) to the first. */
async function findAssociation(db: DbClient, fromMetadata: string | null, customerId: string | null): Promise<string | null> {
  const holder = customerId
    ? (await db.subscription.findFirst({ where: { stripeCustomerId: customerId }, select: { associationId: true } }))?.associationId ?? null
    : null;
  if (!fromMetadata) return holder;
  const valid = associationIdSchema.safeParse(fromMetadata);
  if (!valid.success || (holder && holder !== valid.data)) return null;
  const found = await db.association.findUnique({ where: { id: valid.data }, select: { id: true } });
  return found?.id ?? null;
}
