"use server";

import { guardedAction } from "../auth/guard";
import { checkoutSchema, openPortal, portalSchema, startCheckout } from "./checkout";

// The billing page's buttons. Both send the browser to Stripe (another host).

export const startCheckoutAction = guardedAction({ permission: "billing.manage" }, checkoutSchema, (ctx, input) => startCheckout(ctx, input));

export const openPortalAction = guardedAction({ permission: "billing.manage" }, portalSchema, (ctx, input) => openPortal(ctx, input));
