import type { Db } from "../db";
import { isValidHostname, isValidSlug } from "./host";
import { tenancyRepository, type Tenant } from "./repository";

// The tenant of a request, cached per key so that a page costs no database round trip for it.
// Entries expire after TENANT_CACHE_TTL_MS (other app nodes converge within that time) and are
// dropped at once on this node by invalidateTenant() when an association changes.

export const TENANT_CACHE_TTL_MS = 60_000;

type Entry = { tenant: Tenant | null; expires: number; pending?: Promise<Tenant | null> };
const store = globalThis as unknown as { __ailaqaTenants?: Map<string, Entry> };
const cache = (store.__ailaqaTenants ??= new Map());

export async function lookupTenant(db: Db, key: string, now = Date.now()): Promise<Tenant | null> {
  const isDomain = key.includes(".");
  if (isDomain ? !isValidHostname(key) : !isValidSlug(key)) return null;
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.pending ?? hit.tenant;

  const repo = tenancyRepository(db);
  // Suspended associations are returned too: their site shows a notice, and the guard and
  // sign-in refuse them.
  const pending = (isDomain ? repo.findByDomain(key) : repo.findBySlug(key)).then((tenant) => {
    cache.set(key, { tenant, expires: now + TENANT_CACHE_TTL_MS });
    return tenant;
  });
  cache.set(key, { tenant: null, expires: now + TENANT_CACHE_TTL_MS, pending });
  try {
    return await pending;
  } catch (error) {
    cache.delete(key);
    throw error;
  }
}

/** Forget an association after it changes: its cached entries, and any cached miss under `keys`
 * (a new slug or domain). With no argument, forget everything. */
export function invalidateTenant(change?: { id: string; keys?: string[] }) {
  if (!change) return cache.clear();
  for (const [key, entry] of cache) {
    if (entry.tenant?.id === change.id || change.keys?.includes(key)) cache.delete(key);
  }
}
