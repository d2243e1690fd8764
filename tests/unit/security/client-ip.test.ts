/** @jest-environment node */
import { clientIp } from "@/lib/auth/site";

const bag = (headers: Record<string, string>) => ({ get: (name: string) => headers[name] ?? null });

describe("clientIp", () => {
  it("takes the entry our load balancer appended, not the ones the client wrote", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the load balancer appended the real address.
    expect(clientIp(bag({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(bag({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("counts TRUSTED_PROXY_HOPS from the right (a CDN in front of the load balancer)", () => {
    const headers = bag({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.5" });
    expect(clientIp(headers, { TRUSTED_PROXY_HOPS: "2" })).toBe("203.0.113.7");
    expect(clientIp(headers, { TRUSTED_PROXY_HOPS: "9" })).toBe("1.1.1.1");
    expect(clientIp(headers, { TRUSTED_PROXY_HOPS: "nonsense" })).toBe("10.0.0.5");
  });

  it("falls back to X-Real-IP, then to 'unknown', and never returns more than 64 characters", () => {
    expect(clientIp(bag({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(bag({}))).toBe("unknown");
    expect(clientIp(bag({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});
