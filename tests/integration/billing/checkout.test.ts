/** @jest-environment node */
import "../fast-bcrypt";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as billingActions from "@/lib/billing/actions";
import { listInvoices } from "@/lib/billing/checkout";
import { stripeClient } from "@/lib/billing/stripe";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound } from "../actions";
import { demoUser, seedWithAccounts, tenant, type Slug } from "../fixtures";

// Checkout and the Customer Portal run as the app runs them (guard core → zod → service in a
// transaction → audit) against a real database, with the stripe client pointed at a local HTTP
// server standing in for Stripe's API that records every call's parameters.

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const A = { checkout: bound(billingActions.startCheckoutAction), portal: bound(billingActions.openPortalAction) };

type Call = { method: string; path: string; params: URLSearchParams; idempotencyKey: string | undefined };

/** Stripe's API, as far as checkout and the portal use it. `failing` paths answer 500. */
function fakeStripe() {
  const calls: Call[] = [];
  const failing = new Set<string>();
  let counter = 0;
  let base = "";
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stripe.test");
      const params = new URLSearchParams(req.method === "GET" ? url.search : body);
      const key = req.headers["idempotency-key"];
      calls.push({ method: req.method ?? "GET", path: url.pathname, params, idempotencyKey: typeof key === "string" ? key : undefined });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "stripe-should-retry": "false" });
        res.end(JSON.stringify(value));
      };
      if (failing.has(url.pathname)) return json(500, { error: { type: "api_error", message: "stand-in failure" } });
      const id = (prefix: string) => `${prefix}_test_${++counter}`;
      switch (`${req.method} ${url.pathname}`) {
        case "POST /v1/customers":
          return json(200, { id: id("cus"), object: "customer", metadata: {} });
        case "POST /v1/checkout/sessions": {
          const session = id("cs");
          return json(200, { id: session, object: "checkout.session", mode: "subscription", url: `${base}/pay/${session}` });
        }
        case "POST /v1/billing_portal/sessions":
          return json(200, { id: id("bps"), object: "billing_portal.session", url: `${base}/portal/${counter}` });
        case "GET /v1/invoices":
          return json(200, {
            object: "list",
            has_more: false,
            url: "/v1/invoices",
            data: [
              { id: "in_1", object: "invoice", number: "ALQ-0001", created: 1_790_000_000, amount_paid: 19900, amount_due: 19900, currency: "sar", status: "paid", hosted_invoice_url: "https://invoice.stripe.test/in_1" },
              { id: "in_2", object: "invoice", number: null, created: 1_790_100_000, amount_paid: 0, amount_due: 49900, currency: "sar", status: "open", hosted_invoice_url: null },
            ],
          });
        default:
          return json(404, { error: { type: "invalid_request_error", message: "no such route" } });
      }
    });
  });
  return {
    calls,
    failing,
    start: async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return (server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const stripe = fakeStripe();
const ENV_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL", "STRIPE_PRICE_STANDARD_MONTHLY", "STRIPE_PRICE_STANDARD_YEARLY", "STRIPE_PRICE_PLUS_MONTHLY", "STRIPE_PRICE_PLUS_YEARLY", "ROOT_DOMAIN", "PUBLIC_PORT", "PUBLIC_PROTOCOL"];
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
let configuredEnv: Record<string, string>;

function setEnv(values: Record<string, string | undefined>) {
  for (const key of ENV_KEYS) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
}

let db: Database;
beforeAll(async () => {
  const port = await stripe.start();
  configuredEnv = {
    STRIPE_SECRET_KEY: "sk_test_stand_in",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: "http",
    STRIPE_PRICE_STANDARD_MONTHLY: "price_standard_month",
    STRIPE_PRICE_STANDARD_YEARLY: "price_standard_year",
    STRIPE_PRICE_PLUS_MONTHLY: "price_plus_month",
    STRIPE_PRICE_PLUS_YEARLY: "price_plus_year",
    PUBLIC_PORT: "3000",
  };
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(async () => {
  setEnv(savedEnv);
  await stripe.close();
  await db.close();
});
beforeEach(() => {
  setEnv(configuredEnv);
  stripe.calls.length = 0;
  stripe.failing.clear();
});

const run = actionRunner(() => db.prisma);
const user = (slug: Slug, role: Role) => demoUser(db.prisma, slug, role);
const associationId = async (slug: Slug) => (await tenant(db.prisma, slug)).id;
const callsTo = (path: string) => stripe.calls.filter((call) => call.path === path);

/** What billing may change in one association: its subscription row and its audit trail. */
async function snapshot(slug: Slug) {
  const id = await associationId(slug);
  return {
    subscription: await db.prisma.subscription.findUnique({ where: { associationId: id } }),
    audit: await db.prisma.auditEvent.count({ where: { associationId: id } }),
  };
}

describe(`checkout and portal (${engineName()})`, () => {
  test("without STRIPE_SECRET_KEY: BILLING_NOT_CONFIGURED, no call to Stripe, nothing written", async () => {
    setEnv({ ...configuredEnv, STRIPE_SECRET_KEY: undefined });
    const before = await snapshot("qader");
    const result = await run("qader", await user("qader", "ADMIN"), A.checkout, { plan: "STANDARD", interval: "month" });
    expect(result.state.error).toBe("errors.BILLING_NOT_CONFIGURED");
    const portal = await run("qader", await user("qader", "ADMIN"), A.portal, {});
    expect(portal.state.error).toBe("errors.BILLING_NOT_CONFIGURED");
    expect(stripe.calls).toEqual([]);
    expect(await snapshot("qader")).toEqual(before);
  });

  test("a plan whose price id is not configured: BILLING_NOT_CONFIGURED, nothing written", async () => {
    setEnv({ ...configuredEnv, STRIPE_PRICE_PLUS_YEARLY: undefined });
    const before = await snapshot("qader");
    const result = await run("qader", await user("qader", "ADMIN"), A.checkout, { plan: "PLUS", interval: "year" });
    expect(result.state.error).toBe("errors.BILLING_NOT_CONFIGURED");
    expect(stripe.calls).toEqual([]);
    expect(await snapshot("qader")).toEqual(before);
  });

  test("bad input (the Free plan, an unknown interval) is refused field by field, nothing sent", async () => {
    const result = await run("qader", await user("qader", "ADMIN"), A.checkout, { plan: "FREE", interval: "week" });
    expect(Object.keys(result.state.fieldErrors ?? {}).sort()).toEqual(["interval", "plan"]);
    expect(stripe.calls).toEqual([]);
  });

  test("non-admins are refused (the app answers 404), nothing sent", async () => {
    for (const role of ["OFFICER", "BOARD", "RESEARCHER", "COMMITTEE"] as const) {
      expect((await run("qader", await user("qader", role), A.checkout, { plan: "STANDARD", interval: "month" })).refused).toBe(true);
      expect((await run("qader", await user("qader", role), A.portal, {})).refused).toBe(true);
    }
    // Another association's admin on this association's site.
    expect((await run("qader", await user("alhilah", "ADMIN"), A.checkout, { plan: "STANDARD", interval: "month" })).refused).toBe(true);
    expect((await run("qader", await user("alhilah", "ADMIN"), A.portal, {})).refused).toBe(true);
    expect(stripe.calls).toEqual([]);
  });

  test("the portal before any checkout: a clear error, nothing sent", async () => {
    const result = await run("alhilah", await user("alhilah", "ADMIN"), A.portal, {});
    expect(result.state.error).toBe("errors.BILLING_NO_CUSTOMER");
    expect(stripe.calls).toEqual([]);
  });

  test("checkout creates the association's Stripe customer once and a subscription-mode session on its own host", async () => {
    const qaderId = await associationId("qader");
    const planBefore = (await snapshot("qader")).subscription;
    const admin = await user("qader", "ADMIN");

    const first = await run("qader", admin, A.checkout, { plan: "STANDARD", interval: "month" });
    expect(first.state.ok).toBe(true);
    const [customerCall] = callsTo("/v1/customers");
    expect(callsTo("/v1/customers")).toHaveLength(1);
    expect(customerCall.method).toBe("POST");
    expect(customerCall.params.get("metadata[associationId]")).toBe(qaderId);
    expect(customerCall.params.get("name")).toBeTruthy();
    expect(customerCall.idempotencyKey).toBe(`customer-${qaderId}`);

    const row = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: qaderId } });
    const customer = row.stripeCustomerId!;
    expect(customer).toMatch(/^cus_test_/);
    // Storing the customer leaves the plan as it was (plans change only through webhooks).
    expect({ plan: row.plan, source: row.source }).toEqual({ plan: planBefore?.plan ?? "FREE", source: planBefore?.source ?? "STRIPE" });

    const [session] = callsTo("/v1/checkout/sessions");
    const p = session.params;
    expect({
      mode: p.get("mode"),
      customer: p.get("customer"),
      price: p.get("line_items[0][price]"),
      quantity: p.get("line_items[0][quantity]"),
      success: p.get("success_url"),
      cancel: p.get("cancel_url"),
      reference: p.get("client_reference_id"),
      metadata: p.get("metadata[associationId]"),
      subscriptionMetadata: p.get("subscription_data[metadata][associationId]"),
      locale: p.get("locale"),
    }).toEqual({
      mode: "subscription",
      customer,
      price: "price_standard_month",
      quantity: "1",
      success: "http://qader.localhost:3000/admin/billing?checkout=success",
      cancel: "http://qader.localhost:3000/admin/billing?checkout=cancel",
      reference: qaderId,
      metadata: qaderId,
      subscriptionMetadata: qaderId,
      // Stripe's Checkout has no Arabic: it follows the browser.
      locale: "auto",
    });
    // The browser is sent to Stripe's page.
    expect(first.state.data?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_/);
    const audit = await db.prisma.auditEvent.findFirst({ where: { associationId: qaderId, action: "billing.checkout_started" }, orderBy: { createdAt: "desc" } });
    expect(audit?.actorId).toBe(admin.id);

    // A second checkout (another plan, yearly, in English) reuses the customer.
    stripe.calls.length = 0;
    const second = await run("qader", admin, A.checkout, { plan: "PLUS", interval: "year" }, "en");
    expect(second.state.ok).toBe(true);
    expect(callsTo("/v1/customers")).toEqual([]);
    const again = callsTo("/v1/checkout/sessions")[0].params;
    expect([again.get("customer"), again.get("line_items[0][price]"), again.get("success_url"), again.get("locale")]).toEqual([
      customer,
      "price_plus_year",
      "http://qader.localhost:3000/en/admin/billing?checkout=success",
      "en",
    ]);
  });

  test("the portal opens for the association's own customer and returns to its billing page", async () => {
    const row = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: await associationId("qader") } });
    const result = await run("qader", await user("qader", "ADMIN"), A.portal, {});
    expect(result.state.ok).toBe(true);
    expect(result.state.data?.url).toMatch(/\/portal\//);
    const [call] = callsTo("/v1/billing_portal/sessions");
    expect([call.params.get("customer"), call.params.get("return_url")]).toEqual([row.stripeCustomerId, "http://qader.localhost:3000/admin/billing"]);
  });

  test("Stripe failing: BILLING_UNAVAILABLE and nothing changed", async () => {
    const admin = await user("alhilah", "ADMIN");
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    stripe.failing.add("/v1/checkout/sessions");
    const before = await snapshot("alhilah");
    const result = await run("alhilah", admin, A.checkout, { plan: "STANDARD", interval: "year" });
    expect(result.state.error).toBe("errors.BILLING_UNAVAILABLE");
    expect(callsTo("/v1/checkout/sessions").length).toBeGreaterThan(0);
    expect(await snapshot("alhilah")).toEqual(before);

    stripe.failing.add("/v1/customers");
    expect((await run("alhilah", admin, A.checkout, { plan: "STANDARD", interval: "year" })).state.error).toBe("errors.BILLING_UNAVAILABLE");
    expect(await snapshot("alhilah")).toEqual(before);

    stripe.failing.add("/v1/billing_portal/sessions");
    expect((await run("qader", await user("qader", "ADMIN"), A.portal, {})).state.error).toBe("errors.BILLING_UNAVAILABLE");
    logged.mockRestore();
  });

  test("another association gets its own customer; Qader's customer is never used for it", async () => {
    const qader = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: await associationId("qader") } });
    const alhilahId = await associationId("alhilah");
    const admin = await user("alhilah", "ADMIN");
    expect((await run("alhilah", admin, A.checkout, { plan: "STANDARD", interval: "month" })).state.ok).toBe(true);
    const [customerCall] = callsTo("/v1/customers");
    expect(customerCall.params.get("metadata[associationId]")).toBe(alhilahId);
    const alhilah = await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: alhilahId } });
    expect(alhilah.stripeCustomerId).not.toBe(qader.stripeCustomerId);
    const session = callsTo("/v1/checkout/sessions")[0].params;
    expect([session.get("customer"), session.get("success_url"), session.get("metadata[associationId]")]).toEqual([
      alhilah.stripeCustomerId,
      "http://alhilah.localhost:3000/admin/billing?checkout=success",
      alhilahId,
    ]);
    await run("alhilah", admin, A.portal, {});
    expect(callsTo("/v1/billing_portal/sessions")[0].params.get("customer")).toBe(alhilah.stripeCustomerId);
    expect(stripe.calls.every((call) => call.params.get("customer") !== qader.stripeCustomerId)).toBe(true);
    // Qader's row is untouched.
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { associationId: qader.associationId } })).toEqual(qader);
  });

  test("an association already paying is sent to the portal instead of a second subscription", async () => {
    const id = await associationId("alhilah");
    await db.prisma.subscription.update({ where: { associationId: id }, data: { stripeSubscriptionId: "sub_live", status: "active" } });
    const before = await snapshot("alhilah");
    const result = await run("alhilah", await user("alhilah", "ADMIN"), A.checkout, { plan: "PLUS", interval: "month" });
    expect(result.state.error).toBe("errors.BILLING_ALREADY_SUBSCRIBED");
    expect(stripe.calls).toEqual([]);
    expect(await snapshot("alhilah")).toEqual(before);
  });

  test("invoices: listed for the customer in SAR; a failing Stripe gives null, not an error", async () => {
    const client = stripeClient()!;
    const invoices = await listInvoices(client, "cus_test_1");
    expect(callsTo("/v1/invoices")[0].params.get("customer")).toBe("cus_test_1");
    expect(invoices).toEqual([
      { id: "in_1", number: "ALQ-0001", created: new Date(1_790_000_000_000), amount: 199, currency: "SAR", status: "paid", url: "https://invoice.stripe.test/in_1" },
      { id: "in_2", number: null, created: new Date(1_790_100_000_000), amount: 499, currency: "SAR", status: "open", url: null },
    ]);
    stripe.failing.add("/v1/invoices");
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    expect(await listInvoices(client, "cus_test_1")).toBeNull();
    spy.mockRestore();
  });
});
