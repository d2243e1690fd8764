/** @jest-environment node */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import {
  DESKTOP,
  MOBILE,
  RESULTS_DIR,
  homeUrl,
  horizontalOverflow,
  htmlLangDir,
  launchBrowser,
  newPage,
  screenshot,
  seriousA11yViolations,
  settle,
  siteUrl,
  type Locale,
} from "./browser";
import { LOCALES, M, OPERATOR, SESSION_COOKIE, STRONG_PASSWORD, at, fmt, open, outboxLink, signIn, suspendAssociations } from "./journey";

// The board approval of a policy change, end to end in a real browser, once in Arabic and once
// in English: on a new association (the seed associations' published policies are checked by
// other test files and must not change), the admin changes the research committee's response
// time to three weeks and adds a channel, two board members approve, the chair records
// session 9 with a Hijri date, the admin publishes, and the public page, the version history,
// the verify page and the printed document show the new version. Bad input on the way is
// refused with a localized message and changes nothing.
//
// The associations are created by the platform operator (the console), not through /register:
// registrations are limited to 5 an hour per client IP, and every browser test comes from
// 127.0.0.1, so accounts.test.ts's registrations would leave too few for this file.


/** Unique per run, so that names, e-mails and subdomains never collide with an earlier run. */
const RUN = randomBytes(4).toString("hex");
const email = (label: string) => `e2e-policy-${label}-${RUN}@example.org`;

/** The channel the template (Qader's policy) lacks, added in version 2. */
const NEW_CHANNEL = { key: "BRANCH_REPRESENTATIVE", ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" } as const;
/** Version 1's deadline as the Qader template words it, and version 2's. */
const OLD_DEADLINE = { ar: "شهر واحد", en: "1 month" } as const;
const NEW_DEADLINE = { ar: "3 أسابيع", en: "3 weeks" } as const;
const NEW_WORDING = { ar: "خلال ثلاثة أسابيع من اكتمال الطلب", en: "within three weeks of the request being complete" } as const;
/** Session 9 on 1 Jumada al-Ula 1448 (Umm al-Qura) = 12 October 2026, before "today" (24 Nov 2026). */
const SESSION = 9;
const HIJRI = { day: "1", month: "5", year: "1448" } as const;
const APPROVAL_LINE: Record<Locale, RegExp> = {
  ar: /^الجلسة التاسعة — 1448\/5\/1هـ الموافق 12 أكتوبر 2026م$/,
  en: /^9th session — 12 October 2026 \(1 Jumada I 1448 AH\)$/,
};

/** One branch of an ICU plural/select message ("one", "few", "9"…), with # replaced by `n`. */
function branch(message: string, key: string, n?: number): string {
  const start = message.search(new RegExp(`(^|[\\s{])${key} \\{`));
  if (start < 0) throw new Error(`no branch ${key} in ${message}`);
  let i = message.indexOf("{", start);
  const from = i + 1;
  for (let depth = 0; i < message.length; i++) {
    if (message[i] === "{") depth++;
    else if (message[i] === "}" && --depth === 0) break;
  }
  return message.slice(from, i).replace(/#/g, String(n));
}

/** The text of a message up to its first placeholder not given in `values`. */
const prefix = (message: string, values: Record<string, string | number>) =>
  message
    .replace(/<\/?\w+>/g, "")
    .replace(/\{(\w+)\}/g, (_, key: string) => (key in values ? String(values[key]) : "\u0000"))
    .split("\u0000")[0];

const normalize = (text: string) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

let browser: Browser;
/** Every context opened by the tests, closed in afterAll. */
const contexts: BrowserContext[] = [];
/** Subdomains created here, suspended after the tests (the platform's landing page lists active ones). */
const created: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  try {
    if (browser) await suspendAssociations(browser, created);
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
  }
});

async function openBrowser(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const opened = await newPage(browser, viewport);
  contexts.push(opened.context);
  // Each step waits for what it needs; a failure should not wait Playwright's 30 s default.
  opened.context.setDefaultTimeout(10_000);
  // The editor asks before leaving with unsaved changes; the tests reload on purpose.
  opened.page.on("dialog", (dialog) => void (dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss()));
  return opened.page;
}

/** A form's own alert (Next.js's route announcer, outside any form, also has role="alert"). */
const formAlert = (form: Locator) => form.locator("[role=alert]");

/** The localized error shown under a field, found through the input's aria-describedby. */
async function fieldError(input: Locator, page: Page): Promise<string> {
  await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  const errorId = (await input.getAttribute("aria-describedby"))?.split(" ").find((id) => id.endsWith("-error"));
  if (!errorId) throw new Error("the field has no error in its aria-describedby");
  return (await page.locator(`[id="${errorId}"]`).innerText()).trim();
}

/** Opens an invitation link in a new browser, creates the account and lands in the console. */
async function accept(link: string, site: string, locale: Locale, name: string, viewport = DESKTOP): Promise<Page> {
  const t = M[locale];
  const page = await openBrowser(viewport);
  await open(page, link);
  await page.getByLabel(t.invite.name, { exact: true }).fill(name);
  await page.getByLabel(t.auth.password, { exact: true }).fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: t.invite.accept, exact: true }).click();
  await page.waitForURL(siteUrl(site, at(locale, "/admin")));
  return page;
}

/** The admin invites a board member (optionally the chair) and the invitee accepts. */
async function addBoardMember(admin: Page, site: string, locale: Locale, label: string, name: string, chair: boolean): Promise<Page> {
  const t = M[locale];
  const address = email(`${label}-${locale}`);
  await open(admin, siteUrl(site, at(locale, "/admin/members")));
  const form = admin.getByRole("form", { name: t.members.inviteTitle, exact: true });
  await form.getByLabel(t.members.email, { exact: true }).fill(address);
  await form.getByRole("checkbox", { name: t.roles.BOARD, exact: true }).check();
  if (chair) await form.getByRole("checkbox", { name: t.members.chair, exact: true }).check();
  await form.getByRole("button", { name: t.members.invite, exact: true }).click();
  await expect(form.locator("[role=status]").innerText()).resolves.toBe(t.members.invited);
  return accept(await outboxLink(admin, site, locale, address, "invite"), site, locale, name);
}

/** Screenshots of the page at 360 and 1280 px named policy-<name>-<width>; returns where the
 * page scrolls sideways, naming the innermost elements that stick out. */
async function shoot(page: Page, name: string): Promise<string[]> {
  const overflow: string[] = [];
  for (const viewport of [MOBILE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await settle(page);
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    if (scrollWidth > clientWidth) {
      const culprits = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > width + 1 || r.left < -1);
        };
        const all = [...document.body.querySelectorAll("*")].filter(out);
        return all
          .filter((el) => ![...el.children].some(out))
          .slice(0, 3)
          .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className).slice(0, 60)}"` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().width)}px`);
      });
      overflow.push(`${name}-${viewport.width}: ${scrollWidth} > ${clientWidth}: ${culprits.join(" | ")}`);
    }
    await screenshot(page, `policy-${name}-${viewport.width}`);
  }
  return overflow;
}

/** Clicks a one-button form (submit, publish…) and waits for the page it refreshes to. */
async function press(page: Page, label: string, then: Locator) {
  await page.getByRole("button", { name: label, exact: true }).click();
  await then.waitFor();
  await settle(page);
}

describe.each(LOCALES)("%s: a policy change approved by the board", (locale) => {
  const t = M[locale];
  const slug = `e2e-pol-${locale}-${RUN}`;
  const names = {
    ar: `جمعية اختبار الاعتماد ${locale} ${RUN}`,
    en: `Approval Test Association ${locale} ${RUN}`,
  };
  const name = names[locale];
  const people =
    locale === "ar"
      ? { admin: "مدير الاختبار", chair: "رئيس المجلس للاختبار", member: "عضو المجلس الثاني" }
      : { admin: "Test Admin", chair: "Test Chair", member: "Second Board Member" };
  const url = (pathname: string) => siteUrl(slug, at(locale, pathname));
  /** The Arabic title field of the editor (its label also says "(required)"). */
  const titleLabel = new RegExp(`^${fmt(t.editor.fields.title)} — ${t.editor.arabic}`);
  const saveStatus = (page: Page) => page.getByTestId("save-status");
  const waitForSaveState = (page: Page, state: string) => page.locator(`[data-testid=save-status][data-state=${state}]`).waitFor();

  let admin: Page;
  let chair: Page;
  let member: Page;

  /** Both board members approve, then the chair records the decision. */
  async function approveByBoard(session: number, date: { calendar: "HIJRI" | "GREGORIAN"; day: string; month: string; year: string }) {
    for (const voter of [member, chair]) {
      await open(voter, url("/board"));
      const vote = voter.getByRole("form", { name: t.board.voteTitle, exact: true });
      await vote.getByRole("radio", { name: t.board.choice.APPROVE, exact: true }).check();
      await vote.getByRole("button", { name: t.board.castVote, exact: true }).click();
      await voter.getByTestId("already-voted").waitFor();
    }
    await fillDecision(chair, session, date);
    await chair.getByRole("button", { name: t.board.recordDecision, exact: true }).click();
    await chair.getByText(t.board.nothingPending, { exact: true }).waitFor();
  }

  async function fillDecision(page: Page, session: number, date: { calendar: "HIJRI" | "GREGORIAN"; day: string; month: string; year: string }) {
    const form = page.getByRole("form", { name: t.board.decisionTitle, exact: true });
    await form.getByLabel(t.board.sessionNumber, { exact: true }).fill(String(session));
    await form.getByRole("radio", { name: t.board.calendar[date.calendar], exact: true }).check();
    await form.getByLabel(t.board.date.day, { exact: true }).fill(date.day);
    await form.getByLabel(t.board.date.month, { exact: true }).fill(date.month);
    await form.getByLabel(t.board.date.year, { exact: true }).fill(date.year);
    return form;
  }

  // A new association from Qader's template, its admin, a chair and a second board member, and
  // version 1 approved (session 8) and published: version 2 is what the tests below change.
  beforeAll(async () => {
    const operator = await openBrowser();
    await signIn(operator, null, locale, OPERATOR);
    const create = operator.locator('section[aria-labelledby="create"]');
    await create.getByLabel(t.register.nameAr, { exact: true }).fill(names.ar);
    await create.getByLabel(t.register.nameEn, { exact: true }).fill(names.en);
    await create.getByLabel(t.register.registrationNumber, { exact: true }).fill("9876");
    await create.getByLabel(t.register.supervisingBodyAr, { exact: true }).fill("المركز الوطني لتنمية القطاع غير الربحي");
    await create.getByLabel(t.register.adminEmail, { exact: true }).fill(email(`admin-${locale}`));
    await create.getByLabel(t.register.slug, { exact: true }).fill(slug);
    await create.getByRole("radio", { name: t.register.templates.qader, exact: true }).check();
    created.push(slug);
    await create.getByRole("button", { name: t.console.create, exact: true }).click();
    await expect(create.locator("form [role=status]").innerText()).resolves.toBe(t.console.created);

    admin = await accept(await outboxLink(operator, null, locale, email(`admin-${locale}`), "invite"), slug, locale, people.admin);
    chair = await addBoardMember(admin, slug, locale, "chair", people.chair, true);
    member = await addBoardMember(admin, slug, locale, "member", people.member, false);

    // Version 1 (the template, a draft) goes to the board, is approved and published.
    await open(admin, url("/admin/policy"));
    await press(admin, t.policyAdmin.submit, admin.getByText(t.policyAdmin.pendingHint, { exact: true }));
    await approveByBoard(8, { calendar: "GREGORIAN", day: "15", month: "1", year: "2026" });
    await open(admin, url("/admin/policy"));
    await press(admin, t.policyAdmin.publish, admin.getByText(fmt(t.policyAdmin.noDraft), { exact: true }));
    await expect(admin.locator('section[aria-labelledby="current"]').innerText()).resolves.toContain(prefix(t.policyAdmin.publishedVersion, { number: 1 }));
  }, 110_000);

  test("the editor refuses an empty Arabic title and a zero deadline with localized errors, and saves nothing", async () => {
    await open(admin, url("/admin/policy"));
    await admin.getByRole("button", { name: t.policyAdmin.startDraft, exact: true }).click();
    await admin.waitForURL(url("/admin/policy/edit"));
    await admin.getByRole("heading", { level: 1, name: fmt(t.editor.heading, { number: 2 }), exact: true }).waitFor();
    await settle(admin);
    expect(await htmlLangDir(admin)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
    await expect(saveStatus(admin).getAttribute("data-state")).resolves.toBe("saved");

    // An empty Arabic title: marked, counted, and not saved even after the autosave delay.
    const title = admin.getByLabel(titleLabel);
    const templateTitle = await title.inputValue();
    expect(templateTitle.length).toBeGreaterThan(0);
    await title.fill("");
    await waitForSaveState(admin, "invalid");
    expect(await fieldError(title, admin)).toBe(t.validation.required);
    await expect(saveStatus(admin).innerText()).resolves.toBe(branch(t.editor.status.invalid, "one", 1));
    await admin.waitForTimeout(2_000);
    await expect(saveStatus(admin).getAttribute("data-state")).resolves.toBe("invalid");
    await admin.reload();
    await settle(admin);
    await expect(admin.getByLabel(titleLabel).inputValue()).resolves.toBe(templateTitle);
    await expect(saveStatus(admin).getAttribute("data-state")).resolves.toBe("saved");

    // A deadline of 0.
    const amount = admin.getByLabel(t.editor.deadline.amount, { exact: true });
    await expect(amount.inputValue()).resolves.toBe("1");
    await amount.fill("0");
    await waitForSaveState(admin, "invalid");
    expect(await fieldError(amount, admin)).toBe(t.validation.deadlineAmount);
    await admin.waitForTimeout(2_000);
    await expect(saveStatus(admin).getAttribute("data-state")).resolves.toBe("invalid");
    await admin.reload();
    await settle(admin);
    await expect(admin.getByLabel(t.editor.deadline.amount, { exact: true }).inputValue()).resolves.toBe("1");
    await expect(admin.getByLabel(t.editor.deadline.unit, { exact: true }).inputValue()).resolves.toBe("MONTHS");
  });

  test("the admin changes the deadline to three weeks and adds a channel; autosave, live preview, submit", async () => {
    await open(admin, url("/admin/policy/edit"));
    await admin.getByLabel(t.editor.deadline.amount, { exact: true }).fill("3");
    await admin.getByLabel(t.editor.deadline.unit, { exact: true }).selectOption("WEEKS");
    await admin.getByLabel(new RegExp(`^${t.editor.deadline.wording} — ${t.editor.arabic}`)).fill(NEW_WORDING.ar);
    await admin.getByLabel(new RegExp(`^${t.editor.deadline.wording} — ${t.editor.english}`)).fill(NEW_WORDING.en);
    // The select sits inside its label, so its accessible name also holds the option shown.
    await admin.getByRole("combobox", { name: new RegExp(`^${t.editor.addChannel}`) }).selectOption(NEW_CHANNEL.key);
    // Two "Add" buttons (channels, then officer tools).
    await admin.getByRole("button", { name: t.editor.add, exact: true }).first().click();
    const entry8 = admin.getByLabel(new RegExp(`^${fmt(t.editor.entry, { n: 8 })} — ${t.editor.arabic}`));
    await expect(entry8.inputValue()).resolves.toBe(NEW_CHANNEL.ar);
    await expect(admin.getByTestId("deadline-summary").innerText()).resolves.toBe(fmt(t.policy.deadlineMaximum, { duration: NEW_DEADLINE[locale] }));
    await waitForSaveState(admin, "saved");
    await expect(saveStatus(admin).innerText()).resolves.toBe(t.editor.status.saved);

    // Saved: a reload shows the new values.
    await admin.reload();
    await settle(admin);
    await expect(admin.getByLabel(t.editor.deadline.amount, { exact: true }).inputValue()).resolves.toBe("3");
    await expect(admin.getByLabel(t.editor.deadline.unit, { exact: true }).inputValue()).resolves.toBe("WEEKS");
    await expect(admin.getByLabel(new RegExp(`^${fmt(t.editor.entry, { n: 8 })} — ${t.editor.arabic}`)).inputValue()).resolves.toBe(NEW_CHANNEL.ar);

    // Screenshots (360 px and desktop) from the top, no sideways scroll, axe, on the edit tab.
    await admin.evaluate(() => window.scrollTo(0, 0));
    const overflow = await shoot(admin, `editor-${locale}`);
    const violations = await seriousA11yViolations(admin);

    // The live preview shows the public page as it will be.
    await admin.getByRole("tab", { name: t.editor.tabs.preview, exact: true }).click();
    const preview = admin.getByTestId("preview");
    await preview.waitFor();
    await expect(preview.locator(`li[data-key="${NEW_CHANNEL.key}"]`).innerText()).resolves.toBe(NEW_CHANNEL[locale]);
    await expect(preview.locator('section[aria-labelledby="response-deadline"]').innerText()).resolves.toContain(NEW_DEADLINE[locale]);
    await expect(preview.locator('section[aria-labelledby="approval"]').innerText()).resolves.toContain(t.policy.approvalPending);
    await admin.getByRole("tab", { name: t.editor.tabs.edit, exact: true }).click();

    await press(admin, t.policyAdmin.submit, admin.getByText(t.editor.locked, { exact: true }));
    await expect(admin.getByTestId("save-status").count()).resolves.toBe(0);

    // Together, so that one finding does not hide the other.
    expect({ overflow, violations }).toEqual({ overflow: [], violations: [] });
  });

  test("a board member of another association gets 404 on this association's /board", async () => {
    const outsider = await openBrowser();
    await signIn(outsider, "qader", locale, "board@qader.demo");
    const cookie = (await outsider.context().cookies(siteUrl("qader"))).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    await outsider.context().addCookies([{ name: SESSION_COOKIE, value: cookie!.value, domain: `${slug}.localhost`, path: "/", httpOnly: true, sameSite: "Lax" }]);
    const response = await open(outsider, url("/board"));
    expect(response?.status()).toBe(404);
    const html = await outsider.content();
    expect(html).not.toContain(NEW_CHANNEL[locale]);
    expect(html).not.toContain(people.chair);
    await expect(outsider.getByRole("form").count()).resolves.toBe(0);
    // Qader's own board page still opens for it.
    expect((await open(outsider, siteUrl("qader", at(locale, "/board"))))?.status()).toBe(200);
  });

  test("two board members approve (a rejection needs a comment, a vote is cast once), the chair records session 9 with a Hijri date", async () => {
    const tally = (approvals: number, rejections: number) =>
      fmt(t.board.tally, { approvals, rejections, required: 2, size: 2, rule: t.board.quorumRule.MAJORITY });

    // The second member: the page lists the change; a rejection without a comment is refused.
    await open(member, url("/board"));
    await expect(member.locator('section[aria-labelledby="changes"]').innerText()).resolves.toContain(NEW_CHANNEL[locale]);
    await expect(member.getByTestId("tally").innerText()).resolves.toBe(tally(0, 0));
    const stale = await member.context().newPage();
    await open(stale, url("/board"));
    const vote = member.getByRole("form", { name: t.board.voteTitle, exact: true });
    await vote.getByRole("radio", { name: t.board.choice.REJECT, exact: true }).check();
    await vote.getByRole("button", { name: t.board.castVote, exact: true }).click();
    await formAlert(vote).waitFor();
    await expect(formAlert(vote).innerText()).resolves.toBe(t.errors.INVALID_INPUT);
    await expect(vote.getByLabel(t.board.comment, { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(vote.getByText(t.validation.commentRequired, { exact: true }).count()).resolves.toBe(1);
    await expect(vote.getByRole("radio", { name: t.board.choice.REJECT, exact: true }).isChecked()).resolves.toBe(true);
    await open(member, url("/board"));
    await expect(member.getByTestId("tally").innerText()).resolves.toBe(tally(0, 0));

    // It approves; the form is gone, and a second vote from a page opened before is refused.
    await vote.getByRole("radio", { name: t.board.choice.APPROVE, exact: true }).check();
    await vote.getByRole("button", { name: t.board.castVote, exact: true }).click();
    await member.getByTestId("already-voted").waitFor();
    await expect(member.getByRole("form", { name: t.board.voteTitle, exact: true }).count()).resolves.toBe(0);
    await expect(member.getByTestId("tally").innerText()).resolves.toBe(tally(1, 0));
    const staleVote = stale.getByRole("form", { name: t.board.voteTitle, exact: true });
    await staleVote.getByRole("radio", { name: t.board.choice.REJECT, exact: true }).check();
    await staleVote.getByLabel(t.board.comment, { exact: true }).fill("second vote");
    await staleVote.getByRole("button", { name: t.board.castVote, exact: true }).click();
    await formAlert(staleVote).waitFor();
    await expect(formAlert(staleVote).innerText()).resolves.toBe(t.errors.ALREADY_VOTED);
    await stale.close();
    await open(member, url("/board"));
    await expect(member.getByTestId("tally").innerText()).resolves.toBe(tally(1, 0));
    await expect(member.getByRole("form", { name: t.board.voteTitle, exact: true }).count()).resolves.toBe(0);
    await expect(member.getByRole("form", { name: t.board.decisionTitle, exact: true }).count()).resolves.toBe(0);

    // The chair: the date is shown in both calendars as it is typed; recording before the
    // quorum (1 of 2 approvals) is refused and changes nothing.
    await open(chair, url("/board"));
    const dateBoth = chair.getByTestId("date-both");
    await expect(dateBoth.innerText()).resolves.toBe(t.board.dateHint);
    const decision = await fillDecision(chair, SESSION, { calendar: "HIJRI", ...HIJRI });
    const both = (await dateBoth.innerText()).trim();
    if (locale === "ar") expect(both).toBe("الموافق 1448/5/1هـ — 12 أكتوبر 2026م.");
    else expect(both).toMatch(/^That is 1 Jumada I 1448 AH — 12 October 2026\.$/);
    const attendees = decision.getByRole("checkbox");
    await expect(attendees.count()).resolves.toBe(2);
    for (const person of [people.chair, people.member]) {
      await expect(decision.getByRole("checkbox", { name: person, exact: true }).isChecked()).resolves.toBe(true);
    }
    await decision.getByRole("button", { name: t.board.recordDecision, exact: true }).click();
    await formAlert(decision).waitFor();
    await expect(formAlert(decision).innerText()).resolves.toBe(t.errors.NO_QUORUM);
    await expect(decision.getByLabel(t.board.sessionNumber, { exact: true }).inputValue()).resolves.toBe(String(SESSION));
    // Screenshots with the form filled and the error shown.
    const overflow = await shoot(chair, `board-${locale}`);
    const violations = await seriousA11yViolations(chair);
    await open(chair, url("/board"));
    await expect(chair.getByTestId("tally").innerText()).resolves.toBe(tally(1, 0));

    // The chair approves too, then records the decision.
    const chairVote = chair.getByRole("form", { name: t.board.voteTitle, exact: true });
    await chairVote.getByRole("radio", { name: t.board.choice.APPROVE, exact: true }).check();
    await chairVote.getByRole("button", { name: t.board.castVote, exact: true }).click();
    await chair.getByTestId("already-voted").waitFor();
    await expect(chair.getByTestId("tally").innerText()).resolves.toBe(tally(2, 0));
    await fillDecision(chair, SESSION, { calendar: "HIJRI", ...HIJRI });
    await chair.getByRole("button", { name: t.board.recordDecision, exact: true }).click();
    await chair.getByText(t.board.nothingPending, { exact: true }).waitFor();

    // The admin's console: version 2 approved in session 9.
    await open(admin, url("/admin/policy"));
    const history = admin.getByTestId("version-history").locator("li").filter({ hasText: fmt(t.policyAdmin.versionNumber, { number: 2 }) });
    await expect(history.innerText()).resolves.toContain(fmt(t.policyAdmin.approvedInSession, { session: SESSION }));

    // Together, so that one finding does not hide the other.
    expect({ overflow, violations }).toEqual({ overflow: [], violations: [] });
  });

  test("the admin publishes; the public page shows the new deadline, the new channel and the approval block at once", async () => {
    // The public home is served from the page cache: visited now, it holds version 1.
    const visitor = await openBrowser(MOBILE);
    expect((await open(visitor, homeUrl(slug, locale)))?.status()).toBe(200);
    await expect(visitor.locator("article > header").innerText()).resolves.toContain(fmt(t.policy.version, { number: 1 }));
    expect((await open(visitor, homeUrl(slug, locale)))?.headers()["x-nextjs-cache"]).toBe("HIT");

    await open(admin, url("/admin/policy"));
    await press(admin, t.policyAdmin.publish, admin.getByText(fmt(t.policyAdmin.noDraft), { exact: true }));
    await expect(admin.locator('section[aria-labelledby="current"]').innerText()).resolves.toContain(prefix(t.policyAdmin.publishedVersion, { number: 2 }));

    expect((await open(visitor, homeUrl(slug, locale)))?.status()).toBe(200);
    expect(await htmlLangDir(visitor)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
    await expect(visitor.locator("article > header").innerText()).resolves.toContain(fmt(t.policy.version, { number: 2 }));
    const channels = visitor.locator('section[aria-labelledby="channels"] li[data-key]');
    await expect(channels.count()).resolves.toBe(8);
    await expect(channels.last().getAttribute("data-key")).resolves.toBe(NEW_CHANNEL.key);
    await expect(channels.last().innerText()).resolves.toBe(NEW_CHANNEL[locale]);
    const deadline = normalize(await visitor.locator('section[aria-labelledby="response-deadline"]').innerText());
    expect(deadline).toContain(fmt(t.policy.deadlineMaximum, { duration: NEW_DEADLINE[locale] }));
    expect(deadline).toContain(NEW_WORDING[locale]);
    expect(deadline).not.toContain(OLD_DEADLINE[locale]);

    const approval = visitor.locator('section[aria-labelledby="approval"]');
    await expect(visitor.getByTestId("approval-line").innerText()).resolves.toMatch(APPROVAL_LINE[locale]);
    const block = normalize(await approval.innerText());
    expect(block).toContain(fmt(t.policy.approvedBy, { name }));
    expect(block).toContain(people.chair);
    expect(block).toContain(`${t.policy.attendees}: ${[people.chair, people.member].join(locale === "ar" ? "، " : ", ")}`);

    expect(await shoot(visitor, `public-${locale}`)).toEqual([]);
  });

  test("the history lists both versions; version 1 is superseded and keeps its old deadline", async () => {
    const visitor = await openBrowser();
    await open(visitor, url("/policy/history"));
    const items = visitor.getByTestId("public-history").locator("> li");
    await expect(items.count()).resolves.toBe(2);
    const item = (n: number) => items.filter({ has: visitor.getByRole("link", { name: fmt(t.history.version, { number: n }), exact: true }) });
    const v1 = normalize(await item(1).innerText());
    const v2 = normalize(await item(2).innerText());
    expect(v2).toContain(t.history.status.PUBLISHED);
    expect(v2).toContain(prefix(t.history.approved, { session: SESSION }));
    expect(v1).toContain(prefix(t.history.approved, { session: 8 }));
    expect(v2).toMatch(locale === "ar" ? /1448\/5\/1هـ الموافق 12 أكتوبر 2026م/ : /12 October 2026 \(1 Jumada I 1448 AH\)/);
    expect(v1).toContain(t.history.status.SUPERSEDED);
    expect(v1).toMatch(locale === "ar" ? /الموافق 15 يناير 2026م/ : /15 January 2026/);

    await item(1).getByRole("link", { name: fmt(t.history.version, { number: 1 }), exact: true }).click();
    await visitor.waitForURL(url("/policy/history/1"));
    await settle(visitor);
    await expect(visitor.getByRole("note").innerText()).resolves.toContain(t.history.supersededNote);
    await expect(visitor.locator("article > header").innerText()).resolves.toContain(fmt(t.policy.version, { number: 1 }));
    const deadline = normalize(await visitor.locator('section[aria-labelledby="response-deadline"]').innerText());
    expect(deadline).toContain(fmt(t.policy.deadlineMaximum, { duration: OLD_DEADLINE[locale] }));
    expect(deadline).not.toContain(NEW_DEADLINE[locale]);
    await expect(visitor.locator('section[aria-labelledby="channels"] li[data-key]').count()).resolves.toBe(7);
    await expect(visitor.locator(`li[data-key="${NEW_CHANNEL.key}"]`).count()).resolves.toBe(0);
    await expect(visitor.getByTestId("approval-line").innerText()).resolves.toMatch(locale === "ar" ? /^الجلسة الثامنة — / : /^8th session — 15 January 2026/);
  });

  test("the printed document carries the new approval block and a QR code; its PDF has pages and extractable text", async () => {
    const visitor = await openBrowser();
    await open(visitor, url("/policy/print"));
    await visitor.emulateMedia({ media: "print" });
    const line = visitor.getByTestId("approval-line");
    await expect(line.isVisible()).resolves.toBe(true);
    await expect(line.innerText()).resolves.toMatch(APPROVAL_LINE[locale]);
    await expect(visitor.getByRole("button", { name: M[locale].common.print, exact: true }).isVisible()).resolves.toBe(false);
    const qr = visitor.getByRole("img", { name: t.policy.qrLabel, exact: true });
    await expect(qr.locator("svg path").count()).resolves.toBeGreaterThan(0);
    await expect(qr.isVisible()).resolves.toBe(true);
    const footer = visitor.locator("article > footer");
    const code = (await footer.locator("code").innerText()).trim();
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    await expect(footer.locator("p[dir=ltr]").innerText()).resolves.toBe(url(`/policy/verify?code=${code}`));
    await expect(visitor.locator(`li[data-key="${NEW_CHANNEL.key}"]`).isVisible()).resolves.toBe(true);
    await screenshot(visitor, `policy-print-${locale}`);

    const file = path.join(RESULTS_DIR, `policy-print-${locale}.pdf`);
    const pdf = await visitor.pdf({ path: file, format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pageObjects = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    // Chromium may compress page objects into object streams; count them when visible.
    if (pageObjects > 0) expect(pageObjects).toBe(totalPages);
    const extracted = normalize(text);
    // Latin text extracts as is: the verification code and the verify address.
    expect(extracted).toContain(code);
    expect(extracted.replace(/\s/g, "")).toContain(url(`/policy/verify?code=${code}`).replace(/\s/g, ""));
    if (locale === "ar") {
      // Chromium's PDF gives Arabic as presentation-form glyphs (U+FExx) in visual order: each
      // line reads right to left. Reversed line by line, then NFKC, pure-Arabic lines read
      // logically again (lam-alef ligatures included); mixed lines and spaces next to
      // non-joining letters may still come out displaced, so only such lines are compared.
      expect(text).toMatch(/[\uFE70-\uFEFF]/);
      const logical = normalize(text.split("\n").map((line) => [...line].reverse().join("")).join("\n"));
      const title = (await visitor.locator("h1").innerText()).trim();
      const found = Object.fromEntries(
        [title, "الجلسة التاسعة", NEW_CHANNEL.ar, NEW_DEADLINE.ar, "جمعية"].map((needle) => [needle, logical.includes(normalize(needle))]),
      );
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((needle) => [needle, true])));
      expect(extracted).toContain(RUN);
      expect(extracted).toMatch(/1448\/5\/1/);
    } else {
      expect(extracted).toContain("9th session");
      expect(extracted).toContain(NEW_CHANNEL.en);
      expect(extracted).toContain(name);
      expect(extracted).toContain(NEW_DEADLINE.en);
    }
  });

  test("the verify page shows the record intact and recognises the printed code", async () => {
    const visitor = await openBrowser();
    await open(visitor, url("/policy/print"));
    const code = (await visitor.locator("article > footer code").innerText()).trim();

    await open(visitor, url("/policy/verify"));
    const result = visitor.getByTestId("chain-result");
    await expect(result.getAttribute("data-intact")).resolves.toBe("true");
    await expect(result.innerText()).resolves.toBe(branch(t.verify.intact, "other", 2));
    for (const n of [1, 2]) await expect(visitor.getByTestId(`chain-${n}`).innerText()).resolves.toContain(t.verify.ok);

    await visitor.getByLabel(t.verify.codeLabel, { exact: true }).fill(code.toLowerCase());
    await visitor.getByRole("button", { name: t.verify.check, exact: true }).click();
    await visitor.waitForURL((u) => u.searchParams.get("code") === code.toLowerCase());
    await settle(visitor);
    await expect(visitor.getByTestId("code-result").innerText()).resolves.toBe(fmt(t.verify.codeMatches, { number: 2, status: t.verify.status.PUBLISHED }));

    // A code that is not on record.
    await visitor.getByLabel(t.verify.codeLabel, { exact: true }).fill("0000-0000");
    await visitor.getByRole("button", { name: t.verify.check, exact: true }).click();
    await visitor.waitForURL((u) => u.searchParams.get("code") === "0000-0000");
    await settle(visitor);
    await expect(visitor.getByTestId("code-result").innerText()).resolves.toBe(t.verify.codeUnknown);

    await screenshot(visitor, `policy-verify-${locale}-1280`);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
  });
});
