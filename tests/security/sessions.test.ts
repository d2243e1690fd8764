import { closeDb, cookiesOf, send, signIn } from "./http";

// Session and tracking cookies, and the headers of real responses from the production build.

const DEMO_PASSWORD = "Demo-2026-pass";
afterAll(closeDb);

describe("session cookies", () => {
  it("are HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix behind https", async () => {
    const https = { "x-forwarded-proto": "https" };
    const csrf = await send("qader", "/api/auth/csrf", { headers: https });
    const csrfCookies = cookiesOf(csrf);
    const reply = await send("qader", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { ...https, "content-type": "application/x-www-form-urlencoded" },
      cookie: Object.entries(csrfCookies).map(([n, v]) => `${n}=${v}`).join("; "),
      body: new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email: "admin@qader.demo", password: DEMO_PASSWORD, json: "true" }).toString(),
    });
    const lines = reply.headers["set-cookie"] ?? [];
    const session = lines.find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Domain=/i); // host-only: never sent to another association's subdomain
    for (const line of lines) expect(line).toMatch(/; HttpOnly/i);
  });

  it("over plain http (local use) are still HttpOnly and SameSite=Lax", async () => {
    const { cookie, reply } = await signIn("qader", "admin@qader.demo", DEMO_PASSWORD);
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    const line = (reply.headers["set-cookie"] ?? []).find((l) => l.startsWith("next-auth.session-token="));
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
  });
});

describe("response headers of the running app", () => {
  it.each([
    ["qader", "/", false],
    ["qader", "/en/track", false],
    ["qader", "/sign-in", true],
    [null, "/", true],
    ["qader", "/api/health", true],
  ])("%s %s carries CSP, HSTS, frame and referrer rules", async (slug, path, perRequest) => {
    const reply = await send(slug, path);
    const csp = String(reply.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(/'nonce-[^']+'/.test(csp)).toBe(perRequest);
    expect(reply.headers["strict-transport-security"]).toContain("includeSubDomains");
    expect(reply.headers["x-frame-options"]).toBe("DENY");
    expect(reply.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(reply.headers["permissions-policy"]).toContain("geolocation=()");
    expect(reply.headers["x-powered-by"]).toBeUndefined();
  });

  it("puts the response's nonce on every script of a page rendered per request", async () => {
    const reply = await send("qader", "/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(String(reply.headers["content-security-policy"]))![1];
    const scripts = reply.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});
