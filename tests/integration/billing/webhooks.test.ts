/** @jest-environment node */
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { handleStripeWebhook } from "@/lib/billing/webhooks";
import type { Database } from "@/lib/db/client";
import { demoEmail } from "@/lib/db/seed";
import { engineName, freshDatabase } from "../../helpers/db";
import { seedWithAccounts, tenant } from "../fixtures";

// Stripe's webhook, signed with the stripe library's own test helper, against a real database.

const SECRET = "whsec_test_webhook";
const ENV: NodeJS.ProcessEnv = {
  NODE_ENV: "test",
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_PRICE_STANDARD_MONTHLY: "price_std_m",
  STRIPE_PRICE_STANDARD_YEARLY: "price_std_y",
  STRIPE_PRICE_PLUS_MONTHLY: "price_plus_m",
  STRIPE_PRICE_PLUS_YEARLY: "price_plus_y",
};
const stripe = new Stripe("sk_test_unused");
const NOW = new Date("2026-11-24T09:00:00Z");
const T0 = Math.floor(NOW.getTime() / 1000) - 3600;

let db: Database;
let qaderId: string;
let alhilahId: string;

beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
  qaderId = (await tenant(db.prisma, "qader")).id;
  alhilahId = (await tenant(db.prisma, "alhilah")).id;
  // The seed grants the demo associations Plus; here Qader starts on Free (no row) and Al-Hilah
  // already pays for Standard through its own customer.
  await db.prisma.subscription.deleteMany({ where: { associationId: { in: [qaderId, alhilahId] } } });
  await db.prisma.subscription.create({
    data: { associationId: alhilahId, plan: "STANDARD", stripeCustomerId: "cus_alhilah", stripeSubscriptionId: "sub_alhilah", status: "active" },
  });
}, 60_000);
afterAll(() => db.close());

type Event = { id: string; type: string; created: number; object: object };
const event = (type: string, object: object, created = T0): Event => ({ id: `evt_${randomUUID()}`, type, created, object });

function payloadOf(e: Event) {
  return JSON.stringify({ id: e.id, object: "event", api_version: "2026-10-28.endive", created: e.created, type: e.type, data: { object: e.object }, livemode: false, pending_webhooks: 1, request: null });
}

/** Delivers an event as Stripe would: the raw body and its signature header. */
function deliver(e: Event, options: { secret?: string; timestamp?: number } = {}) {
  const payload = payloadOf(e);
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp });
  return handleStripeWebhook(db.prisma, payload, signature, ENV);
}

const subscription = (o: { id?: string; customer?: string; price: string; status?: string; associationId?: string | null; periodEnd?: number; cancel?: boolean }) => ({
  id: o.id ?? "sub_qader",
  object: "subscription",
  customer: o.customer ?? "cus_qader",
  status: o.status ?? "active",
  cancel_at_period_end: o.cancel ?? false,
  metadata: o.associationId === null ? {} : { associationId: o.associationId ?? qaderId },
  items: { object: "list", data: [{ id: "si_1", price: { id: o.price }, current_period_end: o.periodEnd ?? T0 + 30 * 86400 }] },
});
const invoice = (customer: string, associationId?: string) => ({
  id: `in_${randomUUID()}`,
  object: "invoice",
  customer,
  parent: { type: "subscription_details", subscription_details: { subscription: "sub_qader", metadata: associationId ? { associationId } : {} } },
});

const row = (associationId: string) => db.prisma.subscription.findUnique({ where: { associationId } });
const eventCount = () => db.prisma.stripeEvent.count();
const audits = (action: string, associationId: string) => db.prisma.auditEvent.findMany({ where: { action, associationId } });

describe(`Stripe webhook (${engineName()})`, () => {
  test("a forged signature (another secret) or a missing one is a 400 and writes nothing", async () => {
    const before = await eventCount();
    const forged = await deliver(event("customer.subscription.created", subscription({ price: "price_plus_m" })), { secret: "whsec_attacker" });
    expect(forged).toEqual({ status: 400, body: { error: "billing.webhook.invalidSignature" } });
    const missing = await handleStripeWebhook(db.prisma, payloadOf(event("invoice.paid", invoice("cus_qader"))), null, ENV);
    expect(missing.status).toBe(400);
    expect(await eventCount()).toBe(before);
    expect(await row(qaderId)).toBeNull();
  });

  test("a signature older than the tolerance (300 s) is a 400", async () => {
    const stale = await deliver(event("customer.subscription.created", subscription({ price: "price_plus_m" })), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(400);
    expect(await row(qaderId)).toBeNull();
  });

  test("checkout completes: the customer and subscription are stored, the plan waits for the subscription", async () => {
    const result = await deliver(
      event("checkout.session.completed", { id: "cs_1", object: "checkout.session", mode: "subscription", customer: "cus_qader", subscription: "sub_qader", client_reference_id: qaderId, metadata: { associationId: qaderId } }),
    );
    expect(result).toEqual({ status: 200, body: { applied: true } });
    expect(await row(qaderId)).toMatchObject({ plan: "FREE", source: "STRIPE", stripeCustomerId: "cus_qader", stripeSubscriptionId: "sub_qader" });
  });

  test("a valid subscription event applies its plan, interval, period end and status, and is audited", async () => {
    const created = event("customer.subscription.created", subscription({ price: "price_std_y", periodEnd: T0 + 365 * 86400 }), T0 + 10);
    expect(await deliver(created)).toEqual({ status: 200, body: { applied: true } });
    expect(await row(qaderId)).toMatchObject({
      plan: "STANDARD",
      interval: "year",
      stripePriceId: "price_std_y",
      status: "active",
      currentPeriodEnd: new Date((T0 + 365 * 86400) * 1000),
      cancelAtPeriodEnd: false,
      stripeEventAt: new Date((T0 + 10) * 1000),
    });
    const [audit] = await audits("billing.plan_changed", qaderId);
    expect(audit).toMatchObject({ actorId: null, summary: { before: { plan: "FREE" }, after: { plan: "STANDARD" } } });
    expect(await db.prisma.stripeEvent.findUnique({ where: { id: created.id } })).toMatchObject({ type: "customer.subscription.created", associationId: qaderId });
  });

  test("the same event delivered twice is applied once", async () => {
    const e = event("customer.subscription.updated", subscription({ price: "price_std_y", cancel: true }), T0 + 20);
    expect((await deliver(e)).body).toEqual({ applied: true });
    const auditsBefore = await db.prisma.auditEvent.count();
    // Meanwhile the row moves on; a replay must not put cancelAtPeriodEnd back.
    await db.prisma.subscription.update({ where: { associationId: qaderId }, data: { cancelAtPeriodEnd: false } });
    expect(await deliver(e)).toEqual({ status: 200, body: { duplicate: true } });
    expect((await row(qaderId))?.cancelAtPeriodEnd).toBe(false);
    expect(await db.prisma.auditEvent.count()).toBe(auditsBefore);
  });

  test("out of order: an older event arriving after a newer one changes nothing", async () => {
    const t1 = T0 + 100;
    const t2 = T0 + 200;
    expect((await deliver(event("customer.subscription.updated", subscription({ price: "price_plus_m" }), t2))).body).toEqual({ applied: true });
    const late = event("customer.subscription.updated", subscription({ price: "price_std_m" }), t1);
    expect((await deliver(late)).status).toBe(200);
    expect(await row(qaderId)).toMatchObject({ plan: "PLUS", interval: "month", stripeEventAt: new Date(t2 * 1000) });
    // Recorded all the same: a redelivery is a duplicate.
    expect(await db.prisma.stripeEvent.findUnique({ where: { id: late.id } })).not.toBeNull();
  });

  test("a failed payment starts the grace period once, from the failure, and e-mails the admins in Arabic; a paid invoice clears it", async () => {
    // Delivered an hour late (Stripe retries deliveries for days): the grace still runs from the failure.
    const failed = await deliver(event("invoice.payment_failed", invoice("cus_qader"), T0 + 300));
    expect(failed.body).toEqual({ applied: true });
    const failedAt = new Date((T0 + 300) * 1000);
    const graceEndsAt = new Date(failedAt.getTime() + 7 * 86_400_000);
    expect(await row(qaderId)).toMatchObject({ plan: "PLUS", paymentFailedAt: failedAt, graceEndsAt });
    const mail = await db.prisma.outboxMessage.findMany({ where: { template: "billingPaymentFailed" } });
    expect(mail.map((m) => m.recipient)).toEqual([demoEmail("qader", "ADMIN")]);
    expect(mail[0]).toMatchObject({ associationId: qaderId, channel: "EMAIL" });
    expect(mail[0].subject).toContain("تعذّر تحصيل");
    expect(mail[0].body).toContain("/admin/billing");
    expect(await audits("billing.payment_failed", qaderId)).toHaveLength(1);

    // A second failure (Stripe retries) does not extend the grace period.
    await deliver(event("invoice.payment_failed", invoice("cus_qader"), T0 + 400));
    expect((await row(qaderId))?.graceEndsAt).toEqual(graceEndsAt);

    expect((await deliver(event("invoice.paid", invoice("cus_qader", qaderId), T0 + 500))).body).toEqual({ applied: true });
    expect(await row(qaderId)).toMatchObject({ plan: "PLUS", paymentFailedAt: null, graceEndsAt: null });
    expect(await audits("billing.payment_succeeded", qaderId)).toHaveLength(1);
  });

  test("a deleted subscription puts the association back on Free", async () => {
    expect((await deliver(event("customer.subscription.deleted", subscription({ price: "price_plus_m", status: "canceled" }), T0 + 600))).body).toEqual({ applied: true });
    expect(await row(qaderId)).toMatchObject({ plan: "FREE", status: "canceled", stripeCustomerId: "cus_qader" });
    const changes = await audits("billing.plan_changed", qaderId);
    expect(changes.at(-1)?.summary).toMatchObject({ before: { plan: "PLUS" }, after: { plan: "FREE" } });
  });

  test("ended statuses mean Free; past_due keeps the plan", async () => {
    await deliver(event("customer.subscription.updated", subscription({ price: "price_std_m" }), T0 + 700));
    await deliver(event("customer.subscription.updated", subscription({ price: "price_std_m", status: "past_due" }), T0 + 710));
    expect(await row(qaderId)).toMatchObject({ plan: "STANDARD", status: "past_due" });
    await deliver(event("customer.subscription.updated", subscription({ price: "price_std_m", status: "unpaid" }), T0 + 720));
    expect(await row(qaderId)).toMatchObject({ plan: "FREE", status: "unpaid" });
  });

  test("metadata naming an association that does not exist is ignored (and recorded), whatever the customer", async () => {
    const stranger = event("customer.subscription.updated", subscription({ price: "price_plus_y", customer: "cus_alhilah", associationId: randomUUID() }), T0 + 800);
    expect(await deliver(stranger)).toEqual({ status: 200, body: { ignored: true } });
    const notUuid = event("customer.subscription.updated", subscription({ price: "price_plus_y", associationId: "'; drop table" }), T0 + 801);
    expect(await deliver(notUuid)).toEqual({ status: 200, body: { ignored: true } });
    expect(await db.prisma.stripeEvent.findUnique({ where: { id: stranger.id } })).toMatchObject({ associationId: null });
    expect(await row(alhilahId)).toMatchObject({ plan: "STANDARD", stripeEventAt: null });
  });

  test("isolation: events for Qader (by metadata or by its customer) never change Al-Hilah's row", async () => {
    const alhilahBefore = await row(alhilahId);
    await deliver(event("customer.subscription.updated", subscription({ price: "price_plus_y" }), T0 + 900));
    await deliver(event("invoice.payment_failed", invoice("cus_qader"), T0 + 901));
    // Qader's association id with Al-Hilah's customer: ignored, or Qader's portal would open Al-Hilah's customer.
    const crossed = event("customer.subscription.updated", subscription({ id: "sub_alhilah", customer: "cus_alhilah", price: "price_plus_y" }), T0 + 902);
    expect(await deliver(crossed)).toEqual({ status: 200, body: { ignored: true } });
    expect((await row(qaderId))?.stripeCustomerId).toBe("cus_qader");
    expect(await row(qaderId)).toMatchObject({ plan: "PLUS" });
    expect(await row(alhilahId)).toEqual(alhilahBefore);
    expect(await db.prisma.outboxMessage.count({ where: { template: "billingPaymentFailed", associationId: alhilahId } })).toBe(0);
  });

  test("found by customer when the object carries no association id", async () => {
    await deliver(event("customer.subscription.updated", subscription({ id: "sub_alhilah", customer: "cus_alhilah", price: "price_std_m", associationId: null, cancel: true }), T0 + 1000));
    expect(await row(alhilahId)).toMatchObject({ plan: "STANDARD", cancelAtPeriodEnd: true });
  });

  test("a failed payment on Free (no paid plan to keep) e-mails nobody", async () => {
    const mails = await db.prisma.outboxMessage.count({ where: { template: "billingPaymentFailed" } });
    await deliver(event("customer.subscription.updated", subscription({ price: "price_plus_y", status: "canceled" }), T0 + 1100));
    expect((await deliver(event("invoice.payment_failed", invoice("cus_qader", qaderId), T0 + 1101))).body).toEqual({ applied: true });
    expect(await db.prisma.outboxMessage.count({ where: { template: "billingPaymentFailed" } })).toBe(mails);
  });

  test("other event types, unknown customers and unexpected shapes are a 200 ignored", async () => {
    expect(await deliver(event("customer.created", { id: "cus_new", object: "customer" }))).toEqual({ status: 200, body: { ignored: true } });
    expect(await deliver(event("invoice.paid", invoice("cus_unknown")))).toEqual({ status: 200, body: { ignored: true } });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    expect(await deliver(event("customer.subscription.updated", { id: "sub_x", status: 42 }))).toEqual({ status: 200, body: { ignored: true } });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test("out of order across kinds: a checkout or an invoice delivered before an older subscription event does not make it stale", async () => {
    // Stripe creates the subscription first, then bills it and completes the checkout; it may deliver them the other way round.
    const session = { id: "cs_2", object: "checkout.session", mode: "subscription", customer: "cus_qader", subscription: "sub_qader2", metadata: { associationId: qaderId } };
    expect((await deliver(event("checkout.session.completed", session, T0 + 3002))).body).toEqual({ applied: true });
    expect((await deliver(event("invoice.paid", invoice("cus_qader", qaderId), T0 + 3001))).body).toEqual({ applied: true });
    expect((await deliver(event("customer.subscription.created", subscription({ id: "sub_qader2", price: "price_std_m" }), T0 + 3000))).body).toEqual({ applied: true });
    expect(await row(qaderId)).toMatchObject({ plan: "STANDARD", stripeSubscriptionId: "sub_qader2", paymentFailedAt: null, stripeEventAt: new Date((T0 + 3000) * 1000) });
  });

  test("out of order among invoices: a failure older than a paid invoice starts no grace", async () => {
    expect((await deliver(event("invoice.paid", invoice("cus_qader", qaderId), T0 + 3101))).body).toEqual({ applied: true });
    expect((await deliver(event("invoice.payment_failed", invoice("cus_qader", qaderId), T0 + 3100))).body).toEqual({ applied: false, outOfOrder: true });
    expect(await row(qaderId)).toMatchObject({ plan: "STANDARD", paymentFailedAt: null, graceEndsAt: null });
  });

  if (engineName() === "postgres") {
    test("the same event delivered twice at once is applied once", async () => {
      const e = event("invoice.payment_failed", invoice("cus_alhilah", alhilahId), T0 + 2000);
      const results = await Promise.all([deliver(e), deliver(e)]);
      expect(results.map((r) => r.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([{ applied: true }, { duplicate: true }]);
      expect(await db.prisma.outboxMessage.count({ where: { template: "billingPaymentFailed", associationId: alhilahId } })).toBe(1);
      expect(await audits("billing.payment_failed", alhilahId)).toHaveLength(1);
    });
  }
});
