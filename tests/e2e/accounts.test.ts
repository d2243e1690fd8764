/** @jest-environment node */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  DESKTOP,
  MOBILE,
  homeUrl,
  horizontalOverflow,
  htmlLangDir,
  launchBrowser,
  newPage,
  port,
  screenshot,
  seriousA11yViolations,
  settle,
  siteUrl,
  type Locale,
} from "./browser";
import { DEMO_PASSWORD, LOCALES, M, OPERATOR, SESSION_COOKIE, STRONG_PASSWORD, TOKEN, at, fmt, open, outboxLink, signIn, submitSignIn, suspendAssociations } from "./journey";

// Accounts and roles: sign-in per association, sessions that never cross associations, the
// role-based console, invitations, members, self-serve onboarding, the operator console and
// password resets. UI strings come from messages/*.json, so each check is in the page's language.

const { ar, en } = M;

/** Demo accounts (lib/db/seed.ts). Only these tests' own accounts ever change password. */
const demo = (slug: string, role: string) => `${role}@${slug}.demo`;
const DEMO_ROLES = ["admin", "officer", "researcher", "committee", "board"];

const QADER_AR = "جمعية قادر لتعزيز الصحة النفسية بتبوك";
const QADER_EN = "Qader Association for Mental Health Promotion in Tabuk";
const ALHILAH_AR = "الجمعية التعاونية متعددة الأغراض بالحلاه";

/** Unique per run, so that names, e-mails and subdomains never collide with an earlier run. */
const RUN = randomBytes(4).toString("hex");
const email = (label: string) => `e2e-${label}-${RUN}@example.org`;

/** Subdomains of the associations these tests create. They are suspended after the tests, so
 * that the platform's landing page lists only the two seed associations for other test files. */
const created: string[] = [];

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Extra contexts opened by a test (other users, signed-out visitors), closed after it. */
let extraContexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  if (browser) await suspendAssociations(browser, created);
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await newPage(browser, DESKTOP));
});
afterEach(async () => {
  await context?.close();
  await Promise.all(extraContexts.map((c) => c.close()));
  extraContexts = [];
});

/** Another browser (own cookies) for the rest of the test. */
async function otherBrowser(viewport: { width: number; height: number } = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, viewport);
  extraContexts.push(opened.context);
  return opened;
}

/** Our own form alerts, in a page or a part of it (Next.js's route announcer also has role="alert"). */
const formAlert = (target: Page | Locator) => target.locator("form [role=alert]");
/** A form's success notice. */
const formStatus = (target: Page | Locator) => target.locator("form [role=status]");

/** A GET from Node with the cookies the browser context would send to `url` (Node does not
 * resolve *.localhost, so it connects to 127.0.0.1 with the site's Host header). */
async function apiGet(ctx: BrowserContext, url: string): Promise<{ status: number; contentType: string; body: string }> {
  const target = new URL(url);
  const cookie = (await ctx.cookies(url)).map((c) => `${c.name}=${c.value}`).join("; ");
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port: target.port, path: target.pathname + target.search, headers: { host: target.host, ...(cookie ? { cookie } : {}) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body }));
      },
    );
    req.on("error", reject);
  });
}

/** The localized error shown under a field, found through the input's aria-describedby. */
async function fieldError(target: Page | Locator, label: string): Promise<string> {
  const input = target.getByLabel(label, { exact: true });
  expect(await input.getAttribute("aria-invalid")).toBe("true");
  const errorId = (await input.getAttribute("aria-describedby"))?.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId).toBeDefined();
  return (await target.locator(`[id="${errorId}"]`).innerText()).trim();
}

/** A new browser signed in as Qader's admin. */
async function qaderAdmin(locale: Locale = "ar", viewport: { width: number; height: number } = DESKTOP) {
  const admin = await otherBrowser(viewport);
  await signIn(admin.page, "qader", locale, demo("qader", "admin"));
  return admin;
}

const h1Text = async (target: Page) => (await target.locator("h1").first().innerText()).trim();

/** The labels of the console's menu. */
async function consoleNav(target: Page, locale: Locale): Promise<string[]> {
  const nav = target.getByRole("navigation", { name: M[locale].admin.navLabel, exact: true });
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}

/** Invites `address` from the members page of the site the admin is signed in to. */
async function invite(admin: Page, site: string, locale: Locale, address: string, roleLabel: string) {
  const t = M[locale].members;
  await open(admin, siteUrl(site, at(locale, "/admin/members")));
  const form = admin.getByRole("form", { name: t.inviteTitle, exact: true });
  await form.getByLabel(t.email, { exact: true }).fill(address);
  await form.getByRole("checkbox", { name: roleLabel, exact: true }).check();
  await form.getByRole("button", { name: t.invite, exact: true }).click();
  const notice = form.locator("[role=status]");
  await notice.waitFor();
  expect((await notice.innerText()).trim()).toBe(t.invited);
}

/** Accepts an invitation as a new account on the invitation page that is open. */
async function acceptAsNewAccount(target: Page, locale: Locale, name: string, password: string) {
  const t = M[locale];
  await target.getByLabel(t.invite.name, { exact: true }).fill(name);
  await target.getByLabel(t.auth.password, { exact: true }).fill(password);
  await target.getByRole("button", { name: t.invite.accept, exact: true }).click();
}

/** Invites a fresh account to Qader with one role and accepts it in its own browser. */
async function newQaderMember(label: string, role: keyof typeof ar.roles, password = STRONG_PASSWORD) {
  const address = email(label);
  const admin = await qaderAdmin();
  await invite(admin.page, "qader", "ar", address, M.ar.roles[role]);
  const link = await outboxLink(admin.page, "qader", "ar", address, "invite");
  const member = await otherBrowser();
  await open(member.page, link);
  await acceptAsNewAccount(member.page, "ar", `عضو ${label}`, password);
  await member.page.waitForURL(siteUrl("qader", "/admin"));
  return { address, password, admin, member };
}

/** Asks for a reset link on a site's "forgot password" page (signed out) and expects the generic notice. */
async function requestReset(site: string | null, locale: Locale, address: string) {
  const t = M[locale].auth;
  const visitor = await otherBrowser();
  await open(visitor.page, siteUrl(site, at(locale, "/sign-in")));
  await visitor.page.getByRole("link", { name: t.forgot, exact: true }).click();
  await visitor.page.waitForURL(siteUrl(site, at(locale, "/forgot-password")));
  await settle(visitor.page);
  expect(await h1Text(visitor.page)).toBe(t.forgotTitle);
  await visitor.page.getByLabel(t.email, { exact: true }).fill(address);
  await visitor.page.getByRole("button", { name: t.forgotSubmit, exact: true }).click();
  await formStatus(visitor.page).waitFor();
  expect((await formStatus(visitor.page).innerText()).trim()).toBe(t.forgotSent);
}

/** The session cookie set on a host. */
async function sessionCookie(ctx: BrowserContext, site: string | null) {
  const cookie = (await ctx.cookies(siteUrl(site))).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie on ${siteUrl(site)}`);
  return cookie;
}

describe("sign-in on an association's site", () => {
  test.each(LOCALES)("%s: /admin asks to sign in; a wrong password is refused; the right one opens the console", async (locale) => {
    const t = M[locale];
    const admin = demo("qader", "admin");
    const signInUrl = siteUrl("qader", `${at(locale, "/sign-in")}?next=${encodeURIComponent(at(locale, "/admin"))}`);

    await open(page, siteUrl("qader", at(locale, "/admin")));
    expect(page.url()).toBe(signInUrl);
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
    expect(await h1Text(page)).toBe(t.auth.signInTitle);
    await expect(page.getByText(fmt(t.auth.signInIntro, { name: locale === "ar" ? QADER_AR : QADER_EN }), { exact: true }).count()).resolves.toBe(1);

    await submitSignIn(page, locale, admin, "Wrong-password-1");
    await formAlert(page).waitFor();
    expect((await formAlert(page).innerText()).trim()).toBe(t.errors.CredentialsSignin);
    expect(page.url()).toBe(signInUrl);
    // The e-mail typed stays, the password does not.
    await expect(page.getByLabel(t.auth.email, { exact: true }).inputValue()).resolves.toBe(admin);
    expect((await context.cookies(siteUrl("qader"))).some((c) => c.name === SESSION_COOKIE)).toBe(false);

    await submitSignIn(page, locale, admin, DEMO_PASSWORD);
    await page.waitForURL(siteUrl("qader", at(locale, "/admin")));
    await page.getByRole("heading", { level: 1, name: t.admin.consoleTitle, exact: true }).waitFor();
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
    await expect(page.getByText(admin, { exact: true }).count()).resolves.toBe(1);
    const nav = t.admin.nav;
    expect(await consoleNav(page, locale)).toEqual([nav.home, nav.requests, nav.complaints, nav.reports, nav.surveys, nav.evidence, nav.policy, nav.members, nav.settings, nav.privacy, nav.billing, nav.audit, nav.outbox]);

    // The cookie is host-only: the platform and other associations never receive it.
    const cookie = await sessionCookie(context, "qader");
    expect(cookie.domain).toBe("qader.localhost");
    expect(cookie.httpOnly).toBe(true);
    expect(await context.cookies(siteUrl("alhilah"))).toEqual([]);
    expect((await context.cookies(siteUrl(null))).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  });

  test("`next` brings the admin back to the page asked for, but never to another site", async () => {
    await open(page, siteUrl("qader", "/admin/members"));
    expect(page.url()).toBe(siteUrl("qader", "/sign-in?next=%2Fadmin%2Fmembers"));
    await submitSignIn(page, "ar", demo("qader", "admin"), DEMO_PASSWORD);
    await page.waitForURL(siteUrl("qader", "/admin/members"));
    expect(await h1Text(page)).toBe(ar.members.title);

    // "/\t/example.org" would become "//example.org" in the browser: refused like "//example.org".
    for (const next of ["//example.org/admin", "/\t/example.org/admin", "https://example.org/admin"]) {
      const other = await otherBrowser();
      await open(other.page, siteUrl("qader", `/sign-in?next=${encodeURIComponent(next)}`));
      await submitSignIn(other.page, "ar", demo("qader", "admin"), DEMO_PASSWORD);
      await other.page.waitForURL(siteUrl("qader", "/admin"));
    }
  });

  test("submitted before its JavaScript runs, the sign-in form does not put the password in the URL", async () => {
    const noScript = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    extraContexts.push(noScript);
    const target = await noScript.newPage();
    await target.goto(siteUrl("qader", "/sign-in?next=%2Fadmin"));
    await target.getByLabel(ar.auth.email, { exact: true }).fill(demo("qader", "admin"));
    await target.getByLabel(ar.auth.password, { exact: true }).fill(DEMO_PASSWORD);
    // force: a button kept disabled until the page is interactive is a fine answer too.
    await target.getByRole("button", { name: ar.auth.submit, exact: true }).click({ force: true });
    await target.waitForLoadState("load");
    const url = new URL(target.url());
    expect({ url: url.href, hasPassword: url.searchParams.has("password") || url.href.includes(DEMO_PASSWORD) }).toEqual({ url: url.href, hasPassword: false });
  });

  test("signing out ends the session", async () => {
    await signIn(page, "qader", "ar", demo("qader", "officer"));
    await page.getByRole("button", { name: ar.auth.signOut, exact: true }).click();
    await page.waitForURL(siteUrl("qader", "/"));
    expect((await context.cookies(siteUrl("qader"))).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    await open(page, siteUrl("qader", "/admin"));
    expect(page.url()).toBe(siteUrl("qader", "/sign-in?next=%2Fadmin"));
  });
});

describe("sessions never cross associations", () => {
  const everyDemoEmail = ["qader", "alhilah"].flatMap((slug) => DEMO_ROLES.map((role) => demo(slug, role)));

  test("Qader's session cookie copied to alhilah.localhost opens nothing there", async () => {
    await signIn(page, "qader", "ar", demo("qader", "admin"));
    const cookie = await sessionCookie(context, "qader");
    await context.addCookies([{ name: cookie.name, value: cookie.value, domain: "alhilah.localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
    expect((await context.cookies(siteUrl("alhilah"))).map((c) => c.name)).toContain(SESSION_COOKIE);

    for (const pathname of ["/admin", "/admin/members", "/admin/audit", "/admin/outbox", "/en/admin/members"]) {
      const response = await open(page, siteUrl("alhilah", pathname));
      expect({ pathname, status: response?.status() }).toEqual({ pathname, status: 404 });
      expect(page.url()).toBe(siteUrl("alhilah", pathname));
      const html = await page.content();
      for (const address of everyDemoEmail) expect(html).not.toContain(address);
    }
    await screenshot(page, "accounts-cross-tenant-alhilah-admin-404");

    const api = await apiGet(context, siteUrl("alhilah", "/api/admin/audit"));
    expect(api.status).toBe(404);
    expect(api.contentType).toContain("application/json");
    expect(JSON.parse(api.body)).toEqual({ error: "errors.NOT_FOUND" });

    // The same cookie still works where it was issued.
    const own = await apiGet(context, siteUrl("qader", "/api/admin/audit"));
    expect(own.status).toBe(200);
    expect(own.contentType).toContain("text/csv");
    expect(own.body).not.toContain("@alhilah.demo");
    const response = await open(page, siteUrl("qader", "/admin"));
    expect(response?.status()).toBe(200);
  });

  test("the audit export asks signed-out visitors to sign in (401 JSON)", async () => {
    const api = await apiGet(context, siteUrl("alhilah", "/api/admin/audit"));
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toEqual({ error: "errors.UNAUTHENTICATED" });
  });

  // Not the admin: failed sign-ins count against the account (5 per 15 minutes).
  test.each(LOCALES)("%s: a Qader account cannot sign in on Al-Hilah's site", async (locale) => {
    await open(page, siteUrl("alhilah", at(locale, "/sign-in")));
    expect(await h1Text(page)).toBe(M[locale].auth.signInTitle);
    await submitSignIn(page, locale, demo("qader", "researcher"), DEMO_PASSWORD);
    await formAlert(page).waitFor();
    expect((await formAlert(page).innerText()).trim()).toBe(M[locale].errors.CredentialsSignin);
    expect(page.url()).toBe(siteUrl("alhilah", at(locale, "/sign-in")));
    expect((await context.cookies(siteUrl("alhilah"))).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  });

  test("a Qader account cannot sign in on the platform (operators only)", async () => {
    await open(page, siteUrl(null, "/sign-in"));
    await submitSignIn(page, "ar", demo("qader", "researcher"), DEMO_PASSWORD);
    await formAlert(page).waitFor();
    expect((await formAlert(page).innerText()).trim()).toBe(ar.errors.CredentialsSignin);
  });
});

describe("tampered session", () => {
  test("changing one character of the session cookie signs the visitor out", async () => {
    await signIn(page, "qader", "ar", demo("qader", "admin"));
    const cookie = await sessionCookie(context, "qader");
    let i = Math.floor(cookie.value.length / 2);
    while (cookie.value[i] === ".") i++;
    const tampered = cookie.value.slice(0, i) + (cookie.value[i] === "A" ? "B" : "A") + cookie.value.slice(i + 1);
    expect(tampered).not.toBe(cookie.value);

    await context.clearCookies();
    await context.addCookies([{ ...cookie, value: tampered }]);
    expect((await sessionCookie(context, "qader")).value).toBe(tampered);
    await open(page, siteUrl("qader", "/admin"));
    expect(page.url()).toBe(siteUrl("qader", "/sign-in?next=%2Fadmin"));
    expect(await h1Text(page)).toBe(ar.auth.signInTitle);
    expect(await page.content()).not.toContain(demo("qader", "admin"));

    const api = await apiGet(context, siteUrl("qader", "/api/admin/audit"));
    expect(api.status).toBe(401);
  });
});

describe("role-based console", () => {
  test("an officer sees Members but neither the audit log nor the outbox", async () => {
    await signIn(page, "qader", "ar", demo("qader", "officer"));
    const nav = ar.admin.nav;
    expect(await consoleNav(page, "ar")).toEqual([nav.home, nav.requests, nav.complaints, nav.reports, nav.surveys, nav.policy, nav.members]);
    const roles = await page.locator('section[aria-labelledby="roles-title"] li').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual([ar.roles.OFFICER]);

    for (const pathname of ["/admin/audit", "/admin/outbox", "/en/admin/audit"]) {
      const response = await open(page, siteUrl("qader", pathname));
      expect({ pathname, status: response?.status() }).toEqual({ pathname, status: 404 });
    }
    const api = await apiGet(context, siteUrl("qader", "/api/admin/audit"));
    expect(api.status).toBe(404);

    // Members are listed read-only: no invitation form, no editing.
    const response = await open(page, siteUrl("qader", "/admin/members"));
    expect(response?.status()).toBe(200);
    await expect(page.getByText(ar.members.readOnly, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByTestId("member").count()).resolves.toBeGreaterThanOrEqual(5);
    await expect(page.getByRole("form", { name: ar.members.inviteTitle }).count()).resolves.toBe(0);
    await expect(page.getByText(ar.members.edit, { exact: true }).count()).resolves.toBe(0);
  });

  test("a board member sees the audit log (and not the outbox)", async () => {
    await signIn(page, "qader", "en", demo("qader", "board"));
    const nav = en.admin.nav;
    expect(await consoleNav(page, "en")).toEqual([nav.home, nav.reports, nav.surveys, nav.evidence, nav.policy, nav.board, nav.members, nav.audit]);
    const roles = await page.locator('section[aria-labelledby="roles-title"] li').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual([en.roles.BOARD, en.roles.chair]);

    await page.getByRole("link", { name: en.admin.nav.audit, exact: true }).click();
    await page.waitForURL(siteUrl("qader", "/en/admin/audit"));
    await page.getByRole("heading", { level: 1, name: en.audit.title, exact: true }).waitFor();
    await expect(page.getByTestId("audit-row").count()).resolves.toBeGreaterThan(0);
    const response = await open(page, siteUrl("qader", "/en/admin/outbox"));
    expect(response?.status()).toBe(404);
  });
});

describe("invitations", () => {
  test("admin invites an officer; the link works once, only on Qader, and creates the account", async () => {
    const address = email("officer");
    const t = ar;
    const admin = await qaderAdmin();
    await invite(admin.page, "qader", "ar", address, t.roles.OFFICER);
    const pending = admin.page.locator('section[aria-labelledby="pending"] li', { hasText: address });
    await expect(pending.innerText()).resolves.toContain(t.roles.OFFICER);

    const link = await outboxLink(admin.page, "qader", "ar", address, "invite");
    expect(link).toMatch(new RegExp(`^${siteUrl("qader", "/invite/")}${TOKEN.source}$`));
    const message = admin.page.getByTestId("outbox-message").filter({ hasText: address }).first();
    await expect(message.innerText()).resolves.toContain(fmt(t.email.invitation.subject, { association: QADER_AR }));
    const { pathname } = new URL(link);

    // The token belongs to Qader: on Al-Hilah's site it is simply not valid.
    await open(page, siteUrl("alhilah", pathname));
    expect(await h1Text(page)).toBe(t.invite.invalidTitle);
    expect((await page.locator("main [role=alert]").innerText()).trim()).toBe(t.errors.INVITATION_INVALID);
    expect(await page.content()).not.toContain(address);

    // A signed-out browser opens the link.
    const invitee = await otherBrowser();
    await open(invitee.page, link);
    expect(await h1Text(invitee.page)).toBe(fmt(t.invite.title, { association: QADER_AR }));
    await expect(invitee.page.getByText(fmt(t.invite.intro, { email: address, roles: t.roles.OFFICER }), { exact: true }).count()).resolves.toBe(1);
    await expect(invitee.page.getByText(t.invite.newAccount, { exact: true }).count()).resolves.toBe(1);

    // A weak password is refused with a localized message; nothing is created.
    await acceptAsNewAccount(invitee.page, "ar", "عضو الاختبار", "onlyletterslong");
    await formAlert(invitee.page).waitFor();
    expect((await formAlert(invitee.page).innerText()).trim()).toBe(t.errors.INVALID_INPUT);
    expect(await fieldError(invitee.page, t.auth.password)).toBe(t.validation.passwordWeak);
    await expect(invitee.page.getByLabel(t.invite.name, { exact: true }).inputValue()).resolves.toBe("عضو الاختبار");
    await expect(invitee.page.getByLabel(t.auth.password, { exact: true }).inputValue()).resolves.toBe("");
    await acceptAsNewAccount(invitee.page, "ar", "عضو الاختبار", "short-1");
    await invitee.page.getByText(t.validation.passwordTooShort, { exact: true }).waitFor();
    expect(invitee.page.url()).toBe(link);
    // Still a new account (no password set) and the link still works.
    await open(invitee.page, link);
    expect(await h1Text(invitee.page)).toBe(fmt(t.invite.title, { association: QADER_AR }));
    await expect(invitee.page.getByText(t.invite.newAccount, { exact: true }).count()).resolves.toBe(1);
    expect((await invitee.context.cookies(siteUrl("qader"))).some((c) => c.name === SESSION_COOKIE)).toBe(false);

    await acceptAsNewAccount(invitee.page, "ar", "عضو الاختبار", STRONG_PASSWORD);
    await invitee.page.waitForURL(siteUrl("qader", "/admin"));
    await invitee.page.getByRole("heading", { level: 1, name: t.admin.consoleTitle, exact: true }).waitFor();
    await expect(invitee.page.getByText(fmt(t.admin.welcome, { name: "عضو الاختبار" }), { exact: true }).count()).resolves.toBe(1);
    await expect(invitee.page.getByText(address, { exact: true }).count()).resolves.toBe(1);
    const roles = await invitee.page.locator('section[aria-labelledby="roles-title"] li').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual([t.roles.OFFICER]);
    const nav = t.admin.nav;
    expect(await consoleNav(invitee.page, "ar")).toEqual([nav.home, nav.requests, nav.complaints, nav.reports, nav.surveys, nav.policy, nav.members]);

    // Used: the same link is now invalid, on Qader and on Al-Hilah.
    for (const url of [link, siteUrl("alhilah", pathname)]) {
      const visitor = await otherBrowser();
      await open(visitor.page, url);
      expect(await h1Text(visitor.page)).toBe(t.invite.invalidTitle);
      expect((await visitor.page.locator("main [role=alert]").innerText()).trim()).toBe(t.errors.INVITATION_INVALID);
      await expect(visitor.page.locator("form").count()).resolves.toBe(0);
    }

    // The admin sees the new member and no pending invitation for it.
    await open(admin.page, siteUrl("qader", "/admin/members"));
    const row = admin.page.getByTestId("member").filter({ hasText: address });
    await expect(row.innerText()).resolves.toContain(t.roles.OFFICER);
    await expect(admin.page.locator('section[aria-labelledby="pending"] li', { hasText: address }).count()).resolves.toBe(0);
  });

  test.each(LOCALES)("%s: a forged token shows the invalid-invitation message", async (locale) => {
    const forged = randomBytes(32).toString("base64url");
    expect(forged).toMatch(new RegExp(`^${TOKEN.source}$`));
    const response = await open(page, siteUrl("qader", at(locale, `/invite/${forged}`)));
    expect(response?.status()).toBeLessThan(500);
    expect(await h1Text(page)).toBe(M[locale].invite.invalidTitle);
    expect((await page.locator("main [role=alert]").innerText()).trim()).toBe(M[locale].errors.INVITATION_INVALID);
    await expect(page.locator("form").count()).resolves.toBe(0);
  });

  test("a revoked invitation stops working", async () => {
    const address = email("revoked");
    const admin = await qaderAdmin();
    await invite(admin.page, "qader", "ar", address, ar.roles.RESEARCHER);
    const link = await outboxLink(admin.page, "qader", "ar", address, "invite");
    await open(admin.page, siteUrl("qader", "/admin/members"));
    await admin.page.getByRole("form", { name: `${ar.members.revoke}: ${address}`, exact: true }).getByRole("button").click();
    await admin.page.locator('section[aria-labelledby="pending"] li', { hasText: address }).waitFor({ state: "detached" });

    await open(page, link);
    expect(await h1Text(page)).toBe(ar.invite.invalidTitle);
  });
});

describe("members page", () => {
  test("the last admin can neither remove itself nor drop its admin role", async () => {
    const t = ar;
    const admin = demo("qader", "admin");
    await signIn(page, "qader", "ar", admin);
    await open(page, siteUrl("qader", "/admin/members"));
    const before = (await page.getByTestId("member").allInnerTexts()).map((s) => s.trim());
    const self = page.getByTestId("member").filter({ hasText: admin });
    await expect(self.innerText()).resolves.toContain(`(${t.members.you})`);

    await self.getByText(t.members.edit, { exact: true }).click();
    await self.getByRole("button", { name: t.members.remove, exact: true }).click();
    await formAlert(self).waitFor();
    expect((await formAlert(self).innerText()).trim()).toBe(t.errors.LAST_ADMIN);
    await screenshot(page, "accounts-members-last-admin-ar");

    const rolesForm = self.getByRole("form", { name: new RegExp(`^${t.members.roles}: `) });
    await rolesForm.getByRole("checkbox", { name: t.roles.ADMIN, exact: true }).uncheck();
    await rolesForm.getByRole("checkbox", { name: t.roles.OFFICER, exact: true }).check();
    await rolesForm.getByRole("button", { name: t.members.save, exact: true }).click();
    await rolesForm.getByText(t.errors.LAST_ADMIN, { exact: true }).waitFor();

    // Nothing changed: same members, same roles, and the admin still runs the console.
    await open(page, siteUrl("qader", "/admin/members"));
    expect((await page.getByTestId("member").allInnerTexts()).map((s) => s.trim())).toEqual(before);
    await expect(page.getByTestId("member").filter({ hasText: admin }).innerText()).resolves.toContain(t.roles.ADMIN);
    await expect(page.getByRole("form", { name: t.members.inviteTitle }).count()).resolves.toBe(1);
  });
});

describe("onboarding a new association", () => {
  test.each(LOCALES)("%s: register, with rejected input first, then set the admin's password", async (locale) => {
    const t = M[locale];
    const slug = `e2e-${locale}-${RUN}`;
    const adminEmail = email(`${locale}-admin`);
    const input = {
      nameAr: `جمعية الاختبار ${locale} ${RUN}`,
      nameEn: `E2E Test Association ${locale} ${RUN}`,
      registrationNumber: "4321",
      supervisingBodyAr: "المركز الوطني لتنمية القطاع غير الربحي",
      supervisingBodyEn: "National Center for Non-Profit Sector Development",
    };
    const name = locale === "ar" ? input.nameAr : input.nameEn;
    const label = (key: keyof typeof ar.register) => t.register[key] as string;
    const field = (key: keyof typeof ar.register) => page.getByLabel(label(key), { exact: true });

    await open(page, homeUrl(null, locale));
    await page.getByRole("link", { name: t.register.cta, exact: true }).click();
    await page.waitForURL(siteUrl(null, at(locale, "/register")));
    await settle(page);
    expect(await h1Text(page)).toBe(t.register.title);

    for (const [key, value] of Object.entries(input)) await field(key as keyof typeof ar.register).fill(value);
    await field("adminEmail").fill("not-an-email");
    await field("slug").fill("www");
    await page.getByRole("radio", { name: t.register.templates.alhilah, exact: true }).check();
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();

    await formAlert(page).waitFor();
    expect((await formAlert(page).innerText()).trim()).toBe(t.errors.INVALID_INPUT);
    expect(await fieldError(page, label("slug"))).toBe(t.validation.slugReserved);
    expect(await fieldError(page, label("adminEmail"))).toBe(t.validation.emailInvalid);
    await screenshot(page, `accounts-register-errors-${locale}-1280`);

    // Everything typed is still there.
    for (const [key, value] of Object.entries(input)) await expect(field(key as keyof typeof ar.register).inputValue()).resolves.toBe(value);
    await expect(field("adminEmail").inputValue()).resolves.toBe("not-an-email");
    await expect(field("slug").inputValue()).resolves.toBe("www");
    await expect(page.getByRole("radio", { name: t.register.templates.alhilah, exact: true }).isChecked()).resolves.toBe(true);

    // A taken subdomain.
    await field("adminEmail").fill(adminEmail);
    await field("slug").fill("qader");
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await page.getByText(t.errors.SLUG_TAKEN, { exact: true }).waitFor();
    expect(await fieldError(page, label("slug"))).toBe(t.errors.SLUG_TAKEN);
    await expect(field("adminEmail").getAttribute("aria-invalid")).resolves.toBeNull();
    for (const [key, value] of Object.entries(input)) await expect(field(key as keyof typeof ar.register).inputValue()).resolves.toBe(value);
    await expect(field("adminEmail").inputValue()).resolves.toBe(adminEmail);
    await expect(field("slug").inputValue()).resolves.toBe("qader");
    await expect(page.getByRole("radio", { name: t.register.templates.alhilah, exact: true }).isChecked()).resolves.toBe(true);

    // Nothing was created: the platform does not list it, its subdomain is unknown, Qader is untouched.
    const check = await otherBrowser();
    await open(check.page, homeUrl(null, locale));
    expect(await check.page.content()).not.toContain(name);
    expect((await open(check.page, homeUrl(slug, locale)))?.status()).toBe(404);
    expect((await open(check.page, homeUrl("qader", locale)))?.status()).toBe(200);

    // Now a free subdomain: straight to the new site's invitation page.
    created.push(slug);
    await field("slug").fill(slug);
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await page.waitForURL(new RegExp(`^http://${slug}\\.localhost:${port()}${locale === "en" ? "/en" : ""}/invite/${TOKEN.source}$`));
    await settle(page);
    expect(await h1Text(page)).toBe(fmt(t.invite.title, { association: name }));
    await expect(page.getByText(fmt(t.invite.intro, { email: adminEmail, roles: t.roles.ADMIN }), { exact: true }).count()).resolves.toBe(1);
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });

    await acceptAsNewAccount(page, locale, locale === "ar" ? "مدير الاختبار" : "Test Admin", STRONG_PASSWORD);
    await page.waitForURL(siteUrl(slug, at(locale, "/admin")));
    await page.getByRole("heading", { level: 1, name: t.admin.consoleTitle, exact: true }).waitFor();
    const policy = (await page.getByTestId("policy-status").locator("li").allInnerTexts()).map((s) => s.trim());
    expect(policy).toEqual([fmt(t.admin.policyDraft, { number: 1 })]);
    const roles = await page.locator('section[aria-labelledby="roles-title"] li').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual([t.roles.ADMIN]);
    await expect(page.getByText(adminEmail, { exact: true }).count()).resolves.toBe(1);

    // The public site exists and publishes nothing yet; the platform now lists it.
    const visitor = await otherBrowser();
    expect((await open(visitor.page, homeUrl(slug, locale)))?.status()).toBe(200);
    expect((await visitor.page.locator("main").innerText()).trim()).toBe(t.policy.noPublished);
    await expect(visitor.page.locator("header").innerText()).resolves.toContain(name);
    await open(visitor.page, homeUrl(null, locale));
    await expect(visitor.page.getByRole("heading", { name, exact: true }).count()).resolves.toBe(1);
  });
});

describe("operator console", () => {
  test("the operator lists the associations, creates one, suspends and reactivates it", async () => {
    const t = ar;
    const slug = `e2e-op-${RUN}`;
    const nameAr = `جمعية المشغل ${RUN}`;
    const nameEn = `Operator Test Association ${RUN}`;

    await signIn(page, null, "ar", OPERATOR);
    expect(await h1Text(page)).toBe(t.console.title);
    for (const name of [QADER_AR, ALHILAH_AR]) {
      await expect(page.getByTestId("association").filter({ hasText: name }).count()).resolves.toBe(1);
    }

    const create = page.locator('section[aria-labelledby="create"]');
    await create.getByLabel(t.register.nameAr, { exact: true }).fill(nameAr);
    await create.getByLabel(t.register.nameEn, { exact: true }).fill(nameEn);
    await create.getByLabel(t.register.registrationNumber, { exact: true }).fill("٧٧٧");
    await create.getByLabel(t.register.supervisingBodyAr, { exact: true }).fill("وزارة الموارد البشرية");
    await create.getByLabel(t.register.adminEmail, { exact: true }).fill(email("op-admin"));
    await create.getByLabel(t.register.slug, { exact: true }).fill(slug);
    created.push(slug);
    await create.getByRole("button", { name: t.console.create, exact: true }).click();
    await formStatus(create).waitFor();
    expect((await formStatus(create).innerText()).trim()).toBe(t.console.created);

    const item = page.getByTestId("association").filter({ hasText: nameAr });
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain(t.console.statuses.ACTIVE);
    await expect(item.getByRole("link", { name: slug, exact: true }).getAttribute("href")).resolves.toBe(homeUrl(slug, "ar"));

    // Its admin's invitation waits in the platform's outbox.
    await open(page, siteUrl(null, "/console/outbox"));
    await expect(page.getByTestId("outbox-message").filter({ hasText: email("op-admin") }).innerText()).resolves.toContain(slug);

    // Suspend.
    await open(page, siteUrl(null, "/console"));
    await item.getByRole("button", { name: t.console.suspend, exact: true }).click();
    await item.getByRole("button", { name: t.console.reactivate, exact: true }).waitFor();
    await expect(item.innerText()).resolves.toContain(t.console.statuses.SUSPENDED);

    const visitor = await otherBrowser();
    for (const locale of LOCALES) {
      await open(visitor.page, homeUrl(slug, locale));
      expect(await h1Text(visitor.page)).toBe(M[locale].suspended.title);
      await expect(visitor.page.getByText(M[locale].suspended.body, { exact: true }).count()).resolves.toBe(1);
      expect(await htmlLangDir(visitor.page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
      await expect(visitor.page.getByRole("link", { name: M[locale].auth.staffSignIn }).count()).resolves.toBe(0);
      await screenshot(visitor.page, `accounts-suspended-${locale}`);
    }
    await open(visitor.page, homeUrl(null, "ar"));
    await expect(visitor.page.getByRole("heading", { name: nameAr, exact: true }).count()).resolves.toBe(0);

    // Reactivate.
    await item.getByRole("button", { name: t.console.reactivate, exact: true }).click();
    await item.getByRole("button", { name: t.console.suspend, exact: true }).waitFor();
    await expect(item.innerText()).resolves.toContain(t.console.statuses.ACTIVE);
    for (const locale of LOCALES) {
      await open(visitor.page, homeUrl(slug, locale));
      expect((await visitor.page.locator("main").innerText()).trim()).toBe(M[locale].policy.noPublished);
      await expect(visitor.page.getByText(M[locale].suspended.title, { exact: true }).count()).resolves.toBe(0);
    }
    await open(visitor.page, homeUrl(null, "ar"));
    await expect(visitor.page.getByRole("heading", { name: nameAr, exact: true }).count()).resolves.toBe(1);
  });

  test("the console is for operators only", async () => {
    await open(page, siteUrl(null, "/console"));
    expect(page.url()).toBe(siteUrl(null, "/sign-in?next=%2Fconsole"));
    await open(page, siteUrl(null, "/en/console"));
    expect(page.url()).toBe(siteUrl(null, "/en/sign-in?next=%2Fen%2Fconsole"));
    expect(await h1Text(page)).toBe(en.auth.signInTitle);
  });
});

describe("forgot password", () => {
  test("a reset link from the outbox sets a new password; the old one stops working", async () => {
    const t = ar;
    const { address, password: oldPassword, admin, member } = await newQaderMember("reset", "OFFICER");
    const newPassword = "Brand-new-pass-77";

    // The same answer for a demo account, for our own account and for an unknown address.
    for (const target of [demo("qader", "officer"), address, email("nobody")]) await requestReset("qader", "ar", target);

    // Qader's admin sees that the message exists, never its link (it would hand over the account).
    await open(admin.page, siteUrl("qader", "/admin/outbox"));
    const resetMessage = admin.page.getByTestId("outbox-message").filter({ hasText: address }).filter({ hasText: t.email.passwordReset.subject });
    await expect(resetMessage.count()).resolves.toBe(1);
    await expect(resetMessage.innerText()).resolves.toContain(t.outbox.private);
    expect(await admin.page.content()).not.toContain("/reset-password/");
    await expect(admin.page.getByTestId("outbox-message").filter({ hasText: email("nobody") }).count()).resolves.toBe(0);

    // The operator reads it on the platform's outbox.
    const operator = await otherBrowser();
    await signIn(operator.page, null, "ar", OPERATOR);
    const link = await outboxLink(operator.page, null, "ar", address, "reset-password");
    expect(link).toMatch(new RegExp(`^${siteUrl("qader", "/reset-password/")}${TOKEN.source}$`));
    await expect(operator.page.getByTestId("outbox-message").filter({ hasText: email("nobody") }).count()).resolves.toBe(0);

    const visitor = await otherBrowser();
    await open(visitor.page, link);
    expect(await h1Text(visitor.page)).toBe(t.auth.resetTitle);
    await visitor.page.getByLabel(t.auth.newPassword, { exact: true }).fill(newPassword);
    await visitor.page.getByLabel(t.auth.confirmPassword, { exact: true }).fill(`${newPassword}x`);
    await visitor.page.getByRole("button", { name: t.auth.resetSubmit, exact: true }).click();
    await visitor.page.getByText(t.validation.passwordsDiffer, { exact: true }).waitFor();
    expect(await fieldError(visitor.page, t.auth.confirmPassword)).toBe(t.validation.passwordsDiffer);

    await visitor.page.getByLabel(t.auth.newPassword, { exact: true }).fill(newPassword);
    await visitor.page.getByLabel(t.auth.confirmPassword, { exact: true }).fill(newPassword);
    await visitor.page.getByRole("button", { name: t.auth.resetSubmit, exact: true }).click();
    await visitor.page.locator("main [role=status]").waitFor();
    expect((await visitor.page.locator("main [role=status]").innerText()).trim()).toBe(t.auth.resetDone);

    // Signed out everywhere: the session from accepting the invitation is gone.
    await open(member.page, siteUrl("qader", "/admin"));
    expect(member.page.url()).toBe(siteUrl("qader", "/sign-in?next=%2Fadmin"));

    // The old password fails, the new one works.
    await open(page, siteUrl("qader", "/sign-in"));
    await submitSignIn(page, "ar", address, oldPassword);
    await formAlert(page).waitFor();
    expect((await formAlert(page).innerText()).trim()).toBe(t.errors.CredentialsSignin);
    await submitSignIn(page, "ar", address, newPassword);
    await page.waitForURL(siteUrl("qader", "/admin"));
    await expect(page.getByText(address, { exact: true }).count()).resolves.toBe(1);

    // The link worked once.
    await open(visitor.page, link);
    expect((await visitor.page.locator("main [role=alert]").innerText()).trim()).toBe(t.errors.RESET_INVALID);
    await expect(visitor.page.locator("form").count()).resolves.toBe(0);
  });

  // Anyone can ask Qader's site for a reset of any address; the link must not land where
  // Qader's admins read it, or they could take over Al-Hilah's admin or the platform operator.
  test("a reset asked on Qader's site for an account outside Qader is not readable by Qader's admins", async () => {
    const outsiders = [demo("alhilah", "admin"), OPERATOR];
    for (const target of outsiders) await requestReset("qader", "ar", target);

    const admin = await qaderAdmin();
    await open(admin.page, siteUrl("qader", "/admin/outbox"));
    expect(await admin.page.content()).not.toContain("/reset-password/");
    const leaked: string[] = [];
    for (const target of outsiders) {
      const messages = admin.page.getByTestId("outbox-message").filter({ hasText: target });
      if ((await messages.count()) > 0) leaked.push(`${target}: ${(await messages.first().innerText()).replace(/\s+/g, " ")}`);
    }
    if (leaked.length > 0) await screenshot(admin.page, "accounts-bug-reset-links-in-qader-outbox");
    expect(leaked).toEqual([]);
  });
});

describe("screenshots and accessibility", () => {
  /** Screenshots of the page at 360 and 1280 px; returns the pages that scroll sideways. */
  async function shoot(target: Page, name: string): Promise<string[]> {
    const overflowing: string[] = [];
    for (const viewport of [MOBILE, DESKTOP]) {
      await target.setViewportSize(viewport);
      await settle(target);
      const { scrollWidth, clientWidth } = await horizontalOverflow(target);
      if (scrollWidth > clientWidth) overflowing.push(`${name}-${viewport.width}: ${scrollWidth} > ${clientWidth}`);
      await screenshot(target, `${name}-${viewport.width}`);
    }
    return overflowing;
  }

  // Every page is shot and checked before the assertions, so one finding does not hide the others.
  test.each(LOCALES)("%s: sign-in, console, members and invitation pages: screenshots, no sideways scroll, no serious axe violations", async (locale) => {
    const t = M[locale];
    const violations: Record<string, string[]> = {};
    const overflow: string[] = [];

    await open(page, siteUrl("qader", at(locale, "/sign-in")));
    // With the error shown, so that the alert is checked too.
    await submitSignIn(page, locale, email(`a11y-${locale}`), "Wrong-password-1");
    await formAlert(page).waitFor();
    overflow.push(...(await shoot(page, `accounts-signin-${locale}`)));
    violations.signIn = await seriousA11yViolations(page);

    const admin = await qaderAdmin(locale);
    for (const [name, pathname] of [["console", "/admin"], ["members", "/admin/members"]] as const) {
      await open(admin.page, siteUrl("qader", at(locale, pathname)));
      overflow.push(...(await shoot(admin.page, `accounts-${name}-${locale}`)));
      violations[name] = await seriousA11yViolations(admin.page);
    }

    const address = email(`shot-${locale}`);
    await invite(admin.page, "qader", locale, address, t.roles.RESEARCHER);
    const link = await outboxLink(admin.page, "qader", locale, address, "invite");
    expect(new URL(link).pathname.startsWith(at(locale, "/invite/"))).toBe(true);
    await open(page, link);
    expect(await h1Text(page)).toBe(fmt(t.invite.title, { association: locale === "ar" ? QADER_AR : QADER_EN }));
    overflow.push(...(await shoot(page, `accounts-invitation-${locale}`)));
    violations.invitation = await seriousA11yViolations(page);

    expect(overflow).toEqual([]);
    expect(violations).toEqual({ signIn: [], console: [], members: [], invitation: [] });
  });

  test.each(LOCALES)("%s: registration form with errors and operator console: screenshots, no sideways scroll, no serious axe violations", async (locale) => {
    const t = M[locale];
    const violations: Record<string, string[]> = {};
    const overflow: string[] = [];

    await page.setViewportSize(MOBILE);
    await open(page, siteUrl(null, at(locale, "/register")));
    await page.getByLabel(t.register.nameAr, { exact: true }).fill("Latin only");
    await page.getByLabel(t.register.registrationNumber, { exact: true }).fill("12a");
    await page.getByLabel(t.register.adminEmail, { exact: true }).fill("nope@");
    await page.getByLabel(t.register.slug, { exact: true }).fill("-bad-");
    await page.getByRole("button", { name: t.register.submit, exact: true }).click();
    await formAlert(page).waitFor();
    expect(await fieldError(page, t.register.nameAr)).toBe(t.validation.arabicRequired);
    expect(await fieldError(page, t.register.nameEn)).toBe(t.validation.required);
    expect(await fieldError(page, t.register.registrationNumber)).toBe(t.validation.digitsOnly);
    expect(await fieldError(page, t.register.supervisingBodyAr)).toBe(t.validation.required);
    expect(await fieldError(page, t.register.adminEmail)).toBe(t.validation.emailInvalid);
    expect(await fieldError(page, t.register.slug)).toBe(t.validation.slugInvalid);
    overflow.push(...(await shoot(page, `accounts-register-${locale}`)));
    violations.register = await seriousA11yViolations(page);

    const operator = await otherBrowser();
    await signIn(operator.page, null, locale, OPERATOR);
    overflow.push(...(await shoot(operator.page, `accounts-operator-console-${locale}`)));
    violations.operatorConsole = await seriousA11yViolations(operator.page);

    expect(overflow).toEqual([]);
    expect(violations).toEqual({ register: [], operatorConsole: [] });
  });
});
