/** @jest-environment node */
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const flatten = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe("messages", () => {
  it("has the same keys in Arabic and English", () => {
    expect(flatten(ar).sort()).toEqual(flatten(en).sort());
  });

  it("has no empty message", () => {
    for (const messages of [ar, en]) {
      const lookup = (key: string) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
      const empty = flatten(messages).filter((key) => !String(lookup(key)).trim());
      expect(empty).toEqual([]);
    }
  });
});
