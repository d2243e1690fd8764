import { chromium } from "playwright-core";
const B = "http://alhilah.localhost:3177";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
page.setDefaultTimeout(15000);
await page.goto(B + "/sign-in");
await page.getByLabel("البريد الإلكتروني", { exact: true }).fill("officer@alhilah.demo");
await page.getByLabel("كلمة المرور", { exact: true }).fill("Demo-2026-pass");
await page.getByRole("button", { name: "دخول", exact: true }).click();
await page.waitForURL(B + "/admin");
await page.goto(B + "/admin/policy");
const b = page.getByRole("button", { name: "اطلعتُ على السياسة", exact: true });
if (await b.count()) { await b.click(); await b.waitFor({ state: "detached" }); }
await page.goto(B + "/admin/requests?status=RECEIVED");
const link = page.getByTestId("request-cards").locator("li a").first();
const ref = await link.innerText(); console.log("ref", ref);
await page.goto(B + "/admin/requests/" + ref);
await page.waitForLoadState("networkidle");
const step = page.getByTestId("checklist-step").nth(0);
const box = step.getByRole("checkbox");
console.log("before", await box.isChecked());
await box.click();
for (let i = 0; i < 10; i++) { await page.waitForTimeout(300); console.log(i, await box.isChecked(), await box.isDisabled(), (await step.innerText()).replace(/\n/g," | ").slice(0,150)); }
await page.reload(); await page.waitForLoadState("networkidle");
console.log("after reload", await page.getByTestId("checklist-step").nth(0).getByRole("checkbox").isChecked());
await browser.close();
