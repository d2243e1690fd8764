/** @jest-environment node */
import { normalizeHost, siteForHost } from "@/lib/tenancy/host";

describe("siteForHost", () => {
  it.each([
    ["qader.localhost:3000", { kind: "tenant", key: "qader" }],
    ["QADER.localhost", { kind: "tenant", key: "qader" }],
    ["alhilah.localhost.", { kind: "tenant", key: "alhilah" }],
    ["localhost:3000", { kind: "platform" }],
    ["www.localhost", { kind: "platform" }],
    ["api.localhost", { kind: "platform" }],
    ["admin.localhost", { kind: "platform" }],
    ["127.0.0.1:3000", { kind: "platform" }],
    ["[::1]:3000", { kind: "platform" }],
    ["policy.qader.org.sa", { kind: "tenant", key: "policy.qader.org.sa" }],
    ["a.b.localhost", { kind: "invalid" }],
    ["-bad.localhost", { kind: "invalid" }],
    ["a..b", { kind: "invalid" }],
    ["qader.localhost:port", { kind: "invalid" }],
    ["user@qader.localhost", { kind: "invalid" }],
    ["", { kind: "invalid" }],
    [null, { kind: "invalid" }],
  ])("%s → %j", (host, site) => {
    expect(siteForHost(host, "localhost")).toEqual(site);
  });

  it("uses the configured root domain", () => {
    expect(siteForHost("qader.alaqa.sa", "alaqa.sa")).toEqual({ kind: "tenant", key: "qader" });
    expect(siteForHost("alaqa.sa", "alaqa.sa")).toEqual({ kind: "platform" });
    // Outside the root domain, any hostname is a candidate custom domain.
    expect(siteForHost("qader.localhost", "alaqa.sa")).toEqual({ kind: "tenant", key: "qader.localhost" });
  });

  it("normalizes case, port and trailing dot", () => {
    expect(normalizeHost(" Qader.LocalHost.:443 ")).toBe("qader.localhost");
  });
});
