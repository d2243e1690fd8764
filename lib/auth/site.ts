import { headers } from "next/headers";
import { getDb } from "../db";
import { lookupTenant } from "../tenancy/lookup";
import type { Tenant } from "../tenancy/repository";

// The site of the current request, as proxy.ts resolved it from the host: an association (its
// key in x-tenant-key) or the platform (no key). Clients cannot set these headers.

export type RequestSite = { kind: "platform" } | { kind: "tenant"; tenant: Tenant | null };

type HeaderBag = { get(name: string): string | null };

export function clientIp(bag: HeaderBag): string {
  const forwarded = bag.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || bag.get("x-real-ip") || "unknown").slice(0, 64);
}

export async function siteOf(bag: HeaderBag): Promise<RequestSite> {
  const key = bag.get("x-tenant-key");
  if (!key) return { kind: "platform" };
  return { kind: "tenant", tenant: await lookupTenant(await getDb(), key) };
}

export async function currentSite(): Promise<RequestSite> {
  return siteOf(await headers());
}

export async function currentIp(): Promise<string> {
  return clientIp(await headers());
}

/** The path the visitor asked for (set by proxy.ts), to come back to after signing in. */
export async function currentPath(): Promise<string> {
  return (await headers()).get("x-request-path") ?? "/";
}
