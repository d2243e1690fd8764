import type { Locale } from "../i18n/routing";

type Env = Record<string, string | undefined>;

// Public addresses of our sites. ROOT_DOMAIN, PUBLIC_PROTOCOL and PUBLIC_PORT describe how
// visitors reach us (defaults: http on port PORT or 3000 for localhost, https otherwise).

function siteUrl(subdomain: string | null, locale: Locale, env: Env): string {
  const root = env.ROOT_DOMAIN ?? "localhost";
  const protocol = env.PUBLIC_PROTOCOL ?? (root === "localhost" ? "http" : "https");
  const port = env.PUBLIC_PORT ?? (root === "localhost" ? (env.PORT ?? "3000") : "");
  const host = subdomain ? `${subdomain}.${root}` : root;
  return `${protocol}://${host}${port ? `:${port}` : ""}${locale === "en" ? "/en" : "/"}`;
}

/** An association's site, on its subdomain of the platform's root domain. */
export function tenantUrl(slug: string, locale: Locale, env: Env = process.env): string {
  return siteUrl(slug, locale, env);
}

/** The platform's own landing page (the root domain). */
export function platformUrl(locale: Locale, env: Env = process.env): string {
  return siteUrl(null, locale, env);
}
