import { cache } from "react";
import { getDb } from "../db";
import { lookupTenant } from "./lookup";
import { associationTag, tagRender, tenantKeyTag } from "./public-cache";

/** The tenant named by the internal /t/<key>/ segment, once per render (layout, page, metadata).
 * The render is tagged with the key and the association, so that a cached public page expires
 * when either changes (./public-cache.ts). */
export const getTenant = cache(async (key: string) => {
  const decoded = decodeURIComponent(key);
  const tenant = await lookupTenant(await getDb(), decoded);
  await tagRender(tenant ? [tenantKeyTag(decoded), associationTag(tenant.id)] : [tenantKeyTag(decoded)]);
  return tenant;
});
