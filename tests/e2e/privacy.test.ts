/** @jest-environment node */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoOverflow, launchBrowser, newPage, screenshot, seriousA11yViolations, settle, siteUrl, type Locale } from "./browser";
import { M, at, open, signIn } from "./journey";

// PDPL on Qader, on a 390 px phone, once per language: the admin opens Privacy from the console's
// menu, logs a beneficiary's erasure request by its request number (due in 30 days), opens the
// data held about the person, downloads it as JSON, erases it after ticking the confirmation,
// and finds the request anonymised with its consent record. Al-Hilah's admin cannot open Qader's
// entry. Arabic erases the seed's rejected request, English its delivered one.

const SITE = "qader";
const ADMIN = `admin@${SITE}.demo`;
const PHONE = { width: 390, height: 844 } as const;
/** Seeded closed requests (lib/db/seed-requests.ts). */
const SUBJECT: Record<Locale, string> = { ar: "منى علي الحربي", en: "عبدالرحمن حمد القحطاني" };

let browser: Browser;
const contexts: BrowserContext[] = [];
let qaderEntryPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

async function phone(): Promise<Page> {
  const opened = await newPage(browser, PHONE);
  contexts.push(opened.context);
  opened.context.setDefaultTimeout(15_000);
  return opened.page;
}

describe.each(["ar", "en"] as const)("%s, 390 px: an erasure request on Qader", (locale) => {
  const t = M[locale];
  const url = (pathname: string) => siteUrl(SITE, at(locale, pathname));

  test("the admin logs it, exports the person's data, erases it and sees the request anonymised", async () => {
    const page = await phone();
    await signIn(page, SITE, locale, ADMIN);

    // The request's number, as the admin finds it in the requests list.
    await open(page, `${url("/admin/requests")}?q=${encodeURIComponent(SUBJECT[locale])}`);
    const reference = (await page.getByTestId("request-cards").getByRole("link").first().innerText()).trim();
    expect(reference).toMatch(/^\d{4}-\d{5}$/);

    // The consent record on the request page, before erasure.
    await open(page, url(`/admin/requests/${reference}`));
    const consents = page.getByTestId("consent-record");
    await expect(consents.innerText()).resolves.toContain(t.requests.detail.consentTitle);
    await consents.getByText(t.requests.detail.noticeText.replace("{version}", "1")).click();

    await page.getByRole("navigation", { name: t.admin.navLabel }).getByRole("link", { name: t.admin.nav.privacy, exact: true }).click();
    await page.waitForURL(url("/admin/privacy"));
    await settle(page);
    await expect(page.locator("main h1").innerText()).resolves.toBe(t.privacy.title);
    await expect(page.getByTestId("notice-version").count()).resolves.toBeGreaterThan(0);

    const form = page.getByRole("form", { name: t.privacy.log.add, exact: true });
    await form.getByLabel(t.privacy.log.kind, { exact: true }).selectOption("ERASURE");
    await form.getByLabel(t.privacy.log.reference, { exact: true }).fill(reference);
    await form.getByLabel(t.privacy.log.subjectName, { exact: true }).fill(SUBJECT[locale]);
    await form.getByRole("button", { name: t.privacy.log.submit, exact: true }).click();
    await expect(form.getByRole("status").innerText()).resolves.toBe(t.privacy.log.logged);
    // The pointer leaves the button it clicked: hovered, the button fades (hover:opacity-90).
    await page.mouse.move(0, 0);
    await settle(page);

    const entry = page.getByTestId("data-request").filter({ hasText: reference });
    await expect(entry.getByTestId("days-left").innerText()).resolves.toContain("30");
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await expectNoOverflow(page, "/admin/privacy");
    await screenshot(page, `privacy-${locale}-390`);

    // The readable export, then the JSON download.
    await entry.getByRole("link", { name: t.privacy.log.open, exact: true }).click();
    await page.waitForURL(/\/admin\/privacy\/[0-9a-f-]{36}$/);
    await settle(page);
    if (locale === "ar") qaderEntryPath = new URL(page.url()).pathname;
    const held = page.getByTestId("held-request");
    await expect(held.count()).resolves.toBe(1);
    await expect(held.innerText()).resolves.toContain(SUBJECT[locale]);
    await expectNoOverflow(page, "/admin/privacy/[id]");
    await screenshot(page, `privacy-${locale}-390-subject`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.privacy.subject.download, exact: true }).click()]);
    const json = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(json.requests.map((r: { reference: string }) => r.reference)).toEqual([reference]);
    expect(json.requests[0].applicantName).toBe(SUBJECT[locale]);
    expect(JSON.stringify(json)).not.toMatch(/codeHash|tokenHash/);

    // Erasure: refused without the confirmation, done with it.
    await page.getByText(t.privacy.erase.submit, { exact: true }).first().click(); // opens the step
    const erase = page.getByRole("form", { name: t.privacy.erase.title, exact: true });
    await erase.getByRole("button", { name: t.privacy.erase.submit, exact: true }).click();
    await erase.getByText(t.validation.confirmErase, { exact: true }).waitFor();
    await erase.getByLabel(t.privacy.erase.confirm, { exact: true }).check();
    await erase.getByRole("button", { name: t.privacy.erase.submit, exact: true }).click();
    // The page refreshes: the entry is closed and nothing is held any more.
    await page.getByTestId("entry-closed").waitFor();
    await expect(page.getByTestId("entry-closed").innerText()).resolves.toContain(t.privacy.status.DONE);
    await expect(page.getByTestId("held-request").count()).resolves.toBe(0);
    await screenshot(page, `privacy-${locale}-390-erased`);

    await open(page, url(`/admin/requests/${reference}`));
    await expect(page.getByRole("note").innerText()).resolves.toContain(t.requests.detail.anonymised.split("{date}")[0].trim());
    await expect(page.locator("main").innerText()).resolves.not.toContain(SUBJECT[locale]);
    await open(page, url("/admin/privacy"));
    const closed = page.getByTestId("data-request").filter({ hasText: reference });
    await expect(closed.innerText()).resolves.toContain(t.privacy.status.DONE);
    await expect(closed.innerText()).resolves.not.toContain(SUBJECT[locale]); // the log keeps the number, not the person
  }, 120_000);
});

test("Al-Hilah's admin gets a 404 for Qader's data request", async () => {
  expect(qaderEntryPath).toMatch(/^\/admin\/privacy\/[0-9a-f-]{36}$/);
  const page = await phone();
  await signIn(page, "alhilah", "ar", "admin@alhilah.demo");
  const response = await open(page, siteUrl("alhilah", qaderEntryPath));
  expect(response?.status()).toBe(404);
  const id = qaderEntryPath.split("/").pop();
  // From the page itself: the browser resolves *.localhost, Playwright's own requests do not.
  const status = await page.evaluate(async (path) => (await fetch(path)).status, `/api/admin/privacy/export?id=${id}`);
  expect(status).toBe(404);
});
