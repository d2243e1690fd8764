"use server";

import { contactsSchema, updateContacts } from "./contacts";
import { guardedAction } from "../auth/guard";
import { consume } from "../auth/rate-limit";
import { associationChanged, changesPublicPages } from "../tenancy/public-cache";
import { pageUrl, rootDomain, tenantUrl } from "../tenancy/urls";
import type { ActionContext } from "../auth/access";
import { addDomain, associationSchema, createAssociation, domainSchema, setAssociationStatus, statusSchema, type AssociationInput } from "./service";

/** Creates the association and describes it for the guard: audit event, expiry of cached pages. */
async function create(ctx: ActionContext, input: AssociationInput, action: string) {
  const created = await createAssociation(ctx.db, input, { invitedById: ctx.user?.id ?? null, locale: ctx.locale });
  const { id, slug } = created.association;
  const outcome = {
    afterCommit: () => associationChanged({ id, keys: [slug] }),
    audit: {
      associationId: id,
      action,
      target: { type: "Association", id },
      after: { slug, template: input.template, adminEmail: input.adminEmail },
    },
  };
  return { created, outcome };
}

/** Self-serve registration on the root domain. The registrant is sent straight to the new
 * site's invitation page to set the admin password; the same link also goes out by e-mail. */
export const registerAssociationAction = guardedAction({ public: true }, associationSchema, async (ctx, input) => {
  await consume(ctx.db, "registerIp", ctx.ip);
  const { created, outcome } = await create(ctx, input, "association.registered");
  return { ...outcome, redirectTo: pageUrl(tenantUrl(created.association.slug, ctx.locale), `/invite/${created.token}`) };
});

export const createAssociationAction = guardedAction({ operator: true }, associationSchema, async (ctx, input) => {
  const { outcome } = await create(ctx, input, "association.created");
  return { ...outcome, notice: "console.created" };
});

export const setStatusAction = guardedAction({ operator: true }, statusSchema, async (ctx, input) => {
  const { before, after } = await setAssociationStatus(ctx.db, input);
  return {
    notice: "console.statusChanged",
    afterCommit: () => associationChanged({ id: input.associationId }),
    audit: { associationId: input.associationId, action: "association.status_changed", target: { type: "Association", id: input.associationId }, before: { status: before.status }, after },
  };
});

export const addDomainAction = guardedAction({ operator: true }, domainSchema, async (ctx, input) => {
  const domain = await addDomain(ctx.db, input, rootDomain());
  return {
    notice: "console.domainAdded",
    afterCommit: () => associationChanged({ id: input.associationId, keys: [domain.hostname] }),
    audit: { associationId: input.associationId, action: "association.domain_added", target: { type: "AssociationDomain", id: domain.id }, after: { hostname: domain.hostname } },
  };
});

export const updateContactsAction = guardedAction({ permission: "policy.edit" }, contactsSchema, changesPublicPages(updateContacts));
