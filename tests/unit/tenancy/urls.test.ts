/** @jest-environment node */
import { platformUrl, tenantUrl } from "@/lib/tenancy/urls";

describe("public site addresses", () => {
  it("uses http and the app's port on localhost", () => {
    expect(tenantUrl("qader", "ar", { PORT: "3100" })).toBe("http://qader.localhost:3100/");
    expect(platformUrl("en", {})).toBe("http://localhost:3000/en");
  });

  it("uses https and no port on a real root domain", () => {
    const env = { ROOT_DOMAIN: "alaqa.sa" };
    expect(tenantUrl("alhilah", "en", env)).toBe("https://alhilah.alaqa.sa/en");
    expect(platformUrl("ar", env)).toBe("https://alaqa.sa/");
  });
});
