/** @jest-environment node */
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { toHijri } from "@/lib/i18n/dates";
import { DEFAULT_SURVEY } from "@/lib/surveys/defaults";
import { qader } from "../../prisma/seed/qader";
import { DESKTOP, MOBILE, RESULTS_DIR, expectNoOverflow, launchBrowser, newPage, screenshot, seriousA11yViolations, settle, siteUrl } from "./browser";
import { M, OPERATOR, TOKEN, confirmPolicyRead, fmt, open, signIn } from "./journey";

// After service, on Qader in Arabic: the officer records the delivery of the seed's registered
// request, the beneficiary's survey invitation appears in the outbox, and the beneficiary answers
// it on a 360 px phone (an unanswered required question is refused first, in Arabic; the link
// then works only once). The satisfaction dashboard and the evidence pack count the new
// response, and the evidence pack prints in both languages.

const SITE = "qader";
const t = M.ar;
const url = (pathname: string) => siteUrl(SITE, pathname);
/** The seed's request waiting for delivery (lib/db/seed-requests.ts: the 7th demo request of the
 * first seed association, mobile 0559 + 000006). */
const APPLICANT = "هند ناصر السبيعي";
const APPLICANT_MOBILE = "+966559000006";

let browser: Browser;
const contexts: BrowserContext[] = [];
let surveyLink = "";
/** The figures before the new response. */
let before: { responses: number; invitations: number; evidenceResponses: number } | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

async function page(viewport: { width: number; height: number } = MOBILE): Promise<Page> {
  const opened = await newPage(browser, viewport);
  contexts.push(opened.context);
  opened.context.setDefaultTimeout(15_000);
  return opened.page;
}

const numberIn = (text: string) => Number(text.replace(/[^\d]/g, ""));

/** The dashboard's response count and invitations sent, as the admin sees them. */
async function dashboardFigures(admin: Page) {
  await open(admin, url("/admin/surveys"));
  const responses = numberIn(await admin.getByTestId("survey-figure-responses").locator("dd").first().innerText());
  const rate = await admin.getByTestId("survey-figure-rate").locator("dd").nth(1).innerText();
  // "{responded} of {invited} invitations answered": the second number.
  const invitations = Number(rate.match(/\d+/g)?.[1]);
  return { responses, invitations, rate };
}

/** The evidence pack's satisfaction section: the responses figure. */
async function evidenceResponses(admin: Page): Promise<number> {
  await open(admin, url("/admin/evidence"));
  const section = admin.getByTestId("evidence-satisfaction");
  const figure = section.locator("dl > div").filter({ has: admin.getByText(t.evidence.satisfaction.responses, { exact: true }) });
  return numberIn(await figure.locator("dd").first().innerText());
}

describe("ar: after service, the beneficiary's satisfaction survey reaches the dashboard and the evidence pack", () => {
  test("the officer records the delivery: the survey invitation goes to the beneficiary's mobile", async () => {
    const admin = await page(DESKTOP);
    await signIn(admin, SITE, "ar", `admin@${SITE}.demo`);
    const dashboard = await dashboardFigures(admin);
    before = { responses: dashboard.responses, invitations: dashboard.invitations, evidenceResponses: await evidenceResponses(admin) };
    expect(before.responses).toBeGreaterThanOrEqual(20); // the seed's walk-in answers
    expect(before.evidenceResponses).toBe(before.responses);

    const officer = await page();
    await signIn(officer, SITE, "ar", `officer@${SITE}.demo`);
    await open(officer, url("/admin/requests"));
    await confirmPolicyRead(officer, SITE);
    await open(officer, url(`/admin/requests?status=REGISTERED`));
    const card = officer.getByTestId("request-cards").locator("li").filter({ hasText: APPLICANT });
    await expect(card.count()).resolves.toBe(1);
    await card.getByRole("link").first().click();
    await officer.waitForURL(/\/admin\/requests\/\d{4}-\d{5}$/);
    await settle(officer);
    const deliver = officer.getByRole("form", { name: t.requests.forms.deliver, exact: true });
    await deliver.getByRole("button", { name: t.requests.forms.deliver, exact: true }).click();
    await deliver.waitFor({ state: "detached" });
    await expect(officer.locator("main h1 + span").innerText()).resolves.toBe(t.requests.status.DELIVERED);

    // The SMS waits in the outbox; the platform operator reads it there.
    const operator = await page(DESKTOP);
    await signIn(operator, null, "ar", OPERATOR);
    await open(operator, siteUrl(null, "/console/outbox"));
    const intro = fmt(t.sms.surveyInvitation, { association: qader.name.ar, link: "\u0000" }).split("\u0000")[0];
    const sms = operator.getByTestId("outbox-message").filter({ hasText: APPLICANT_MOBILE }).filter({ hasText: intro }).first();
    const body = await sms.locator("pre").innerText();
    surveyLink = body.match(new RegExp(`https?://qader\\.\\S+/survey/${TOKEN.source}`))?.[0] ?? "";
    expect(surveyLink).not.toBe("");

    // The association's admin sees that an invitation went out, not the link (they could answer it).
    await open(admin, url("/admin/outbox"));
    const toApplicant = admin.getByTestId("outbox-message").filter({ hasText: APPLICANT_MOBILE });
    for (const message of await toApplicant.allInnerTexts()) expect(message).not.toContain(surveyLink);
  });

  test("the beneficiary answers on a 360 px phone: a required question left out is named in Arabic, then the answers are received once", async () => {
    expect(surveyLink).not.toBe("");
    const phone = await page();
    await open(phone, surveyLink);
    await expect(phone.locator("main h1").innerText()).resolves.toBe(DEFAULT_SURVEY.title.ar);
    await expect(phone.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expect(phone.getByText(t.surveys.respond.anonymousInvitation, { exact: true }).count()).resolves.toBe(1);
    await expect(seriousA11yViolations(phone)).resolves.toEqual([]);
    await expectNoOverflow(phone, "the survey");
    await screenshot(phone, "survey-ar-form");

    const form = phone.getByRole("form", { name: t.surveys.respond.pageTitle, exact: true });
    const question = (label: string) => form.getByRole("group", { name: label });
    const [ease, speed, respect, clarity, overall, recommend] = DEFAULT_SURVEY.questions.map((q) => q.label.ar);
    // The radios are drawn as stars, faces and boxes: a tap lands on the drawing, inside the radio's label.
    const tap = async (radio: Locator) => {
      await radio.locator("xpath=..").click();
      await expect(radio.isChecked()).resolves.toBe(true);
    };
    const rate = (label: string, value: number) =>
      tap(question(label).getByRole("radio", { name: fmt(t.surveys.respond.ratingOption, { value, meaning: t.surveys.respond.scale[String(value) as "1"] }), exact: true }));
    await rate(ease, 5);
    await rate(speed, 4);
    await rate(respect, 5);
    // The clarity question is left out: refused, named in the summary, with its own message.
    await rate(overall, 5);
    await tap(question(recommend).getByRole("radio", { name: fmt(t.surveys.respond.npsEnd, { value: 10, meaning: t.surveys.respond.npsHigh }), exact: true }));
    await form.getByRole("button", { name: t.surveys.respond.submit, exact: true }).click();
    const summary = form.getByRole("alert");
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain(t.surveys.respond.errorSummary);
    await expect(summary.getByRole("link").allInnerTexts()).resolves.toEqual([clarity]);
    await expect(question(clarity).innerText()).resolves.toContain(t.validation.answerRequired);
    // Nothing typed is lost.
    await expect(question(ease).getByRole("radio", { checked: true }).count()).resolves.toBe(1);
    await expectNoOverflow(phone, "the refused survey");
    await screenshot(phone, "survey-ar-refused");

    // The scale is operated from the keyboard: the clarity question gets a 4.
    await question(clarity).getByRole("radio").first().focus();
    for (let i = 0; i < 3; i++) await phone.keyboard.press("ArrowDown");
    await expect(question(clarity).getByRole("radio", { checked: true }).getAttribute("value")).resolves.toBe("4");
    await form.getByRole("button", { name: t.surveys.respond.submit, exact: true }).click();
    await phone.getByRole("heading", { name: t.surveys.respond.thanks, exact: true }).waitFor();
    await screenshot(phone, "survey-ar-thanks");

    // The link served its one response.
    await open(phone, surveyLink);
    await expect(phone.locator("main h1").innerText()).resolves.toBe(t.surveys.respond.closedTitle.SURVEY_LINK_USED);
    await expect(phone.locator("main [role=alert]").innerText()).resolves.toBe(t.errors.SURVEY_LINK_USED);
  });

  test("the dashboard and the evidence pack count the new response, and the pack prints in Arabic and English", async () => {
    expect(before).not.toBeNull();
    const admin = await page(DESKTOP);
    await signIn(admin, SITE, "ar", `admin@${SITE}.demo`);
    const after = await dashboardFigures(admin);
    expect(after.responses).toBe(before!.responses + 1);
    expect(after.invitations).toBe(before!.invitations + 1);
    await expect(admin.getByTestId("survey-question-q-clarity").innerText()).resolves.toContain(DEFAULT_SURVEY.questions[3].label.ar);
    await screenshot(admin, "survey-ar-dashboard");
    await expect(evidenceResponses(admin)).resolves.toBe(before!.evidenceResponses + 1);
    await expect(admin.getByTestId("evidence-year").innerText()).resolves.toContain(String(toHijri(new Date()).year));
    await screenshot(admin, "evidence-ar-screen");

    for (const locale of ["ar", "en"] as const) {
      await open(admin, url(`${locale === "en" ? "/en" : ""}/admin/evidence/print`));
      await admin.emulateMedia({ media: "print" });
      const print = admin.getByTestId("evidence-print");
      await expect(print.innerText()).resolves.toContain(M[locale].evidence.sections.satisfaction);
      await expect(admin.locator("html").getAttribute("dir")).resolves.toBe(locale === "ar" ? "rtl" : "ltr");
      // The console's navigation stays off paper.
      await expect(admin.getByRole("navigation", { name: M[locale].admin.navLabel }).isVisible()).resolves.toBe(false);
      await screenshot(admin, `evidence-${locale}-print`);
      const pdf = await admin.pdf({ path: path.join(RESULTS_DIR, `evidence-${locale}.pdf`), format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await admin.emulateMedia({ media: "screen" });
    }
  });
});
