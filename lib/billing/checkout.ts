import type Stripe from "stripe";
import { z } from "zod";
import type { ActionContext, Outcome } from "../auth/access";
import { AppError, loggable } from "../errors";
import type { Locale } from "../i18n/routing";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { INTERVALS, priceId, type PaidPlan } from "./plans";
import { stripeClient, stripeConfigured } from "./stripe";

// Upgrading (Stripe Checkout) and managing (Customer Portal) an association's subscription. One
// Stripe customer per association, kept on its Subscription row. Plans change only through
// webhooks (lib/billing/webhooks.ts): a finished checkout is not proof of payment.

type Env = NodeJS.ProcessEnv;

const PLANS_PAID = ["STANDARD", "PLUS"] as const satisfies readonly PaidPlan[];

export const checkoutSchema = z.object({
  plan: z.enum(PLANS_PAID, { error: "validation.required" }),
  interval: z.enum(INTERVALS, { error: "validation.required" }),
});
export const portalSchema = z.object({});

/** Stripe statuses under which the association already pays: changes go through the portal, not a second subscription. */
const LIVE_STATUSES = new Set(["active", "trialing", "past_due", "unpaid", "incomplete"]);

export const hasLiveSubscription = (sub: { stripeSubscriptionId: string | null; status: string | null } | null) =>
  !!sub?.stripeSubscriptionId && LIVE_STATUSES.has(sub.status ?? "");

/** Checkout can run: a Stripe key and every paid plan's price id (a half-configured server offers no upgrade). */
export const checkoutConfigured = (env: Env = process.env) =>
  stripeConfigured(env) && PLANS_PAID.every((plan) => INTERVALS.every((interval) => !!priceId(plan, interval, env)));

function client(env: Env): Stripe {
  const stripe = stripeClient(env);
  if (!stripe) throw new AppError("BILLING_NOT_CONFIGURED");
  return stripe;
}

/** Stripe's pages have no Arabic: "auto" follows the browser, which beats forcing English. */
const stripeLocale = (locale: Locale) => (locale === "en" ? "en" : "auto");

/** Runs one call to Stripe; any failure of Stripe's becomes BILLING_UNAVAILABLE (the transaction then rolls back). */
async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    console.error(`[billing] ${what} failed:`, loggable(error));
    throw new AppError("BILLING_UNAVAILABLE");
  }
}

function billingUrl(ctx: ActionContext, query = ""): string {
  const tenant = ctx.member!.tenant;
  return pageUrl(tenantUrl(tenant.slug, ctx.locale), `/admin/billing${query}`);
}

/** The association's Stripe customer: the one already on its Subscription row, or a new one stored there. */
async function customerOf(ctx: ActionContext, stripe: Stripe, known: string | null): Promise<string> {
  const tenant = ctx.member!.tenant;
  if (known) return known;
  // The idempotency key makes a retry after a rolled-back transaction get the same customer back.
  const customer = await callStripe("customers.create", () =>
    stripe.customers.create(
      { name: tenant.nameEn || tenant.nameAr, ...(tenant.email ? { email: tenant.email } : {}), metadata: { associationId: tenant.id, slug: tenant.slug } },
      { idempotencyKey: `customer-${tenant.id}` },
    ),
  );
  await ctx.db.subscription.upsert({
    where: { associationId: tenant.id },
    create: { associationId: tenant.id, stripeCustomerId: customer.id },
    update: { stripeCustomerId: customer.id },
  });
  return customer.id;
}

/** Starts a Stripe Checkout session for a paid plan; the browser goes to Stripe's page. */
export async function startCheckout(ctx: ActionContext, input: z.output<typeof checkoutSchema>, env: Env = process.env): Promise<Outcome> {
  const stripe = client(env);
  const price = priceId(input.plan, input.interval, env);
  if (!price) throw new AppError("BILLING_NOT_CONFIGURED");
  const tenant = ctx.member!.tenant;
  const current = await ctx.db.subscription.findUnique({ where: { associationId: tenant.id }, select: { stripeCustomerId: true, stripeSubscriptionId: true, status: true } });
  if (hasLiveSubscription(current)) throw new AppError("BILLING_ALREADY_SUBSCRIBED");
  const customer = await customerOf(ctx, stripe, current?.stripeCustomerId ?? null);
  const session = await callStripe("checkout.sessions.create", () =>
    stripe.checkout.sessions.create({
      mode: "subscription",
      customer,
      line_items: [{ price, quantity: 1 }],
      success_url: billingUrl(ctx, "?checkout=success"),
      cancel_url: billingUrl(ctx, "?checkout=cancel"),
      client_reference_id: tenant.id,
      metadata: { associationId: tenant.id },
      subscription_data: { metadata: { associationId: tenant.id } },
      locale: stripeLocale(ctx.locale),
    }),
  );
  if (!session.url) throw new AppError("BILLING_UNAVAILABLE");
  return {
    redirectTo: session.url,
    // Also handed to the client, which navigates itself should the redirect not happen.
    data: { url: session.url },
    refresh: false,
    audit: { action: "billing.checkout_started", target: { type: "Association", id: tenant.id }, after: { plan: input.plan, interval: input.interval, session: session.id } },
  };
}

/** Opens Stripe's Customer Portal (payment method, plan changes, cancellation, invoices). */
export async function openPortal(ctx: ActionContext, _input: z.output<typeof portalSchema>, env: Env = process.env): Promise<Outcome> {
  const stripe = client(env);
  const tenant = ctx.member!.tenant;
  const row = await ctx.db.subscription.findUnique({ where: { associationId: tenant.id }, select: { stripeCustomerId: true } });
  if (!row?.stripeCustomerId) throw new AppError("BILLING_NO_CUSTOMER");
  const customer = row.stripeCustomerId;
  const session = await callStripe("billingPortal.sessions.create", () =>
    stripe.billingPortal.sessions.create({ customer, return_url: billingUrl(ctx), locale: stripeLocale(ctx.locale) }),
  );
  return {
    redirectTo: session.url,
    data: { url: session.url },
    refresh: false,
    audit: { action: "billing.portal_opened", target: { type: "Association", id: tenant.id } },
  };
}

export type InvoiceRow = { id: string; number: string | null; created: Date; amount: number; currency: string; status: string | null; url: string | null };

/** The customer's latest invoices, or null when Stripe cannot be reached (the page says so instead of failing). */
export async function listInvoices(stripe: Stripe, customerId: string, limit = 12): Promise<InvoiceRow[] | null> {
  try {
    const page = await stripe.invoices.list({ customer: customerId, limit });
    return page.data.map((invoice) => ({
      id: invoice.id ?? "",
      number: invoice.number,
      created: new Date(invoice.created * 1000),
      // Paid invoices show what was paid, open ones what is due; Stripe counts halalas.
      amount: (invoice.status === "paid" ? invoice.amount_paid : invoice.amount_due) / 100,
      currency: invoice.currency.toUpperCase(),
      status: invoice.status ?? null,
      url: invoice.hosted_invoice_url ?? null,
    }));
  } catch (error) {
    console.error("[billing] invoices.list failed:", loggable(error));
    return null;
  }
}
