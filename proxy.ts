import { NextResponse, type NextRequest } from "next/server";
import { siteForHost } from "./lib/tenancy/host";
import { rootDomain } from "./lib/tenancy/urls";

// Every request's host names a site: the platform (root domain) or one association.
// Pages are rewritten to internal paths the visitor never sees:
//   platform:    /<locale>/<path>
//   association: /<locale>/t/<tenant key>/<path>
// On an association's host a direct request for /t/… lands inside that site's own tree, where
// no such page exists; on the platform it is refused: a 404, never another tenant's page.

/** Headers only this proxy may set; a client sending them is ignored. */
export const INTERNAL_HEADERS = ["x-tenant-key", "x-next-intl-locale", "x-request-path", "x-middleware-subrequest"];

const INVALID_TENANT = "-"; // never a valid key: resolves to "association not found"

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of INTERNAL_HEADERS) headers.delete(name);

  const site = siteForHost(request.headers.get("host"), rootDomain());
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
