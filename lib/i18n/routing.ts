import { defineRouting } from "next-intl/routing";

// Arabic is the default and has no prefix (/); English lives under /en.
export const routing = defineRouting({
  locales: ["ar", "en"],
  defaultLocale: "ar",
  localePrefix: "as-needed",
});

export type Locale = (typeof routing.locales)[number];

export const DIRECTION: Record<Locale, "rtl" | "ltr"> = { ar: "rtl", en: "ltr" };

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}

/** The locale of a route segment; the root layouts have already refused anything else. */
export function asLocale(value: string): Locale {
  return isLocale(value) ? value : routing.defaultLocale;
}

/** An absolute path on the current site in a locale: Arabic unprefixed, English under /en. */
export function localizedPath(locale: Locale, path: string): string {
  return locale === "en" ? `/en${path === "/" ? "" : path}` : path;
}
