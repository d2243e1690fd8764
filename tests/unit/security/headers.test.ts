/** @jest-environment node */
import { NextRequest, type NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { proxy } from "@/proxy";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

function get(url: string, headers: Record<string, string> = {}) {
  const host = new URL(url).host;
  const response = proxy(new NextRequest(url, { headers: { host, ...headers } })) as NextResponse; // GET: answered at once
  return {
    csp: response.headers.get("content-security-policy") ?? "",
    requestCsp: response.headers.get("x-middleware-request-content-security-policy"),
    header: (name: string) => response.headers.get(name),
  };
}

describe("security headers", () => {
  it("gives a page rendered per request a fresh nonce with 'strict-dynamic', and hands it to Next.js", () => {
    const first = get("http://qader.localhost/admin/requests");
    const second = get("http://qader.localhost/admin/requests");
    const script = directives(first.csp)["script-src"];
    expect(script).toEqual(expect.arrayContaining(["'strict-dynamic'"]));
    expect(script).not.toContain("'unsafe-inline'");
    const nonce = script.find((s: string) => s.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    expect(second.csp).not.toContain(nonce);
    expect(first.requestCsp).toBe(first.csp);
  });

  it("gives cached pages (one HTML for everyone) a policy without a nonce, and ignores a client's policy header", () => {
    for (const url of ["http://qader.localhost/", "http://qader.localhost/en/request", "http://localhost/pricing"]) {
      const r = get(url, { "content-security-policy": "script-src 'nonce-chosen'" });
      expect(directives(r.csp)["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
      expect(r.requestCsp).toBeNull();
    }
  });

  it("forbids framing, plugins, base changes and foreign form targets on every response, API included", () => {
    for (const url of ["http://qader.localhost/", "http://qader.localhost/api/health", "http://localhost/sign-in"]) {
      const r = get(url);
      const d = directives(r.csp);
      expect(d["frame-ancestors"]).toEqual(["'none'"]);
      expect(d["object-src"]).toEqual(["'none'"]);
      expect(d["base-uri"]).toEqual(["'none'"]);
      expect(d["form-action"]).toContain("'self'");
      expect(r.header("strict-transport-security")).toMatch(/max-age=\d{8}; includeSubDomains/);
      expect(r.header("x-frame-options")).toBe("DENY");
      expect(r.header("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(r.header("permissions-policy")).toContain("camera=()");
      expect(r.header("x-content-type-options")).toBe("nosniff");
    }
  });

  it("upgrades insecure requests only where visitors use https, and allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: null, env: { ROOT_DOMAIN: "alaqa.sa" } })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: null, env: { ROOT_DOMAIN: "localhost" } })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: true, env: {} })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", env: {} })).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: null, env: { ROOT_DOMAIN: "alaqa.sa" } })).toContain("form-action 'self' https://alaqa.sa:* https://*.alaqa.sa:*");
  });

  it("makes nonces of 128 random bits", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });
});

describe("posts Next.js would answer with a 500", () => {
  const post = (body: string, headers: Record<string, string>) =>
    proxy(new NextRequest("http://qader.localhost/track", { method: "POST", body, headers: { host: "qader.localhost", ...headers } }));

  it("refuses a body over 1 MB with 413 and action arguments that are not JSON with 400, and lets a sound action through", async () => {
    expect((await post("x", { "content-length": String(2 * 1024 * 1024) })).status).toBe(413);
    const form = (root: string) => `--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n${root}\r\n--b--\r\n`;
    const action = { "next-action": "7f00", "content-type": "multipart/form-data; boundary=b" };
    expect((await post(form("not json"), action)).status).toBe(400);
    expect((await post(form("null"), action)).status).toBe(400);
    expect((await post("not json", { "next-action": "7f00", "content-type": "text/plain" })).status).toBe(400);
    const sound = await post(form(JSON.stringify([{}, "$K1"])), action);
    expect(sound.headers.get("x-middleware-rewrite")).toContain("/ar/t/qader/track");
    expect(sound.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
