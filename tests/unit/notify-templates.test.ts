/** @jest-environment node */
import { renderSms, renderTemplate } from "@/lib/notify/templates";

// A reference after Arabic words would show as 00042-1448 unless it is isolated as a
// left-to-right run; English text needs nothing.
describe("references and codes in Arabic messages", () => {
  const values = { association: "قادر", reference: "1448-00042", due: "1448/6/28هـ", link: "http://qader.localhost/track", name: "سارة", code: "123456" };

  it("isolates them left to right in Arabic SMS and e-mail", () => {
    expect(renderSms("requestReceived", "ar", values)).toContain("\u20661448-00042\u2069");
    expect(renderSms("trackingCode", "ar", values)).toContain("\u2066123456\u2069");
    const mail = renderTemplate("requestReceived", "ar", values);
    expect(mail.subject).toContain("\u20661448-00042\u2069");
    expect(mail.body).toContain("\u20661448-00042\u2069");
    // Other values are left as they are (the link must stay clickable as is).
    expect(mail.body).toContain("\nhttp://qader.localhost/track");
    expect(mail.body).not.toContain("\u2066http");
  });

  it("leaves English text alone", () => {
    expect(renderSms("requestReceived", "en", values)).toBe("قادر: your request 1448-00042 was received. Answer due by 1448/6/28هـ. Follow it: http://qader.localhost/track");
  });
});
