"use server";

import { siteTenant } from "./access";
import { guardedAction } from "./guard";
import { acceptInvitation, acceptSchema } from "../members/invitations";
import { platformUrl, tenantUrl } from "../tenancy/urls";
import { forgotSchema, requestPasswordReset, resetPassword, resetSchema } from "./reset";

// Public account actions: they run on the host's site (an association or the platform).

export const forgotPasswordAction = guardedAction({ public: true }, forgotSchema, async (ctx, input) => {
  const siteBase = ctx.tenant ? tenantUrl(ctx.tenant.slug, ctx.locale) : platformUrl(ctx.locale);
  const result = await requestPasswordReset(ctx.db, {
    email: input.email,
    ip: ctx.ip,
    siteBase,
    associationId: ctx.tenant?.id ?? null,
    locale: ctx.locale,
  });
  return {
    // Same answer whether or not the account exists.
    notice: "auth.forgotSent",
    refresh: false,
    audit: result.userId
      ? { action: "auth.password_reset_requested", target: { type: "User", id: result.userId } }
      : [],
  };
});

export const resetPasswordAction = guardedAction({ public: true }, resetSchema, async (ctx, input) => {
  const user = await resetPassword(ctx.db, input);
  // The page would re-render as "link already used" over the success notice.
  return { notice: "auth.resetDone", refresh: false, audit: { action: "auth.password_reset", target: { type: "User", id: user.id } } };
});

export const acceptInvitationAction = guardedAction({ public: true }, acceptSchema, async (ctx, input) => {
  const joined = await acceptInvitation(ctx.db, siteTenant(ctx).id, input);
  return {
    // The form signs in with the password just typed, then opens the console.
    data: { email: joined.email },
    // Re-rendering would replace the form with "invitation used" before it signs in.
    refresh: false,
    audit: { action: "member.joined", target: { type: "User", id: joined.userId }, after: { roles: joined.roles } },
  };
});
