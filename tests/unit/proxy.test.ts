/** @jest-environment node */
import { NextRequest, type NextResponse } from "next/server";
import { proxy } from "@/proxy";

function run(url: string, host: string, headers: Record<string, string> = {}) {
  const response = proxy(new NextRequest(url, { headers: { host, ...headers } })) as NextResponse; // GET: answered at once
  return {
    status: response.status,
    rewrite: response.headers.get("x-middleware-rewrite"),
    location: response.headers.get("location"),
    requestHeader: (name: string) => response.headers.get(`x-middleware-request-${name}`),
  };
}

describe("proxy", () => {
  it.each([
    ["qader.localhost:3000", "/", "/ar/t/qader"],
    ["qader.localhost:3000", "/en", "/en/t/qader"],
    ["qader.localhost:3000", "/en/policy?x=1", "/en/t/qader/policy?x=1"],
    ["localhost:3000", "/", "/ar"],
    ["localhost:3000", "/en", "/en"],
    ["nope.localhost:3000", "/", "/ar/t/nope"],
    ["a.b.localhost:3000", "/", "/ar/t/-"],
    ["qader.localhost:3000", "/fr", "/ar/t/qader/fr"],
    ["qader.org.sa", "/", "/ar/t/qader.org.sa"],
  ])("%s%s → %s", (host, path, internal) => {
    const r = run(`http://${host}${path}`, host);
    expect(new URL(r.rewrite!).pathname + new URL(r.rewrite!).search).toBe(internal);
  });

  it("keeps a direct request for the internal tree inside the host's own site", () => {
    expect(new URL(run("http://qader.localhost/t/alhilah", "qader.localhost").rewrite!).pathname).toBe("/ar/t/qader/t/alhilah");
    expect(new URL(run("http://localhost/t/alhilah", "localhost").rewrite!).pathname).toBe("/ar/404");
    expect(new URL(run("http://localhost/en/t", "localhost").rewrite!).pathname).toBe("/en/404");
  });

  it("tells next-intl the locale of the path, whatever the client claims", () => {
    const r = run("http://qader.localhost/en", "qader.localhost", { "x-next-intl-locale": "ar" });
    expect(r.requestHeader("x-next-intl-locale")).toBe("en");
    expect(run("http://qader.localhost/", "qader.localhost", { "x-next-intl-locale": "en" }).requestHeader("x-next-intl-locale")).toBe("ar");
  });

  it("sends /ar/… to the canonical unprefixed URL", () => {
    const r = run("http://qader.localhost/ar/policy", "qader.localhost");
    expect(r.status).toBe(308);
    expect(new URL(r.location!).pathname).toBe("/policy");
  });

  it("strips internal headers a client sends, and sets the tenant for API routes itself", () => {
    const r = run("http://qader.localhost/api/health", "qader.localhost", { "x-tenant-key": "alhilah", "x-next-intl-locale": "en" });
    expect(r.rewrite).toBeNull();
    expect(r.requestHeader("x-tenant-key")).toBe("qader");
    expect(r.requestHeader("x-next-intl-locale")).toBeNull();
    const platform = run("http://localhost/api/health", "localhost", { "x-tenant-key": "alhilah" });
    expect(platform.requestHeader("x-tenant-key")).toBeNull();
  });
});
