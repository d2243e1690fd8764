import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "./lib/security/headers";
import { refusedPost } from "./lib/security/post-limits";
import { siteForHost } from "./lib/tenancy/host";
import { isCachedPublicPath } from "./lib/tenancy/public-paths";
import { rootDomain } from "./lib/tenancy/urls";

// Every request's host names a site: the platform (root domain) or one association.
// Pages are rewritten to internal paths the visitor never sees:
//   platform:    /<locale>/<path>
//   association: /<locale>/t/<tenant key>/<path>
// On an association's host a direct request for /t/… lands inside that site's own tree, where
// no such page exists; on the platform it is refused: a 404, never another tenant's page.

/** Headers only this proxy may set; a client sending them is ignored. */
export const INTERNAL_HEADERS = ["x-tenant-key", "x-next-intl-locale", "x-request-path", "x-middleware-subrequest", "content-security-policy"];

const INVALID_TENANT = "-"; // never a valid key: resolves to "association not found"

export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  const site = siteForHost(request.headers.get("host"), rootDomain());
  // Pages rendered for this request get a nonce; pages served from a cache cannot (lib/security/headers.ts).
  const nonce = isCachedPage(site.kind, request.nextUrl.pathname) ? null : newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  if (request.method !== "POST") return secured(route(request, site, csp, nonce), csp);
  return refusedPost(request).then((refused) =>
    secured(refused ? new NextResponse(refused.body, { status: refused.status, headers: refused.headers }) : route(request, site, csp, nonce), csp),
  );
}

function secured(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function route(request: NextRequest, site: ReturnType<typeof siteForHost>, csp: string, nonce: string | null) {
  const headers = new Headers(request.headers);
  for (const name of INTERNAL_HEADERS) headers.delete(name);
  // Next.js takes the nonce for its scripts from the request's policy.
  if (nonce) headers.set("content-security-policy", csp);
  const tenantKey = site.kind === "tenant" ? site.key : site.kind === "invalid" ? INVALID_TENANT : null;
  const { pathname, search } = request.nextUrl;
  // Pages, server actions and route handlers all learn their tenant from this header, and
  // next-auth builds its URLs from x-forwarded-host: both come from the real Host header.
  if (tenantKey) headers.set("x-tenant-key", tenantKey);
  const host = request.headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  headers.set("x-request-path", pathname + search);

  // API routes are not rewritten.
  if (pathname.startsWith("/api/")) return NextResponse.next({ request: { headers } });

  // /ar/… is the default locale spelled out: send it to the canonical unprefixed URL.
  if (pathname === "/ar" || pathname.startsWith("/ar/")) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(3) || "/";
    return NextResponse.redirect(url, 308);
  }
  const isEnglish = pathname === "/en" || pathname.startsWith("/en/");
  const locale = isEnglish ? "en" : "ar";
  const rest = isEnglish ? pathname.slice(3) : pathname;

  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${internalPath(tenantKey, rest)}`;
  url.search = search;
  // next-intl reads the request's locale from this header, as its own middleware would set it.
  headers.set("x-next-intl-locale", locale);
  return NextResponse.rewrite(url, { request: { headers } });
}

/** The platform's pages prerendered at build time (`○` in `next build`'s list). */
const STATIC_PLATFORM = /^(\/en)?\/pricing$/;
const isStaticPlatformPath = (pathname: string) => STATIC_PLATFORM.test(pathname);

/** Pages served from the page cache: an association's cached public pages, the platform's static ones. */
function isCachedPage(kind: string, pathname: string): boolean {
  if (kind === "tenant") return isCachedPublicPath(pathname);
  return kind === "platform" && isStaticPlatformPath(pathname);
}

/** The path under the locale segment. On the platform, /t/… would reach a tenant's tree: refuse it. */
function internalPath(tenantKey: string | null, rest: string): string {
  const path = rest === "/" ? "" : rest;
  if (tenantKey) return `/t/${encodeURIComponent(tenantKey)}${path}`;
  return path === "/t" || path.startsWith("/t/") ? "/404" : path;
}

export const config = {
  // Everything but Next's own assets and root files such as favicon.ico and robots.txt.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)"],
};
