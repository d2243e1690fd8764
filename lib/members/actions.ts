"use server";

import { guardedAction } from "../auth/guard";
import { pickColumn } from "../i18n/localized";
import { createInvitation } from "./invitations";
import {
  assertCanGrant,
  changeRoles,
  changeRolesSchema,
  invitationIdSchema,
  inviteSchema,
  memberIdSchema,
  removeMember,
  revokeInvitation,
} from "./service";

export const inviteMemberAction = guardedAction({ permission: "members.manage" }, inviteSchema, async (ctx, input) => {
  const member = ctx.member!;
  assertCanGrant({ roles: member.roles }, input.roles);
  const { invitation } = await createInvitation(ctx.db, {
    associationId: member.tenant.id,
    slug: member.tenant.slug,
    associationName: pickColumn(member.tenant.nameAr, member.tenant.nameEn, ctx.locale),
    email: input.email,
    roles: input.roles,
    isChair: input.isChair,
    invitedById: member.user.id,
    locale: ctx.locale,
  });
  return {
    notice: "members.invited",
    audit: { action: "member.invited", target: { type: "Invitation", id: invitation.id }, after: { email: input.email, roles: input.roles } },
  };
});

export const changeRolesAction = guardedAction({ permission: "members.manage" }, changeRolesSchema, async (ctx, input) => {
  const member = ctx.member!;
  const { before, after } = await changeRoles(ctx.db, member.tenant.id, { roles: member.roles }, input);
  return { notice: "members.saved", audit: { action: "member.roles_changed", target: { type: "User", id: input.userId }, before, after } };
});

export const removeMemberAction = guardedAction({ permission: "members.manage" }, memberIdSchema, async (ctx, input) => {
  const member = ctx.member!;
  const { before } = await removeMember(ctx.db, member.tenant.id, { roles: member.roles }, input.userId);
  return { notice: "members.removed", audit: { action: "member.removed", target: { type: "User", id: input.userId }, before } };
});

export const revokeInvitationAction = guardedAction({ permission: "members.manage" }, invitationIdSchema, async (ctx, input) => {
  await revokeInvitation(ctx.db, ctx.member!.tenant.id, input.invitationId);
  return { notice: "members.revoked", audit: { action: "invitation.revoked", target: { type: "Invitation", id: input.invitationId } } };
});
