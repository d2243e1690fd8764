/** @jest-environment node */
import { latinDigits, luhnValid, normalizeDigits, normalizeIdNumber } from "@/lib/requests/identity";
import { formatSaudiMobile, normalizeSaudiMobile } from "@/lib/requests/phone";
import { intakeSchema } from "@/lib/requests/intake-schema";

// Saudi ID numbers (Luhn check digit, first digit 1 for citizens and 2 for residents) and mobile
// numbers in every form people type them, Arabic-Indic digits included.

const toArabic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const toPersian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

describe("digits", () => {
  it("turns Arabic-Indic and Persian digits into Latin ones", () => {
    expect(latinDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(latinDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(normalizeDigits(" ١٠٤ ٥٦٧-٨٩٠٩\u200f")).toBe("1045678909");
  });
});

describe("ID numbers", () => {
  it("checks the Luhn digit", () => {
    expect(luhnValid("1045678909")).toBe(true);
    expect(luhnValid("1045678908")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true); // the textbook example
  });

  it("accepts a national ID that starts with 1 and passes Luhn", () => {
    expect(normalizeIdNumber("NATIONAL_ID", "1045678909")).toBe("1045678909");
    expect(normalizeIdNumber("NATIONAL_ID", "1122334459")).toBe("1122334459");
  });

  it("refuses a national ID with a wrong check digit, a wrong length or a wrong first digit", () => {
    expect(normalizeIdNumber("NATIONAL_ID", "1045678908")).toBeNull();
    expect(normalizeIdNumber("NATIONAL_ID", "104567890")).toBeNull();
    expect(normalizeIdNumber("NATIONAL_ID", "10456789090")).toBeNull();
    // Valid Luhn but an Iqama's (2) or neither's (3) first digit.
    expect(normalizeIdNumber("NATIONAL_ID", "2345678904")).toBeNull();
    expect(normalizeIdNumber("NATIONAL_ID", "3100000003")).toBeNull();
    expect(normalizeIdNumber("NATIONAL_ID", "10456789AB")).toBeNull();
  });

  it("accepts an Iqama that starts with 2 and passes Luhn, refuses others", () => {
    expect(normalizeIdNumber("IQAMA", "2345678904")).toBe("2345678904");
    expect(normalizeIdNumber("IQAMA", "2456789011")).toBe("2456789011");
    expect(normalizeIdNumber("IQAMA", "2456789012")).toBeNull();
    expect(normalizeIdNumber("IQAMA", "1045678909")).toBeNull();
  });

  it("accepts Arabic-Indic and Persian digits, spaces and dashes, stored as Latin digits", () => {
    expect(normalizeIdNumber("NATIONAL_ID", toArabic("1045678909"))).toBe("1045678909");
    expect(normalizeIdNumber("IQAMA", toPersian("2345678904"))).toBe("2345678904");
    expect(normalizeIdNumber("NATIONAL_ID", "١٠٤ ٥٦٧ ٨٩٠٩")).toBe("1045678909");
    expect(normalizeIdNumber("NATIONAL_ID", toArabic("1045678908"))).toBeNull();
  });

  it("accepts passports and other documents as letters and digits, upper-cased", () => {
    expect(normalizeIdNumber("PASSPORT", "a1234567")).toBe("A1234567");
    expect(normalizeIdNumber("PASSPORT", "A12")).toBeNull();
    expect(normalizeIdNumber("OTHER", "x-99")).toBe("X99");
    expect(normalizeIdNumber("OTHER", "x!")).toBeNull();
  });
});

describe("Saudi mobile numbers", () => {
  const e164 = "+966551234567";

  it.each(["0551234567", "551234567", "966551234567", "+966551234567", "00966551234567", "055 123 4567", "+966 55 123 4567", "(055) 1234567"])(
    "reads %s as E.164",
    (raw) => expect(normalizeSaudiMobile(raw)).toBe(e164),
  );

  it("reads Arabic-Indic and Persian digits", () => {
    expect(normalizeSaudiMobile("٠٥٥١٢٣٤٥٦٧")).toBe(e164);
    expect(normalizeSaudiMobile("+٩٦٦٥٥١٢٣٤٥٦٧")).toBe(e164);
    expect(normalizeSaudiMobile(toPersian("00966551234567"))).toBe(e164);
  });

  it("refuses landlines, short and long numbers, and other countries' mobiles", () => {
    expect(normalizeSaudiMobile("0112345678")).toBeNull(); // Riyadh landline
    expect(normalizeSaudiMobile("+966112345678")).toBeNull();
    expect(normalizeSaudiMobile("055123456")).toBeNull();
    expect(normalizeSaudiMobile("05512345678")).toBeNull();
    expect(normalizeSaudiMobile("12345")).toBeNull();
    expect(normalizeSaudiMobile("")).toBeNull();
    expect(normalizeSaudiMobile("+971501234567")).toBeNull(); // UAE mobile
    expect(normalizeSaudiMobile("not a number")).toBeNull();
  });

  it("formats for display", () => {
    expect(formatSaudiMobile(e164)).toBe("+966 55 123 4567");
  });
});

describe("intake form schema", () => {
  const idErrors = (input: Record<string, string>) =>
    intakeSchema.safeParse(input).error?.issues.filter((issue) => issue.path[0] === "idNumber").map((issue) => issue.message);

  // A refused form must mark every wrong field at once, the ID number included, even though
  // its check depends on another field (the ID type).
  it("reports the ID number together with the other fields' errors", () => {
    expect(idErrors({ idType: "NATIONAL_ID", idNumber: "" })).toEqual(["validation.idNumberRequired"]);
    expect(idErrors({ idType: "NATIONAL_ID", idNumber: "1000000001" })).toEqual(["validation.idNumberInvalid"]);
    expect(idErrors({ idType: "IQAMA", idNumber: "1000000008" })).toEqual(["validation.idNumberInvalid"]);
    expect(idErrors({ idType: "NATIONAL_ID", idNumber: "١٠٠٠٠٠٠٠٠٨" })).toEqual([]);
  });
});
