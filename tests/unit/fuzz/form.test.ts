/** @jest-environment node */
import fc from "fast-check";
import { formToObject } from "@/lib/auth/form";

// Every public action reads its FormData through formToObject: whatever names a client sends
// ("constructor", "__proto__", a name twice), the result holds only the strings sent.

const names = fc.oneof(fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "name", "$ACTION_ID_x"), fc.string({ maxLength: 8 }));

describe("formToObject", () => {
  it("holds only own string values (an array for a repeated name), on a plain object", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(names, fc.string()), { maxLength: 12 }), (pairs) => {
        const form = new FormData();
        for (const [name, value] of pairs) form.append(name, value);
        const out = formToObject(form);
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        for (const [name, value] of Object.entries(out)) {
          const sent = pairs.filter(([n]) => n === name).map(([, v]) => v);
          expect(value).toEqual(sent.length === 1 ? sent[0] : sent);
        }
      }),
    );
  });

  it("reads anything but a FormData as an empty form", () => {
    fc.assert(fc.property(fc.anything(), (value) => expect(formToObject(value as FormData)).toEqual({})));
  });
});
