import { getTranslations } from "next-intl/server";
import { billingNumber } from "@/components/billing/format";
import { PlanCards } from "@/components/billing/PlanCards";
import { StripeButton } from "@/components/billing/StripeButton";
import { UsageBar } from "@/components/billing/UsageBar";
import { requireMember } from "@/lib/auth/guard";
import { openPortalAction } from "@/lib/billing/actions";
import { checkoutConfigured, hasLiveSubscription, listInvoices, type InvoiceRow } from "@/lib/billing/checkout";
import { planOf, usageOf } from "@/lib/billing/limits";
import { PLAN_LIMITS } from "@/lib/billing/plans";
import { stripeClient } from "@/lib/billing/stripe";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";

export const generateMetadata = pageTitle("billing.page.title");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

const card = "mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-5";
const KNOWN_STATUSES = new Set(["active", "trialing", "past_due", "unpaid", "incomplete", "incomplete_expired", "canceled", "paused"]);
const INVOICE_STATUSES = new Set(["draft", "open", "paid", "uncollectible", "void"]);

/** The association's plan, its usage against the plan's limits, upgrades (Stripe Checkout), the
 * Customer Portal and invoices. Without Stripe keys it says so and still shows the limits. */
export default async function BillingPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("billing.manage");
  const query = await searchParams;
  const t = await getTranslations("billing.page");
  const tp = await getTranslations("billing.plans");
  const db = await getDb();
  const now = new Date();
  const [{ plan, source, subscription }, usage] = await Promise.all([planOf(db, member.tenant.id, now), usageOf(db, member.tenant.id, now)]);
  const stripe = stripeClient();
  const configured = checkoutConfigured();
  const customerId = subscription?.stripeCustomerId ?? null;
  const subscribed = hasLiveSubscription(subscription);
  const invoices: InvoiceRow[] | null = stripe && customerId ? await listInvoices(stripe, customerId) : [];
  const number = billingNumber(locale);
  const date = (value: Date) => formatDualDate(value, locale);
  const limits = PLAN_LIMITS[plan];
  const of = (used: number, limit: number | null) => (limit === null ? t("usage.unlimited", { used: number(used) }) : t("usage.of", { used: number(used), limit: number(limit) }));
  const graceEndsAt = subscription?.paymentFailedAt && subscription.graceEndsAt ? subscription.graceEndsAt : null;

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>

      {query.checkout === "success" && (
        <p role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t("checkoutSuccess")}</p>
      )}
      {query.checkout === "cancel" && (
        <p role="status" className="mt-4 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">{t("checkoutCancel")}</p>
      )}
      {!stripe && (
        <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(source === "GRANTED" ? "notConfiguredGranted" : "notConfigured")}
        </p>
      )}

      <section aria-labelledby="current" className={card}>
        <h2 id="current" className="text-lg font-semibold">{t("current.title")}</h2>
        <p className="mt-2 text-xl font-bold" data-testid="current-plan">{tp(`${plan}.name`)}</p>
        {source === "GRANTED" && <p className="mt-1 text-sm text-stone-700">{t("current.granted")}</p>}
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {source === "STRIPE" && subscription?.status && (
            <div>
              <dt className="text-stone-600">{t("current.status")}</dt>
              <dd className="font-medium">{KNOWN_STATUSES.has(subscription.status) ? t(`status.${subscription.status}`) : subscription.status}</dd>
            </div>
          )}
          {source === "STRIPE" && subscription?.interval && plan !== "FREE" && (
            <div>
              <dt className="text-stone-600">{t("current.interval")}</dt>
              <dd className="font-medium">{tp(subscription.interval === "year" ? "yearly" : "monthly")}</dd>
            </div>
          )}
          {source === "STRIPE" && subscription?.currentPeriodEnd && plan !== "FREE" && (
            <div>
              <dt className="text-stone-600">{subscription.cancelAtPeriodEnd ? t("current.endsOn") : t("current.renewsOn")}</dt>
              <dd className="font-medium">{date(subscription.currentPeriodEnd)}</dd>
            </div>
          )}
        </dl>
        {subscription?.cancelAtPeriodEnd && subscription.currentPeriodEnd && plan !== "FREE" && (
          <p className="mt-3 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800">
            {t("current.cancelAtPeriodEnd", { date: date(subscription.currentPeriodEnd) })}
          </p>
        )}
        {graceEndsAt && (
          <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {graceEndsAt > now ? t("current.paymentFailed", { date: date(graceEndsAt) }) : t("current.fellBack", { date: date(graceEndsAt) })}
          </p>
        )}
        {stripe && customerId && (
          <div className="mt-4 max-w-xs">
            <StripeButton action={openPortalAction} label={t("manage")} variant="secondary">{t("manage")}</StripeButton>
          </div>
        )}
      </section>

      <section aria-labelledby="usage" className={card}>
        <h2 id="usage" className="text-lg font-semibold">{t("usage.title")}</h2>
        <div className="mt-3 flex flex-col gap-4">
          <UsageBar label={t("usage.members")} used={usage.members + usage.pendingInvitations} limit={limits.members} text={of(usage.members + usage.pendingInvitations, limits.members)} />
          {usage.pendingInvitations > 0 && <p className="-mt-3 text-xs text-stone-600">{t("usage.pending", { count: usage.pendingInvitations })}</p>}
          <UsageBar label={t("usage.requests")} used={usage.requestsThisMonth} limit={limits.requestsPerMonth} text={of(usage.requestsThisMonth, limits.requestsPerMonth)} />
          <UsageBar label={t("usage.surveys")} used={usage.surveys} limit={limits.surveys} text={of(usage.surveys, limits.surveys)} />
          <UsageBar
            label={t("usage.domains")}
            used={usage.customDomains}
            limit={limits.customDomain ? null : 0}
            text={limits.customDomain ? t("usage.domainsIncluded", { used: number(usage.customDomains) }) : t("usage.domainsNotIncluded")}
          />
        </div>
        {limits.requestsPerMonth !== null && usage.requestsThisMonth > limits.requestsPerMonth && (
          <p className="mt-3 text-sm text-stone-700">{t("usage.requestsOver")}</p>
        )}
      </section>

      <section aria-labelledby="plans" className={card}>
        <h2 id="plans" className="mb-3 text-lg font-semibold">{t("plansTitle")}</h2>
        <PlanCards current={plan} configured={configured} subscribed={subscribed} />
        {subscribed && <p className="mt-3 text-sm text-stone-700">{t("changeInPortal")}</p>}
      </section>

      {stripe && customerId && (
        <section aria-labelledby="invoices" className={card}>
          <h2 id="invoices" className="text-lg font-semibold">{t("invoices.title")}</h2>
          {invoices === null ? (
            <p className="mt-2 text-sm text-stone-700">{t("invoices.unavailable")}</p>
          ) : invoices.length === 0 ? (
            <p className="mt-2 text-sm text-stone-700">{t("invoices.none")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-100">
              {invoices.map((invoice) => (
                <li key={invoice.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm" data-testid="invoice">
                  <span>{date(invoice.created)}</span>
                  <span className="font-medium">
                    {invoice.currency === "SAR" ? t("invoices.sar", { amount: number(invoice.amount) }) : <bdi dir="ltr">{`${number(invoice.amount)} ${invoice.currency}`}</bdi>}
                  </span>
                  <span>{invoice.status && INVOICE_STATUSES.has(invoice.status) ? t(`invoices.status.${invoice.status}`) : invoice.status}</span>
                  {invoice.url && (
                    <a href={invoice.url} target="_blank" rel="noopener noreferrer" className="font-medium underline">
                      {t("invoices.open")}
                      {invoice.number && <bdi dir="ltr" className="ms-1">{invoice.number}</bdi>}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
