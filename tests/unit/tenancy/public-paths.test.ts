/** @jest-environment node */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isCachedPublicPath } from "@/lib/tenancy/public-paths";

const SITE = path.resolve(__dirname, "../../../app/[locale]/t/[tenant]/(site)");

/** Every page of an association's site that the page cache serves (it exports `revalidate`),
 * as the visitor's path, with a dynamic segment filled in. */
function cachedPages(dir = SITE, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return cachedPages(path.join(dir, entry.name), `${prefix}/${entry.name.startsWith("[") ? "1" : entry.name}`);
    if (entry.name !== "page.tsx") return [];
    return /export const revalidate\b/.test(readFileSync(path.join(dir, entry.name), "utf8")) ? [prefix || "/"] : [];
  });
}

describe("isCachedPublicPath (links to these pages are not prefetched)", () => {
  it("covers every cached page of the site, in both languages", () => {
    const pages = cachedPages();
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const page of pages) {
      expect(isCachedPublicPath(page)).toBe(true);
      expect(isCachedPublicPath(page === "/" ? "/en" : `/en${page}`)).toBe(true);
    }
  });

  it("ignores a query string or fragment", () => {
    expect(isCachedPublicPath("/request?channel=WEBSITE")).toBe(true);
    expect(isCachedPublicPath("/#main")).toBe(true);
  });

  it("leaves dynamic pages prefetchable", () => {
    for (const page of ["/admin", "/admin/requests", "/policy/verify", "/track/status", "/sign-in", "/board", "/english", "/requests"]) {
      expect(isCachedPublicPath(page)).toBe(false);
    }
  });
});
