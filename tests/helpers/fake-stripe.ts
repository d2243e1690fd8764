import http from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server standing in for Stripe's API, for tests that must not leave the machine:
// the stripe client is pointed at it (STRIPE_API_HOST/PORT/PROTOCOL, lib/billing/stripe.ts). It
// answers the few calls the product makes, records every request (GET /__requests lists them),
// and serves a stand-in for the hosted checkout page that a session's url opens.

export type RecordedRequest = { method: string; path: string; params: Record<string, string> };

export type FakeStripe = { port: number; url: string; requests: RecordedRequest[]; close: () => Promise<void> };

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  let counter = 0;
  const next = (prefix: string) => `${prefix}_test_${++counter}`;
  let base = "";

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === "/__requests") return json(200, requests);
      if (url.pathname.startsWith("/pay/")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(`<!doctype html><title>Checkout (test stand-in)</title><h1>Checkout ${url.pathname.slice(5)}</h1>`);
      }
      const params = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : body));
      requests.push({ method: req.method ?? "GET", path: url.pathname, params });
      const route = `${req.method} ${url.pathname}`;
      if (route === "POST /v1/customers") return json(200, { id: next("cus"), object: "customer", metadata: {} });
      if (route === "POST /v1/checkout/sessions") {
        const id = next("cs");
        return json(200, { id, object: "checkout.session", mode: "subscription", url: `${base}/pay/${id}` });
      }
      if (route === "POST /v1/billing_portal/sessions") return json(200, { id: next("bps"), object: "billing_portal.session", url: `${base}/portal` });
      if (route === "GET /v1/invoices") return json(200, { object: "list", data: [], has_more: false, url: "/v1/invoices" });
      return json(404, { error: { type: "invalid_request_error", message: `No such route: ${route}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return { port, url: base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
