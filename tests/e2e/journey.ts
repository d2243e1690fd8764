import type { Browser, Page } from "playwright-core";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import { newPage, settle, siteUrl, type Locale } from "./browser";

// Steps that several browser journeys share: messages, paths, signing in, reading a link from
// an outbox, and cleaning up the associations a test file created.

export const M = { ar, en } as const;
export const LOCALES = ["ar", "en"] as const;

/** Demo accounts (lib/db/seed.ts). */
export const DEMO_PASSWORD = "Demo-2026-pass";
export const OPERATOR = "operator@alaqa.demo";
export const SESSION_COOKIE = "next-auth.session-token";
export const STRONG_PASSWORD = "Strong-pass-2026";
/** An invitation or reset token in a link. */
export const TOKEN = /[A-Za-z0-9_-]{43}/;

/** A path in a locale: Arabic unprefixed, English under /en. */
export const at = (locale: Locale, pathname: string) => (locale === "en" ? (pathname === "/" ? "/en" : `/en${pathname}`) : pathname);

/** A message as shown: placeholders filled, rich-text tags (e.g. <ltr>…</ltr>) dropped. */
export const fmt = (message: string, values: Record<string, string | number> = {}) =>
  message.replace(/<\/?\w+>/g, "").replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await settle(page);
  return response;
}

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignIn(page: Page, locale: Locale, address: string, password: string) {
  const t = M[locale].auth;
  await page.getByLabel(t.email, { exact: true }).fill(address);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.submit, exact: true }).click();
}

/** Signs in on a site's sign-in page and waits for its console (/admin, or /console on the platform). */
export async function signIn(page: Page, site: string | null, locale: Locale, address: string, password = DEMO_PASSWORD) {
  await open(page, siteUrl(site, at(locale, "/sign-in")));
  await submitSignIn(page, locale, address, password);
  await page.waitForURL(siteUrl(site, at(locale, site ? "/admin" : "/console")));
  await settle(page);
}

/** The newest link of `kind` e-mailed to `recipient`, read from the association's outbox by its
 * admin, or (site null) from the platform's outbox by an operator. */
export async function outboxLink(reader: Page, site: string | null, locale: Locale, recipient: string, kind: "invite" | "reset-password"): Promise<string> {
  await open(reader, siteUrl(site, at(locale, site ? "/admin/outbox" : "/console/outbox")));
  const message = reader.getByTestId("outbox-message").filter({ hasText: recipient }).first();
  const body = await message.locator("pre").innerText();
  const link = body.match(new RegExp(`https?://\\S+/${kind}/${TOKEN.source}`))?.[0];
  if (!link) throw new Error(`no ${kind} link for ${recipient} in:\n${body}`);
  return link;
}

/** The operator suspends associations a test file created, so that the platform's landing page
 * lists only the seed associations for the other files. */
export async function suspendAssociations(browser: Browser, slugs: readonly string[]) {
  if (slugs.length === 0) return;
  const operator = await newPage(browser);
  try {
    await signIn(operator.page, null, "ar", OPERATOR);
    for (const slug of slugs) {
      const item = operator.page.getByTestId("association").filter({ has: operator.page.getByRole("link", { name: slug, exact: true }) });
      const suspend = item.getByRole("button", { name: ar.console.suspend, exact: true });
      if ((await item.count()) !== 1 || (await suspend.count()) !== 1) continue;
      await suspend.click();
      await item.getByRole("button", { name: ar.console.reactivate, exact: true }).waitFor();
    }
  } finally {
    await operator.context.close();
  }
}

/** On the requests list of a staff member who has not yet confirmed reading the published
 * policy: follows the notice's link and confirms it on the policy page. */
export async function confirmPolicyRead(page: Page, site: string) {
  const t = ar;
  await page.getByTestId("attest-needed").getByRole("link", { name: t.requests.attestLink, exact: true }).click();
  await page.waitForURL(siteUrl(site, "/admin/policy"));
  // The button reads "working…" while the action runs: wait for its form to go.
  const attest = page.getByRole("form", { name: t.policyAdmin.attest, exact: true });
  await attest.getByRole("button", { name: t.policyAdmin.attest, exact: true }).click();
  await attest.waitFor({ state: "detached" });
}
