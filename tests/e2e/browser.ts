import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { readServerState } from "./server-state";

export const ROOT = path.resolve(__dirname, "../..");
export const RESULTS_DIR = path.join(ROOT, "test-results");
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, "screenshots");

export const MOBILE = { width: 360, height: 780 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export type Locale = "ar" | "en";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function port(): number {
  return readServerState().port;
}

/** The public address of a site: `qader` → http://qader.localhost:PORT, null → the platform. */
export function siteUrl(subdomain: string | null, pathname = "/"): string {
  return `http://${subdomain ? `${subdomain}.` : ""}localhost:${port()}${pathname}`;
}

/** The home page of a site in a locale (Arabic unprefixed, English under /en). */
export function homeUrl(subdomain: string | null, locale: Locale): string {
  return siteUrl(subdomain, locale === "en" ? "/en" : "/");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, viewport: { width: number; height: number } = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page };
}

/** A full-page screenshot in test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe violations of impact serious or critical, summarised for a readable failure message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
}

/** Whether the page scrolls sideways (document wider than the viewport). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** Fails with the innermost elements that stick out when the page scrolls sideways at 360 px. */
export async function expectNoOverflow(page: Page, name: string) {
  await settle(page);
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  if (scrollWidth <= clientWidth) return;
  const culprits = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 1 || r.left < -1);
    };
    return [...document.body.querySelectorAll("*")]
      .filter(out)
      .filter((el) => ![...el.children].some(out))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}"> "${(el.textContent ?? "").trim().slice(0, 40)}"`);
  });
  throw new Error(`${name} scrolls sideways at 360 px: ${scrollWidth} > ${clientWidth}: ${culprits.join(" | ")}`);
}

export async function htmlLangDir(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({ lang: document.documentElement.getAttribute("lang"), dir: document.documentElement.getAttribute("dir") }));
}

/** Number of li[data-key] items in the section labelled by the heading with this id. */
export function countItems(page: Page, sectionId: string): Promise<number> {
  return page.locator(`section[aria-labelledby="${sectionId}"] li[data-key]`).count();
}

/** Wait for fonts and the client UI, so screenshots show the final rendering. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
