/** @jest-environment node */
import { NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { proxy } from "@/proxy";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

function get(url: string, headers: Record<string, string> = {}) {
  const host = new URL(url).host;
  const response = proxy(new NextRequest(url, { headers: { host, ...headers } }));
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
