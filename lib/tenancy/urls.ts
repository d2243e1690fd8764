import type { Locale } from "../i18n/routing";

/**
 * The public address of an association's site, on the platform's root domain.
 * ROOT_DOMAIN and PUBLIC_PORT / PUBLIC_PROTOCOL describe how visitors reach us.
 */
export function tenantUrl(slug: string, locale: Locale, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.ROOT_DOMAIN ?? "localhost";
  const protocol = env.PUBLIC_PROTOCOL ?? (root === "localhost" ? "http" : "https");
  const port = env.PUBLIC_PORT ?? (root === "localhost" ? env.PORT ?? "3000" : "");
  return `${protocol}://${slug}.${root}${port ? `:${port}` : ""}${locale === "en" ? "/en" : "/"}`;
}

/** The platform's own landing page (the root domain). */
export function platformUrl(locale: Locale, env: NodeJS.ProcessEnv = process.env): string {
  return tenantUrl("", locale, env).replace("://.", "://");
}
