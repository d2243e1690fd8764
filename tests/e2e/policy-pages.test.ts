import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import {
  DESKTOP,
  MOBILE,
  countItems,
  homeUrl,
  horizontalOverflow,
  htmlLangDir,
  launchBrowser,
  newPage,
  screenshot,
  seriousA11yViolations,
  settle,
  type Locale,
} from "./browser";

// Each association's home page (its published policy) in both languages, on a phone and a desktop.

type Expected = {
  title: Record<Locale, string>;
  channels: number;
  tools: number;
  steps: number;
};

const TENANTS: Record<"qader" | "alhilah", Expected> = {
  qader: {
    title: {
      ar: "سياسة تنظيم العلاقة مع المستفيدين",
      en: "Policy on Organizing the Relationship with Beneficiaries",
    },
    channels: 7,
    tools: 4,
    steps: 6,
  },
  alhilah: {
    title: {
      ar: "سياسة تنظيم العلاقة مع المستفيدين وتقديم الخدمات",
      en: "Policy on Organizing the Relationship with Beneficiaries and Providing Services",
    },
    channels: 8,
    tools: 6,
    steps: 7,
  },
};

const CASES = (["qader", "alhilah"] as const).flatMap((tenant) =>
  (["ar", "en"] as const).flatMap((locale) => [MOBILE, DESKTOP].map((viewport) => ({ tenant, locale, viewport }))),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(CASES)("$tenant $locale at $viewport.width px", ({ tenant, locale, viewport }) => {
  const expected = TENANTS[tenant];
  let context: BrowserContext;
  let page: Page;
  let response: Response | null;

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, viewport));
    response = await page.goto(homeUrl(tenant, locale));
    await settle(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  test("answers 200 with the right <html lang dir>", async () => {
    expect(response?.status()).toBe(200);
    expect(await htmlLangDir(page)).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
  });

  test("has one h1: the policy title", async () => {
    await expect(page.locator("h1").count()).resolves.toBe(1);
    expect((await page.locator("h1").innerText()).trim()).toBe(expected.title[locale]);
  });

  test("section headings are in the page's language", async () => {
    const headings = await page.locator("article section > h2").allInnerTexts();
    expect(headings).toHaveLength(10);
    const arabic = /[\u0600-\u06FF]/;
    const wrong = headings.filter((h) => arabic.test(h) !== (locale === "ar"));
    expect(wrong).toEqual([]);
  });

  test("lists the policy's channels, officer tools and procedure steps", async () => {
    expect({
      channels: await countItems(page, "channels"),
      tools: await countItems(page, "officer-tools"),
      steps: await countItems(page, "procedure"),
    }).toEqual({ channels: expected.channels, tools: expected.tools, steps: expected.steps });
  });

  if (tenant === "qader") {
    test("shows the board approval line", async () => {
      const line = page.getByTestId("approval-line");
      await expect(line.isVisible()).resolves.toBe(true);
      const text = (await line.innerText()).trim();
      if (locale === "ar") {
        expect(text).toBe("الجلسة الثامنة — 1442/12/22هـ الموافق 1 أغسطس 2021م");
      } else {
        expect(text).toMatch(/^8th session — 1 August 2021 \(.*1442 AH\)$/);
      }
    });
  } else {
    test("shows registration no. 300 and its contacts", async () => {
      const registration = page.locator("article > header p").filter({ hasText: "300" });
      await expect(registration.count()).resolves.toBe(1);
      expect((await registration.innerText()).trim()).toBe(locale === "ar" ? "مسجلة برقم 300" : "Registration no. 300");
      const contacts = page.locator('section[aria-labelledby="contacts"]');
      await expect(contacts.locator('a[href="tel:+966556880045"]').isVisible()).resolves.toBe(true);
      await expect(contacts.locator('a[href="mailto:alhilahMCS@gmail.com"]').isVisible()).resolves.toBe(true);
      await expect(contacts.locator('a[href="mailto:alhilahMCS@gmail.com"]').innerText()).resolves.toBe("alhilahMCS@gmail.com");
    });

    test("has no approval line but the 'not recorded' notice", async () => {
      await expect(page.getByTestId("approval-line").count()).resolves.toBe(0);
      const notice =
        locale === "ar"
          ? "لا يذكر مصدر هذه السياسة رقم جلسة مجلس الإدارة التي اعتمدتها ولا تاريخها؛ لذلك لا نعرضهما."
          : "The source of this policy does not state the number or date of the board session that approved it, so none is shown.";
      const approval = page.locator('section[aria-labelledby="approval"] > div');
      expect((await approval.innerText()).trim()).toBe(notice);
    });
  }

  test("does not scroll sideways", async () => {
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test("has no serious or critical axe violations", async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("screenshot", async () => {
    await screenshot(page, `${tenant}-${locale}-${viewport.width}`);
  });
});
