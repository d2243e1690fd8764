/** @jest-environment node */
import { randomInt } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { formatDualDate, toHijri } from "@/lib/i18n/dates";
import { saudiHolidays } from "@/lib/requests/defaults";
import { computeDueAt } from "@/lib/requests/due-date";
import { withCheckDigit } from "@/lib/requests/identity";
import { alhilah } from "../../prisma/seed/alhilah";
import { MOBILE, expectNoOverflow, launchBrowser, newPage, screenshot, seriousA11yViolations, settle, siteUrl } from "./browser";
import { M, OPERATOR, confirmPolicyRead, fmt, open, signIn } from "./journey";

// A support request's life on Al-Hilah, in Arabic on a 360 px phone: a beneficiary applies on
// /request (a bad ID check digit is refused with the field's own message and the typed values
// kept; the mobile is typed in Arabic-Indic digits), the officer confirms reading the policy,
// finds the request by its reference, ticks the first checklist steps and refers it to the
// researcher, who adds a note and a field-visit report and sends it to the committee, whose
// member accepts it with a reason; the beneficiary follows it on /track with the code sent by
// SMS (read from the platform's outbox by the operator) and sees the decision and no staff
// names. The seed's 45-day-old request shows as overdue in the list and in the report.

const SITE = "alhilah";
const t = M.ar;
const url = (pathname: string) => siteUrl(SITE, pathname);
const demo = (role: string) => `${role}@${SITE}.demo`;
/** Demo staff names (lib/db/seed.ts DEMO_ROLE_NAMES). */
const STAFF = {
  officer: "مسؤول علاقات المستفيدين (تجريبي)",
  researcher: "الباحث الاجتماعي (تجريبي)",
  committee: "عضو لجنة البحث (تجريبي)",
} as const;
/** The seed's overdue request (lib/db/seed-requests.ts: IN_RESEARCH, 45 days old). */
const OVERDUE_APPLICANT = "فهد سالم العطوي";

/** A national ID (first digit 1) with its Luhn check digit, unique per run. */
function nationalId(): { valid: string; badCheckDigit: string } {
  const valid = withCheckDigit(`1${String(randomInt(0, 100_000_000)).padStart(8, "0")}`);
  return { valid, badCheckDigit: `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}` };
}

const arabicDigits = (latin: string) => latin.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

const ID = nationalId();
/** 055 and seven random digits: unique per run, so the per-phone intake limit never bites. */
const MOBILE_LATIN = `055${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
const MOBILE_E164 = `+966${MOBILE_LATIN.slice(1)}`;
const APPLICANT = {
  name: "ريم عبدالعزيز الحويطي",
  city: "الحلاه",
  household: "٤",
  description: "أسرة من أربعة أفراد، دخلها الشهري لا يكفي الإيجار والمصاريف الأساسية، وتحتاج إلى دعم عاجل.",
};
const REASON = "استوفت الأسرة شروط الاستحقاق في لائحة الدعم بعد الزيارة الميدانية.";
const NOTE = "تواصلت مع المستفيدة هاتفيًا وحددت موعد الزيارة الميدانية.";
const VISIT = "زرت الأسرة في منزلها، والبيانات المقدمة مطابقة للواقع.";

let browser: Browser;
const contexts: BrowserContext[] = [];
/** Set by the intake test, read by the others. */
let reference = "";
let submittedBetween: [Date, Date] | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

async function phone(): Promise<Page> {
  const opened = await newPage(browser, MOBILE);
  contexts.push(opened.context);
  opened.context.setDefaultTimeout(15_000);
  return opened.page;
}

/** The error shown under a field, found through the field's aria-describedby. */
async function fieldError(input: Locator, page: Page): Promise<string> {
  await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  const errorId = (await input.getAttribute("aria-describedby"))?.split(" ").find((id) => id.endsWith("-error"));
  if (!errorId) throw new Error("the field has no error in its aria-describedby");
  return (await page.locator(`[id="${errorId}"]`).innerText()).trim();
}

/** Signs a staff member in and confirms reading the published policy, through the link in the
 * requests list's notice. */
async function staffWhoAttests(role: "officer" | "researcher" | "committee"): Promise<Page> {
  const page = await phone();
  await signIn(page, SITE, "ar", demo(role));
  await open(page, url("/admin/requests"));
  const notice = page.getByTestId("attest-needed");
  await expect(notice.innerText()).resolves.toContain(t.requests.attestLink);
  await screenshot(page, `intake-${role}-attest-needed`);
  await confirmPolicyRead(page, SITE);
  await open(page, url("/admin/requests"));
  await expect(page.getByTestId("attest-needed").count()).resolves.toBe(0);
  return page;
}

const statusHeading = (page: Page) => page.locator("main h1 + span");
const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

async function openRequest(page: Page) {
  await open(page, url(`/admin/requests/${reference}`));
  await expect(page.locator("main h1").innerText()).resolves.toBe(reference);
}

describe("ar, 360 px: a support request on Al-Hilah from intake to tracking", () => {
  test("a beneficiary applies: the policy's channels, a refused check digit with the values kept, then a reference and the due date in both calendars", async () => {
    const page = await phone();
    await open(page, url("/request"));
    await expect(page.locator("main h1").innerText()).resolves.toBe(t.intake.title);
    const form = page.getByRole("form", { name: t.intake.title, exact: true });
    const field = (label: string) => form.getByLabel(label, { exact: true });

    // The channel select offers exactly the published policy's channels.
    const options = await field(t.intake.fields.channelKey).locator("option").allInnerTexts();
    expect(options.map((o) => o.trim())).toEqual([t.intake.fields.choose, ...alhilah.policy.channels.map((c) => c.label.ar)]);

    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await expectNoOverflow(page, "/request");
    await screenshot(page, "intake-request-form");

    await field(t.intake.fields.applicantName).fill(APPLICANT.name);
    await field(t.intake.fields.idType).selectOption("NATIONAL_ID");
    await field(t.intake.fields.idNumber).fill(ID.badCheckDigit);
    await field(t.intake.fields.phone).fill(arabicDigits(MOBILE_LATIN));
    await field(t.intake.fields.city).fill(APPLICANT.city);
    await field(t.intake.fields.householdSize).fill(APPLICANT.household);
    const supportTypes = field(t.intake.fields.supportTypeKey);
    const firstSupportType = (await supportTypes.locator("option").nth(1).getAttribute("value"))!;
    await supportTypes.selectOption(firstSupportType);
    await field(t.intake.fields.description).fill(APPLICANT.description);
    await field(t.intake.fields.channelKey).selectOption("WEBSITE");
    await expect(form.getByLabel(t.intake.healthConsent, { exact: true }).count()).resolves.toBe(0); // Al-Hilah's service is not health-related
    await form.getByLabel(t.intake.privacyConsent, { exact: true }).check();
    await form.getByLabel(t.intake.accuracyDeclaration, { exact: true }).check();
    await form.getByRole("button", { name: t.intake.submit, exact: true }).click();

    // Refused: the ID's own message next to it, the form's alert, and nothing typed is lost.
    await form.locator("[role=alert]").waitFor();
    await expect(form.locator("[role=alert]").innerText()).resolves.toBe(t.errors.INVALID_INPUT);
    await expect(fieldError(field(t.intake.fields.idNumber), page)).resolves.toBe(t.validation.idNumberInvalid);
    await expect(form.locator("[aria-invalid=true]").count()).resolves.toBe(1);
    await expect(field(t.intake.fields.applicantName).inputValue()).resolves.toBe(APPLICANT.name);
    await expect(field(t.intake.fields.idNumber).inputValue()).resolves.toBe(ID.badCheckDigit);
    await expect(field(t.intake.fields.phone).inputValue()).resolves.toBe(arabicDigits(MOBILE_LATIN));
    await expect(field(t.intake.fields.city).inputValue()).resolves.toBe(APPLICANT.city);
    await expect(field(t.intake.fields.householdSize).inputValue()).resolves.toBe(APPLICANT.household);
    await expect(field(t.intake.fields.supportTypeKey).inputValue()).resolves.toBe(firstSupportType);
    await expect(field(t.intake.fields.description).inputValue()).resolves.toBe(APPLICANT.description);
    await expect(field(t.intake.fields.channelKey).inputValue()).resolves.toBe("WEBSITE");
    await expect(form.getByLabel(t.intake.privacyConsent, { exact: true }).isChecked()).resolves.toBe(true);
    await expect(form.getByLabel(t.intake.accuracyDeclaration, { exact: true }).isChecked()).resolves.toBe(true);
    await expectNoOverflow(page, "/request with an error");
    await screenshot(page, "intake-request-invalid-id");

    // The valid number, typed in Arabic-Indic digits like the mobile.
    await field(t.intake.fields.idNumber).fill(arabicDigits(ID.valid));
    const before = new Date();
    await form.getByRole("button", { name: t.intake.submit, exact: true }).click();
    const result = page.locator('section[aria-labelledby="intake-result"]');
    await result.waitFor();
    submittedBetween = [before, new Date()];
    await expect(result.locator("h2").innerText()).resolves.toBe(t.intake.done.title);
    reference = (await result.getByTestId("reference").innerText()).trim();
    expect(reference).toMatch(new RegExp(`^${toHijri(before).year}-\\d{5}$`));
    expect(reference).toMatch(/^1448-\d{5}$/);

    // Due date: submission + Al-Hilah's deadline (2 calendar weeks, moved past a holiday),
    // shown in both calendars; either side of the click, should the run straddle midnight.
    const year = toHijri(before).year;
    const holidays = new Set([...saudiHolidays(year - 1), ...saudiHolidays(year), ...saudiHolidays(year + 1)].map((h) => h.date));
    const expected = [...new Set(submittedBetween.map((at) => fmt(t.intake.done.due, { date: formatDualDate(computeDueAt(at, alhilah.policy.responseDeadline, holidays), "ar") })))];
    const shown = await result.innerText();
    expect(expected.filter((line) => shown.includes(line))).toHaveLength(1);
    await expect(result.getByRole("link", { name: t.intake.done.track, exact: true }).getAttribute("href")).resolves.toBe("/track");
    await expectNoOverflow(page, "/request confirmation");
    await screenshot(page, "intake-request-confirmation");
  });

  test("the officer confirms reading the policy, finds the request by its reference, ticks the first steps and refers it to the researcher", async () => {
    expect(reference).not.toBe("");
    const page = await staffWhoAttests("officer");

    const search = page.getByRole("search", { name: t.requests.filters.title });
    await search.getByRole("searchbox").fill(reference);
    await search.getByRole("button", { name: t.requests.filters.apply, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("q") === reference);
    await settle(page);
    const cards = page.getByTestId("request-cards").locator("li");
    await expect(cards.count()).resolves.toBe(1);
    await expect(cards.first().innerText()).resolves.toContain(APPLICANT.name);
    await expect(cards.first().innerText()).resolves.toContain(t.requests.status.RECEIVED);
    await expectNoOverflow(page, "/admin/requests");
    await screenshot(page, "intake-officer-list");

    await cards.first().getByRole("link", { name: reference, exact: true }).click();
    await page.waitForURL(url(`/admin/requests/${reference}`));
    await settle(page);
    await expect(statusHeading(page).innerText()).resolves.toBe(t.requests.status.RECEIVED);
    const applicant = await section(page, "applicant-title").innerText();
    expect(applicant).toContain(APPLICANT.name);
    expect(applicant).toContain(ID.valid); // stored in Latin digits

    // The first two steps of the policy's procedure: each shows who ticked it.
    const steps = page.getByTestId("checklist-step");
    const procedure = alhilah.policy.procedure.steps;
    await expect(steps.count()).resolves.toBe(procedure.length);
    const doneBy = fmt(t.requests.checklist.doneBy, { name: STAFF.officer, at: "" }).trim();
    for (const i of [0, 1]) {
      await steps.nth(i).getByRole("checkbox").click();
      await steps.nth(i).getByText(doneBy).waitFor();
      await settle(page);
    }
    await expect(steps.nth(2).getByText(doneBy).count()).resolves.toBe(0);
    const ticked = async () => Promise.all([0, 1, 2].map((i) => steps.nth(i).getByRole("checkbox").isChecked()));
    const tickedAfterClicks = await ticked();
    const numbering = (await steps.locator("label").allInnerTexts()).map((text) => text.trim());

    const refer = page.getByRole("form", { name: t.requests.forms.refer, exact: true });
    await refer.getByLabel(t.requests.forms.researcher, { exact: true }).selectOption({ label: STAFF.researcher });
    await refer.getByRole("button", { name: t.requests.forms.referSubmit, exact: true }).click();
    await refer.waitFor({ state: "detached" });
    await expect(statusHeading(page).innerText()).resolves.toBe(t.requests.status.IN_RESEARCH);
    await expect(section(page, "applicant-title").innerText()).resolves.toContain(STAFF.researcher);
    await expectNoOverflow(page, "the request page");
    await screenshot(page, "intake-officer-request");

    // Checked last, so that the journey goes on when they fail. The boxes of the ticked steps
    // show ticked (without a reload), and the steps are numbered from 1 like the policy's.
    expect(tickedAfterClicks).toEqual([true, true, false]);
    expect(numbering).toEqual(procedure.map((step, i) => `${i + 1}. ${step.text.ar}`));
  });

  test("the researcher adds a note and a field-visit report and sends the request to the committee", async () => {
    const page = await staffWhoAttests("researcher");
    await openRequest(page);
    const research = section(page, "research-title");
    const noteForm = page.getByRole("form", { name: t.requests.forms.note, exact: true });

    await noteForm.getByRole("radio", { name: t.requests.forms.kindNOTE, exact: true }).check();
    await noteForm.getByLabel(t.requests.forms.text, { exact: true }).fill(NOTE);
    await noteForm.getByRole("button", { name: t.requests.forms.noteSubmit, exact: true }).click();
    await research.getByText(NOTE, { exact: true }).waitFor();

    await noteForm.getByRole("radio", { name: t.requests.forms.kindFIELD_VISIT, exact: true }).check();
    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10); // Riyadh
    await noteForm.getByLabel(t.requests.forms.visitedOn, { exact: true }).fill(today);
    await noteForm.getByLabel(t.requests.forms.text, { exact: true }).fill(VISIT);
    await noteForm.getByRole("button", { name: t.requests.forms.noteSubmit, exact: true }).click();
    await research.getByText(VISIT, { exact: true }).waitFor();
    await expect(research.innerText()).resolves.toContain(t.requests.events.FIELD_VISIT);
    await expect(research.innerText()).resolves.toContain(fmt(t.requests.detail.visitedOn, { date: formatDualDate(new Date(`${today}T12:00:00+03:00`), "ar") }));
    await screenshot(page, "intake-researcher-notes");

    const send = page.getByRole("form", { name: t.requests.forms.sendToCommittee, exact: true });
    await send.getByRole("button", { name: t.requests.forms.sendToCommittee, exact: true }).click();
    await send.waitFor({ state: "detached" });
    await expect(statusHeading(page).innerText()).resolves.toBe(t.requests.status.IN_COMMITTEE);
  });

  test("the committee member accepts with a reason: the request shows who decided and when, and the timeline lists every step", async () => {
    const page = await staffWhoAttests("committee");
    await openRequest(page);
    const vote = page.getByRole("form", { name: t.requests.forms.vote, exact: true });
    await vote.getByRole("radio", { name: t.requests.choice.ACCEPT, exact: true }).check();
    await vote.getByLabel(t.requests.forms.reason, { exact: true }).fill(REASON);
    const votedAt = new Date();
    await vote.getByRole("button", { name: t.requests.forms.voteSubmit, exact: true }).click();
    await vote.waitFor({ state: "detached" });
    await expect(statusHeading(page).innerText()).resolves.toBe(t.requests.status.ACCEPTED);

    const decision = await section(page, "decision-title").innerText();
    expect(decision).toContain(t.requests.choice.ACCEPT);
    expect(decision).toContain(REASON);
    expect(decision).toContain(formatDualDate(votedAt, "ar"));
    expect(decision).toContain(`${STAFF.committee}: ${t.requests.choice.ACCEPT}`);
    await expect(section(page, "deadline-title").getByTestId("deadline").getAttribute("data-state")).resolves.toBe("MET");

    const all = await section(page, "timeline-title").innerText();
    for (const who of Object.values(STAFF)) expect(all).toContain(fmt(t.requests.timeline.by, { name: who }));
    await expectNoOverflow(page, "the decided request");
    await screenshot(page, "intake-committee-decided");

    const items = (await section(page, "timeline-title").locator("li").allInnerTexts()).map((text) => text.split("\n")[0].trim());
    const choice = t.requests.choice.ACCEPT;
    expect(items).toEqual([
      t.requests.events.SUBMITTED,
      fmt(t.requests.events.STEP_DONE, { position: 1 }),
      fmt(t.requests.events.STEP_DONE, { position: 2 }),
      fmt(t.requests.events.REFERRED_TO_RESEARCH, { name: STAFF.researcher }),
      t.requests.events.RESEARCH_NOTE,
      t.requests.events.FIELD_VISIT,
      t.requests.events.SENT_TO_COMMITTEE,
      fmt(t.requests.events.COMMITTEE_VOTE, { choice }),
      fmt(t.requests.events.DECIDED, { choice }),
    ]);
  });

  test("the beneficiary follows the request with the SMS code and sees the decision, its reason and the due date, and no staff names", async () => {
    const page = await phone();
    await open(page, url("/track"));
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await expectNoOverflow(page, "/track");
    await screenshot(page, "intake-track-form");

    const step1 = page.getByRole("form", { name: t.track.step1Title, exact: true });
    await step1.getByLabel(t.track.reference, { exact: true }).fill(arabicDigits(reference));
    await step1.getByLabel(t.track.mobile, { exact: true }).fill(arabicDigits(MOBILE_LATIN));
    await step1.getByRole("button", { name: t.track.sendCode, exact: true }).click();
    await page.getByText(t.track.codeSentIfMatch, { exact: true }).waitFor();
    const step2 = page.getByRole("form", { name: t.track.step2Title, exact: true });
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await expectNoOverflow(page, "/track, code step");
    await screenshot(page, "intake-track-code");

    // The code reached the mobile through the outbox: the platform operator reads it there.
    const operator = await phone();
    await signIn(operator, null, "ar", OPERATOR);
    await open(operator, siteUrl(null, "/console/outbox"));
    // In Arabic the reference and the code travel as left-to-right isolates (U+2066 … U+2069).
    const ltr = (value: string) => `\u2066${value}\u2069`;
    const codeLine = fmt(t.sms.trackingCode, { association: alhilah.name.ar, reference: ltr(reference), code: "\u0000" }).split("\u0000")[0];
    const sms = operator.getByTestId("outbox-message").filter({ hasText: MOBILE_E164 }).filter({ hasText: codeLine }).first();
    const body = await sms.locator("pre").innerText();
    const code = body.match(new RegExp(`${reference}\\D+(\\d{6})`))?.[1];
    if (!code) throw new Error(`no tracking code in:\n${body}`);
    expect(body).toBe(fmt(t.sms.trackingCode, { association: alhilah.name.ar, reference: ltr(reference), code: ltr(code) }));

    // The association's admin sees that a code went out, not the code.
    const admin = await phone();
    await signIn(admin, SITE, "ar", demo("admin"));
    await open(admin, url("/admin/outbox"));
    const toApplicant = admin.getByTestId("outbox-message").filter({ hasText: MOBILE_E164 });
    await expect(toApplicant.filter({ hasText: t.outbox.private }).count()).resolves.toBe(1);
    for (const message of await toApplicant.allInnerTexts()) expect(message).not.toContain(code);

    await step2.getByLabel(t.track.code, { exact: true }).fill(code);
    await step2.getByRole("button", { name: t.track.verify, exact: true }).click();
    await page.waitForURL(url("/track/status"));
    await settle(page);
    const view = page.getByTestId("track-view");
    const text = await view.innerText();
    expect(text).toContain(reference);
    expect(text).toContain(t.track.step.decision.ACCEPTED);
    expect(text).toContain(fmt(t.track.step.reason, { reason: REASON }));
    expect(text).toContain(t.track.deadline.MET);
    const year = toHijri(submittedBetween![0]).year;
    const holidays = new Set([...saudiHolidays(year - 1), ...saudiHolidays(year), ...saudiHolidays(year + 1)].map((h) => h.date));
    const dueTexts = submittedBetween!.map((at) => formatDualDate(computeDueAt(at, alhilah.policy.responseDeadline, holidays), "ar"));
    expect(dueTexts.some((d) => text.includes(d))).toBe(true);

    const whole = await page.locator("body").innerText();
    for (const who of Object.values(STAFF)) expect(whole).not.toContain(who);
    expect(whole).not.toContain(NOTE);
    expect(whole).not.toContain(VISIT);
    expect(whole).not.toContain(ID.valid);
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await expectNoOverflow(page, "/track/status");
    await screenshot(page, "intake-track-status");
  });

  test("a request past its due date shows as overdue in the list and in the report", async () => {
    const page = await phone();
    await signIn(page, SITE, "ar", demo("officer"));
    await open(page, url("/admin/requests"));
    const search = page.getByRole("search", { name: t.requests.filters.title });
    await search.getByLabel(t.requests.filters.overdue, { exact: true }).check();
    await search.getByRole("button", { name: t.requests.filters.apply, exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("overdue") === "1");
    await settle(page);
    const cards = page.getByTestId("request-cards").locator("li");
    expect(await cards.count()).toBeGreaterThanOrEqual(1);
    for (const state of await cards.getByTestId("deadline").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))) expect(state).toBe("OVERDUE");
    const overdue = cards.filter({ hasText: OVERDUE_APPLICANT });
    await expect(overdue.count()).resolves.toBe(1);
    await expect(overdue.getByTestId("deadline").innerText()).resolves.toContain(t.requests.deadline.OVERDUE);
    await expect(overdue.innerText()).resolves.toContain(t.requests.status.IN_RESEARCH);
    await expect(cards.filter({ hasText: APPLICANT.name }).count()).resolves.toBe(0);
    await expectNoOverflow(page, "/admin/requests?overdue=1");
    await screenshot(page, "intake-overdue-list");

    await open(page, url("/admin/reports"));
    const figure = page.getByTestId("figure-overdue");
    await expect(figure.locator("dt").innerText()).resolves.toBe(t.reports.overdueNow);
    const value = Number((await figure.locator("dd").first().innerText()).trim());
    expect(value).toBeGreaterThanOrEqual(1);
    await expectNoOverflow(page, "/admin/reports");
    await screenshot(page, "intake-reports");
  });
});
