import type { Locale } from "../i18n/routing";

type Env = Record<string, string | undefined>;

// Public addresses of our sites. ROOT_DOMAIN, PUBLIC_PROTOCOL and PUBLIC_PORT describe how
// visitors reach us (defaults: http on port PORT or 3000 for localhost, https otherwise).

/** The platform's domain; `<slug>.<root>` is an association's site. */
export const rootDomain = (env: Env = process.env) => env.ROOT_DOMAIN ?? "localhost";

/** The host (with port, if any) visitors use for a site: `siteHost("qader")` → qader.localhost:3000 */
export function siteHost(subdomain: string | null, env: Env = process.env): string {
  const root = rootDomain(env);
  const port = env.PUBLIC_PORT ?? (root === "localhost" ? (env.PORT ?? "3000") : "");
  return `${subdomain ? `${subdomain}.${root}` : root}${port ? `:${port}` : ""}`;
}

/** How visitors reach us: http on localhost, https elsewhere, unless PUBLIC_PROTOCOL says. */
export const publicProtocol = (env: Env = process.env) => env.PUBLIC_PROTOCOL ?? (rootDomain(env) === "localhost" ? "http" : "https");

function siteUrl(subdomain: string | null, locale: Locale, env: Env): string {
  const protocol = publicProtocol(env);
  return `${protocol}://${siteHost(subdomain, env)}${locale === "en" ? "/en" : "/"}`;
}

/** An association's site, on its subdomain of the platform's root domain. */
export function tenantUrl(slug: string, locale: Locale, env: Env = process.env): string {
  return siteUrl(slug, locale, env);
}

/** The platform's own landing page (the root domain). */
export function platformUrl(locale: Locale, env: Env = process.env): string {
  return siteUrl(null, locale, env);
}

/** A page of a site: `pageUrl(tenantUrl("qader", "en"), "/invite/x")` → http://qader.localhost:3000/en/invite/x */
export function pageUrl(siteBase: string, path: string): string {
  return siteBase.replace(/\/$/, "") + path;
}
