import { headers } from "next/headers";
import { getDb } from "../db";
import { lookupTenant } from "../tenancy/lookup";
import type { Tenant } from "../tenancy/repository";

// The site of the current request, as proxy.ts resolved it from the host: an association (its
// key in x-tenant-key) or the platform (no key). Clients cannot set these headers.

export type RequestSite = { kind: "platform" } | { kind: "tenant"; tenant: Tenant | null };

type HeaderBag = { get(name: string): string | null };

/** The visitor's address, for rate limits and the audit log. Each proxy in front of us appends
 * the address it saw to X-Forwarded-For (Next.js itself adds the socket's when the header is
 * missing), so the trustworthy entry is the one TRUSTED_PROXY_HOPS (default 1) from the right;
 * entries to its left were written by the client. */
export function clientIp(bag: HeaderBag, env: Record<string, string | undefined> = process.env): string {
  const hops = Math.max(1, Math.floor(Number(env.TRUSTED_PROXY_HOPS ?? 1)) || 1);
  const entries = (bag.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const forwarded = entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : null;
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
