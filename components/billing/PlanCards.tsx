"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { openPortalAction, startCheckoutAction } from "@/lib/billing/actions";
import { PLAN_LIMITS, PLAN_PRICES_SAR, PLANS, type Interval } from "@/lib/billing/plans";
import type { Plan } from "@/lib/db/generated/enums";
import { asLocale } from "@/lib/i18n/routing";
import { billingNumber } from "./format";
import { StripeButton } from "./StripeButton";

export type PlanCardsProps = {
  /** The association's plan; null on the platform's public pricing page. */
  current: Plan | null;
  /** Stripe keys and price ids present: the upgrade buttons work. */
  configured: boolean;
  /** A live Stripe subscription: plan changes go through the Customer Portal, not a second checkout. */
  subscribed: boolean;
};

/** The three plans with their limits and SAR prices, monthly or yearly, and the way to upgrade. */
export function PlanCards({ current, configured, subscribed }: PlanCardsProps) {
  const t = useTranslations("billing.plans");
  const tPage = useTranslations("billing.page");
  const [interval, setInterval] = useState<Interval>("month");
  const number = billingNumber(asLocale(useLocale()));
  const limit = (value: number | null) => (value === null ? t("unlimited") : number(value));

  return (
    <div>
      <div role="radiogroup" aria-label={t("interval")} className="inline-flex rounded-md border border-stone-300 bg-white p-0.5 text-sm">
        {(["month", "year"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={interval === value}
            onClick={() => setInterval(value)}
            className={`rounded px-3 py-1.5 font-medium ${interval === value ? "bg-stone-800 text-white" : "text-stone-700 hover:bg-stone-100"}`}
          >
            {t(value === "month" ? "monthly" : "yearly")}
          </button>
        ))}
      </div>
      {interval === "year" && <p className="mt-2 text-sm text-emerald-800">{t("yearlySaving")}</p>}

      <ul className="mt-4 grid gap-3 sm:grid-cols-3">
        {PLANS.map((plan) => {
          const limits = PLAN_LIMITS[plan];
          const isCurrent = plan === current;
          const price = plan === "FREE" ? 0 : PLAN_PRICES_SAR[plan][interval];
          return (
            <li key={plan} data-testid={`plan-${plan}`} className={`flex flex-col rounded-lg border p-4 ${isCurrent ? "border-[var(--brand,#0f766e)] ring-1 ring-[var(--brand,#0f766e)]" : "border-stone-200"} bg-white`}>
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">{t(`${plan}.name`)}</h3>
                {isCurrent && <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("current")}</span>}
              </div>
              <p className="mt-2 text-2xl font-bold">
                {t("price", { amount: number(price), interval })}
              </p>
              <ul className="mt-3 flex flex-1 flex-col gap-1 text-sm text-stone-700">
                <li>{t("members", { limit: limit(limits.members) })}</li>
                <li>{t("requests", { limit: limit(limits.requestsPerMonth) })}</li>
                <li>{t("surveys", { limit: limit(limits.surveys) })}</li>
                <li>{limits.customDomain ? t("customDomain") : t("noCustomDomain")}</li>
                {limits.brandedEvidencePack && <li>{t("brandedEvidencePack")}</li>}
              </ul>
              <div className="mt-4">
                {plan !== "FREE" && !isCurrent && configured && !subscribed && (
                  <StripeButton action={startCheckoutAction} fields={{ plan, interval }} label={t("upgradeTo", { plan: t(`${plan}.name`) })}>
                    {PLANS.indexOf(plan) > (current ? PLANS.indexOf(current) : -1) ? tPage("upgrade") : t("choose")}
                  </StripeButton>
                )}
                {plan !== "FREE" && !isCurrent && configured && subscribed && (
                  <StripeButton action={openPortalAction} label={t("changeIn", { plan: t(`${plan}.name`) })} variant="secondary">
                    {t("change")}
                  </StripeButton>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
