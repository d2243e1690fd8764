// Host → which site to serve. Pure (no database): proxy.ts calls it on every request.
// Subdomains of the root domain name a tenant by slug; any other hostname is a candidate
// custom domain, resolved against AssociationDomain by the page's tenant lookup.

export const RESERVED_SUBDOMAINS = ["www", "app", "admin", "api"] as const;

export type Site =
  | { kind: "platform" }
  | { kind: "tenant"; key: string }
  | { kind: "invalid" };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A tenant slug: one DNS label, not reserved. */
export function isValidSlug(slug: string): boolean {
  return LABEL.test(slug) && !(RESERVED_SUBDOMAINS as readonly string[]).includes(slug);
}

/** A hostname of two or more DNS labels, at most 253 characters. */
export function isValidHostname(hostname: string): boolean {
  return hostname.length <= 253 && hostname.includes(".") && hostname.split(".").every((l) => LABEL.test(l));
}

/** Lower-cases, drops the port and a trailing dot; null when the header is not a plausible host. */
export function normalizeHost(rawHost: string | null | undefined): string | null {
  if (!rawHost) return null;
  const host = rawHost.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:\s/@\\]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return null;
  return match[1].replace(/\.$/, "") || null;
}

/**
 * The tenant key names the tenant inside the rewritten path /t/<key>/…: a slug for a
 * subdomain, the full hostname (it has dots, a slug cannot) for a custom domain.
 */
export function siteForHost(rawHost: string | null | undefined, rootDomain = "localhost"): Site {
  const host = normalizeHost(rawHost);
  if (!host) return { kind: "invalid" };
  const root = rootDomain.toLowerCase();
  if (host === root || host.startsWith("[") || IPV4.test(host)) return { kind: "platform" };
  if (host.endsWith(`.${root}`)) {
    const sub = host.slice(0, -(root.length + 1));
    if ((RESERVED_SUBDOMAINS as readonly string[]).includes(sub)) return { kind: "platform" };
    return LABEL.test(sub) ? { kind: "tenant", key: sub } : { kind: "invalid" };
  }
  return isValidHostname(host) ? { kind: "tenant", key: host } : { kind: "invalid" };
}
