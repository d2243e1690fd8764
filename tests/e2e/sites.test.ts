import http from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DESKTOP, MOBILE, homeUrl, htmlLangDir, launchBrowser, newPage, port, screenshot, settle, siteUrl } from "./browser";

// Routing between sites: language switch, platform landing page, 404s, internal paths, /ar.

const QADER_AR = "جمعية قادر لتعزيز الصحة النفسية بتبوك";
const QADER_EN = "Qader Association for Mental Health Promotion in Tabuk";
const ALHILAH_AR = "الجمعية التعاونية متعددة الأغراض بالحلاه";
const ALHILAH_EN = "Al-Hilah Multi-Purpose Cooperative Association";

/** A raw request (no redirects followed) to 127.0.0.1 with the given Host. */
function request(host: string, pathname: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: port(), path: pathname, headers: { host: `${host}:${port()}` } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on("error", reject);
  });
}

/** Waits for the (client-rendered) h1, then expects its text. */
async function expectH1(page: Page, text: string) {
  const h1 = page.locator("h1");
  await h1.waitFor();
  await page
    .waitForFunction((expected) => document.querySelector("h1")?.textContent?.trim() === expected, text, { timeout: 5_000 })
    .catch(() => undefined);
  expect((await h1.innerText()).trim()).toBe(text);
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await newPage(browser, DESKTOP));
});
afterEach(async () => {
  await context?.close();
});

describe("language switch", () => {
  test("qader: Arabic → English → Arabic", async () => {
    await page.goto(homeUrl("qader", "ar"));
    await settle(page);
    expect(await htmlLangDir(page)).toEqual({ lang: "ar", dir: "rtl" });

    const toEnglish = page.locator('header a[hreflang="en"]');
    await expect(toEnglish.innerText()).resolves.toBe("English");
    await toEnglish.click();
    await page.waitForURL(siteUrl("qader", "/en"));
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await htmlLangDir(page)).toEqual({ lang: "en", dir: "ltr" });
    await expect(page.locator("h1").innerText()).resolves.toBe("Policy on Organizing the Relationship with Beneficiaries");

    const toArabic = page.locator("header a[hreflang]");
    expect({ hreflang: await toArabic.getAttribute("hreflang"), text: await toArabic.innerText() }).toEqual({ hreflang: "ar", text: "العربية" });
    await toArabic.click();
    await page.waitForURL(siteUrl("qader", "/"));
    await page.waitForFunction(() => document.documentElement.lang === "ar");
    expect(await htmlLangDir(page)).toEqual({ lang: "ar", dir: "rtl" });
    await expect(page.locator("h1").innerText()).resolves.toBe("سياسة تنظيم العلاقة مع المستفيدين");
  });
});

describe("platform landing page", () => {
  test.each([
    { locale: "ar", viewport: MOBILE },
    { locale: "ar", viewport: DESKTOP },
    { locale: "en", viewport: MOBILE },
    { locale: "en", viewport: DESKTOP },
  ] as const)("$locale at $viewport.width px lists both associations with links to their sites", async ({ locale, viewport }) => {
    await page.setViewportSize(viewport);
    const response = await page.goto(homeUrl(null, locale));
    await settle(page);
    expect(response?.status()).toBe(200);
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });

    const list = page.locator('section[aria-labelledby="associations"] li');
    await expect(list.count()).resolves.toBe(2);
    const names = locale === "ar" ? [QADER_AR, ALHILAH_AR] : [QADER_EN, ALHILAH_EN];
    for (const [i, slug] of ["qader", "alhilah"].entries()) {
      const item = list.filter({ has: page.getByRole("heading", { name: names[i], exact: true }) });
      await expect(item.count()).resolves.toBe(1);
      await expect(item.locator("a").getAttribute("href")).resolves.toBe(homeUrl(slug, locale));
    }
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await screenshot(page, `platform-${locale}-${viewport.width}`);
  });

  test("the link to Al-Hilah opens its site", async () => {
    await page.goto(homeUrl(null, "en"));
    await page.locator('section[aria-labelledby="associations"] li', { hasText: ALHILAH_EN }).locator("a").click();
    await page.waitForURL(siteUrl("alhilah", "/en"));
    await expect(page.locator("h1").innerText()).resolves.toBe(
      "Policy on Organizing the Relationship with Beneficiaries and Providing Services",
    );
  });
});

describe("unknown association", () => {
  test.each([
    { locale: "ar", pathname: "/", heading: "الجمعية غير موجودة", dir: "rtl", link: "الجمعيات المسجلة في المنصة" },
    { locale: "en", pathname: "/en", heading: "Association not found", dir: "ltr", link: "Associations on the platform" },
  ] as const)("nope.localhost $locale: 404 and a localized heading", async ({ locale, pathname, heading, dir, link }) => {
    const response = await page.goto(siteUrl("nope", pathname));
    expect(response?.status()).toBe(404);
    // The localized not-found UI is rendered on the client: wait for the heading.
    await page.locator("h1").waitFor();
    await settle(page);
    await screenshot(page, `not-found-association-${locale}`);
    await expectH1(page, heading);
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir });
    const platformLink = page.getByRole("link", { name: link, exact: true });
    await expect(platformLink.getAttribute("href")).resolves.toBe(homeUrl(null, locale));
  });

  test("nope.localhost at 360px", async () => {
    await page.setViewportSize(MOBILE);
    await page.goto(siteUrl("nope", "/"));
    await expectH1(page, "الجمعية غير موجودة");
    await settle(page);
    await screenshot(page, "not-found-association-ar-360");
  });
});

describe("internal paths and unknown paths", () => {
  test("qader.localhost/t/alhilah is 404 and shows nothing of Al-Hilah", async () => {
    const response = await page.goto(siteUrl("qader", "/t/alhilah"));
    expect(response?.status()).toBe(404);
    await expectH1(page, "الصفحة غير موجودة");
    await settle(page);
    const content = await page.content();
    expect(content).not.toContain(ALHILAH_AR);
    expect(content).not.toContain(ALHILAH_EN);
    await screenshot(page, "not-found-qader-t-alhilah");

    const raw = await request("qader.localhost", "/t/alhilah");
    expect(raw.status).toBe(404);
    expect(raw.body).not.toContain(ALHILAH_AR);
  });

  test("qader.localhost/en/t/alhilah is 404 too", async () => {
    const raw = await request("qader.localhost", "/en/t/alhilah");
    expect(raw.status).toBe(404);
    expect(raw.body).not.toContain(ALHILAH_EN);
    expect(raw.body).not.toContain("alhilahMCS");
    expect(raw.body).not.toContain(ALHILAH_AR);
  });

  test("localhost/t/qader is 404", async () => {
    const response = await page.goto(siteUrl(null, "/t/qader"));
    expect(response?.status()).toBe(404);
    await expectH1(page, "الصفحة غير موجودة");
    expect(await page.content()).not.toContain("قادر لتعزيز");
    const raw = await request("localhost", "/t/qader");
    expect(raw.status).toBe(404);
    expect(raw.body).not.toContain("قادر لتعزيز");
  });

  test("qader.localhost/en/nope is 404 with 'Page not found'", async () => {
    const response = await page.goto(siteUrl("qader", "/en/nope"));
    expect(response?.status()).toBe(404);
    await page.locator("h1").waitFor();
    await settle(page);
    await screenshot(page, "not-found-qader-en-nope");
    await expectH1(page, "Page not found");
    expect(await htmlLangDir(page)).toEqual({ lang: "en", dir: "ltr" });
  });

  test("qader.localhost/ar redirects (308) to /", async () => {
    const raw = await request("qader.localhost", "/ar");
    expect(raw.status).toBe(308);
    expect(new URL(raw.location!, siteUrl("qader")).href).toBe(siteUrl("qader", "/"));

    const response = await page.goto(siteUrl("qader", "/ar"));
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()?.url()).toBe(siteUrl("qader", "/ar"));
    expect(page.url()).toBe(siteUrl("qader", "/"));
    expect(await htmlLangDir(page)).toEqual({ lang: "ar", dir: "rtl" });
  });
});
