import { publicProtocol, rootDomain } from "../tenancy/urls";

// Security headers of every page and API response, set by proxy.ts.
//
// Scripts: pages rendered per request get a fresh nonce and 'strict-dynamic' (Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on its own scripts). The
// cached public pages (lib/tenancy/public-paths.ts) are one HTML for every visitor, so they
// cannot carry a per-request nonce: they allow same-origin and inline scripts instead. They show
// only the association's published policy and settings, never a beneficiary's data, and React
// escapes every text they render.
//
// Styles allow 'unsafe-inline' because React's style attributes (charts, progress bars) cannot
// carry a nonce; styles cannot run code.

type Env = Record<string, string | undefined>;

export type CspOptions = { nonce: string | null; dev?: boolean; env?: Env };

export function contentSecurityPolicy({ nonce, dev = false, env = process.env }: CspOptions): string {
  const root = rootDomain(env);
  const https = publicProtocol(env) === "https";
  const ourSites = `${publicProtocol(env)}://${root}:* ${publicProtocol(env)}://*.${root}:*`;
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline'`;
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    // Forms post to this site; a no-JavaScript post may be redirected to another of our sites
    // (a new association's subdomain) or to Stripe's checkout and billing portal.
    `form-action 'self' ${ourSites} https://checkout.stripe.com https://billing.stripe.com`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers every response carries, besides the CSP. */
export const SECURITY_HEADERS: Record<string, string> = {
  // Two years, every subdomain (each association is one): browsers ignore it over plain http.
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
