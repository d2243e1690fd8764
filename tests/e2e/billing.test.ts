/** @jest-environment node */
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { RecordedRequest } from "../helpers/fake-stripe";
import { DESKTOP, MOBILE, expectNoOverflow, homeUrl, launchBrowser, newPage, port, screenshot, settle, siteUrl } from "./browser";
import { M, STRONG_PASSWORD, TOKEN, open, suspendAssociations } from "./journey";
import { E2E_STRIPE_ENV, readServerState } from "./server-state";

// A new association subscribes: its admin registers it (Free), opens the billing page, chooses
// Standard and is sent to Stripe Checkout (here the local stand-in for Stripe's API, which
// records what the app asked for); Stripe's signed webhook then reaches the app and the billing
// page shows Standard.

const t = M.ar;
const RUN = randomBytes(4).toString("hex");
const SLUG = `e2e-billing-${RUN}`;
const NAME = `جمعية الفوترة ${RUN}`;

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await suspendAssociations(browser, [SLUG]).catch(() => undefined);
  await browser?.close();
});

async function page(viewport: { width: number; height: number }): Promise<Page> {
  const opened = await newPage(browser, viewport);
  contexts.push(opened.context);
  opened.context.setDefaultTimeout(15_000);
  return opened.page;
}

const stripeUrl = (pathname: string) => `http://127.0.0.1:${readServerState().stripePort}${pathname}`;

async function stripeRequests(): Promise<RecordedRequest[]> {
  return (await fetch(stripeUrl("/__requests"))).json() as Promise<RecordedRequest[]>;
}

/** Stripe's webhook call: the event signed with the app's webhook secret, posted to the platform host. */
async function deliverWebhook(event: object): Promise<number> {
  const payload = JSON.stringify(event);
  const signature = new Stripe(E2E_STRIPE_ENV.STRIPE_SECRET_KEY).webhooks.generateTestHeaderString({ payload, secret: E2E_STRIPE_ENV.STRIPE_WEBHOOK_SECRET });
  const response = await fetch(siteUrl(null, "/api/stripe/webhook"), { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
  return response.status;
}

let associationId = "";
let customerId = "";

describe("ar: a new association moves from Free to Standard through Stripe", () => {
  test("the admin registers the association, opens the billing page on Free and is sent to Checkout for Standard", async () => {
    const admin = await page(MOBILE);
    await open(admin, homeUrl(null, "ar"));
    await open(admin, siteUrl(null, "/register"));
    const field = (key: keyof typeof t.register) => admin.getByLabel(t.register[key] as string, { exact: true });
    await field("nameAr").fill(NAME);
    await field("nameEn").fill(`Billing Test Association ${RUN}`);
    await field("registrationNumber").fill("8765");
    await field("supervisingBodyAr").fill("المركز الوطني لتنمية القطاع غير الربحي");
    await field("adminEmail").fill(`e2e-billing-${RUN}@example.org`);
    await field("slug").fill(SLUG);
    await admin.getByRole("radio", { name: t.register.templates.alhilah, exact: true }).check();
    await admin.getByRole("button", { name: t.register.submit, exact: true }).click();
    await admin.waitForURL(new RegExp(`^http://${SLUG}\\.localhost:${port()}/invite/${TOKEN.source}$`));
    await admin.getByLabel(t.invite.name, { exact: true }).fill("مدير الفوترة");
    await admin.getByLabel(t.auth.password, { exact: true }).fill(STRONG_PASSWORD);
    await admin.getByRole("button", { name: t.invite.accept, exact: true }).click();
    await admin.waitForURL(siteUrl(SLUG, "/admin"));

    await open(admin, siteUrl(SLUG, "/admin/billing"));
    await expect(admin.getByTestId("current-plan").innerText()).resolves.toContain(t.billing.plans.FREE.name);
    await expectNoOverflow(admin, "/admin/billing");
    await screenshot(admin, "billing-ar-free");

    const before = (await stripeRequests()).length;
    await admin.getByTestId("plan-STANDARD").getByRole("button", { name: t.billing.page.upgrade }).click();
    await admin.waitForURL(new RegExp(`^${stripeUrl("/pay/")}cs_test_\\d+$`));

    // What the app asked Stripe for: one customer for the association, then a subscription checkout on its own host.
    const sent = (await stripeRequests()).slice(before);
    const customer = sent.find((r) => r.method === "POST" && r.path === "/v1/customers");
    const session = sent.find((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(customer?.params["metadata[associationId]"]).toMatch(/^[0-9a-f-]{36}$/);
    associationId = customer!.params["metadata[associationId]"];
    expect(session?.params).toMatchObject({
      mode: "subscription",
      "line_items[0][price]": E2E_STRIPE_ENV.STRIPE_PRICE_STANDARD_MONTHLY,
      "line_items[0][quantity]": "1",
      "metadata[associationId]": associationId,
      "subscription_data[metadata][associationId]": associationId,
    });
    customerId = session!.params.customer;
    expect(customerId).toMatch(/^cus_test_\d+$/);
    expect(new URL(session!.params.success_url).host).toBe(`${SLUG}.localhost:${port()}`);
    expect(new URL(session!.params.cancel_url).host).toBe(`${SLUG}.localhost:${port()}`);
  });

  test("Stripe's signed webhook turns the plan to Standard on the billing page; a forged one changes nothing", async () => {
    expect(associationId).not.toBe("");
    const now = Math.floor(Date.now() / 1000);
    const subscription = {
      id: `sub_e2e_${RUN}`,
      object: "subscription",
      customer: customerId,
      status: "active",
      cancel_at_period_end: false,
      metadata: { associationId },
      items: { object: "list", data: [{ id: `si_e2e_${RUN}`, object: "subscription_item", price: { id: E2E_STRIPE_ENV.STRIPE_PRICE_STANDARD_MONTHLY, object: "price" }, current_period_start: now, current_period_end: now + 30 * 86400 }] },
    };
    const event = { id: `evt_e2e_${RUN}`, object: "event", type: "customer.subscription.created", created: now, data: { object: subscription }, api_version: Stripe.API_VERSION };

    // A forged signature is refused.
    const forged = await fetch(siteUrl(null, "/api/stripe/webhook"), { method: "POST", headers: { "stripe-signature": "t=1,v1=forged" }, body: JSON.stringify(event) });
    expect(forged.status).toBe(400);
    await expect(deliverWebhook(event)).resolves.toBe(200);

    const admin = await page(DESKTOP);
    await open(admin, siteUrl(SLUG, "/sign-in"));
    await admin.getByLabel(t.auth.email, { exact: true }).fill(`e2e-billing-${RUN}@example.org`);
    await admin.getByLabel(t.auth.password, { exact: true }).fill(STRONG_PASSWORD);
    await admin.getByRole("button", { name: t.auth.submit, exact: true }).click();
    await admin.waitForURL(siteUrl(SLUG, "/admin"));
    await open(admin, siteUrl(SLUG, "/admin/billing"));
    await settle(admin);
    await expect(admin.getByTestId("current-plan").innerText()).resolves.toContain(t.billing.plans.STANDARD.name);
    await screenshot(admin, "billing-ar-standard");
  });
});
