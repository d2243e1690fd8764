import { createTranslator } from "next-intl";
import { cssString, pageFooterCss } from "@/lib/evidence/print-footer";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const tAr = createTranslator({ locale: "ar", messages: ar, namespace: "evidence" });
const tEn = createTranslator({ locale: "en", messages: en, namespace: "evidence" });

describe("evidence pack counts read naturally (ICU plurals, Latin digits)", () => {
  it("agrees Arabic nouns with their number", () => {
    expect(tAr("days", { count: 1 })).toBe("يوم واحد");
    expect(tAr("days", { count: 2 })).toBe("يومان");
    expect(tAr("days", { count: 9 })).toBe("9 أيام");
    expect(tAr("days", { count: 14 })).toBe("14 يومًا");
    expect(tAr("days", { count: 5.5 })).toBe("5.5 يوم");
    expect(tAr("readiness.survey.yes", { count: 1 })).toBe("استبيان واحد يستقبل الإجابات.");
    expect(tAr("satisfaction.rateDetail", { responded: 1, invited: 2 })).toBe("إجابة واحدة من أصل دعوتين");
    expect(tAr("attestation.coverage", { attested: 1, required: 3, number: 1 })).toBe("أقرّ 1 من أصل 3 موظفين بالاطلاع على الإصدار 1");
  });

  it("uses singular and plural in English", () => {
    expect(tEn("days", { count: 1 })).toBe("1 day");
    expect(tEn("days", { count: 9 })).toBe("9 days");
    expect(tEn("satisfaction.rateDetail", { responded: 1, invited: 2 })).toBe("1 response to 2 invitations");
    expect(tEn("readiness.survey.yes", { count: 2 })).toBe("2 surveys are accepting responses.");
  });
});

describe("printed page footer", () => {
  it("splices the page counters into the localized text as CSS", () => {
    const css = pageFooterCss(({ page, pages }) => tAr("printPage", { name: "جمعية قادر", year: "السنة الهجرية 1448هـ", page, pages }), "rtl");
    expect(css).toContain('content: "جمعية قادر — السنة الهجرية 1448هـ — صفحة " counter(page) " من " counter(pages);');
    expect(css).toContain("@bottom-center");
    expect(css).toContain("direction: rtl");
    const cssEn = pageFooterCss(({ page, pages }) => tEn("printPage", { name: "Qader", year: "Hijri year 1448 AH", page, pages }), "ltr");
    expect(cssEn).toContain('content: "Qader — Hijri year 1448 AH — Page " counter(page) " of " counter(pages);');
  });

  it("escapes what could break out of the CSS string or the <style> element", () => {
    expect(cssString('a "b" \\ </style>')).toBe('"a \\22 b\\22  \\5c  \\3c /style>"');
  });
});
