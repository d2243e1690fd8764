import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DESKTOP, RESULTS_DIR, homeUrl, launchBrowser, newPage, screenshot, settle } from "./browser";

// The printed policy: the association's official A4 document, without the site's chrome.

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, DESKTOP));
  await page.goto(homeUrl("qader", "ar"));
  await settle(page);
  await page.emulateMedia({ media: "print" });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test("hides the header language switch and the print button in print", async () => {
  const languageSwitch = page.locator('a[hreflang="en"]');
  await expect(languageSwitch.count()).resolves.toBe(1);
  await expect(languageSwitch.isVisible()).resolves.toBe(false);
  await expect(page.getByRole("button", { name: "طباعة" }).isVisible()).resolves.toBe(false);
  // The policy itself still prints.
  await expect(page.locator("h1").isVisible()).resolves.toBe(true);
  await expect(page.getByTestId("approval-line").isVisible()).resolves.toBe(true);
});

test("screenshot and PDF", async () => {
  await screenshot(page, "qader-ar-print");
  const pdf = await page.pdf({ path: path.join(RESULTS_DIR, "qader-ar.pdf"), format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
});
