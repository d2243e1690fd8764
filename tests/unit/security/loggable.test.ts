/** @jest-environment node */
import { loggable } from "@/lib/errors";

describe("loggable", () => {
  it("keeps the kind and code of an error but masks the personal data its message quotes", () => {
    const error = Object.assign(new Error('Unique constraint failed: phone "0551234567" for sara@example.org, id ١٠٢٣٤٥٦٧٨٩\nArgument: { name: "سارة" }'), {
      name: "PrismaClientKnownRequestError",
      code: "P2002",
    });
    const line = loggable(error);
    expect(line).toMatch(/^PrismaClientKnownRequestError P2002: Unique constraint failed/);
    for (const secret of ["0551234567", "sara@example.org", "١٠٢٣٤٥٦٧٨٩", "سارة", "Argument"]) expect(line).not.toContain(secret);
  });

  it("says only the type of something thrown that is not an Error", () => {
    expect(loggable("national id 1012345678")).toBe("string");
  });
});
