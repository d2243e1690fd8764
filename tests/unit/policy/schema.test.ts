/** @jest-environment node */
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { canonicalJson, contentHash } from "@/lib/policy/hash";
import { policyContentSchema, type PolicyContent } from "@/lib/policy/schema";
import ar from "@/messages/ar.json";

const qader = SEED_ASSOCIATIONS.find((a) => a.slug === "qader")!.policy;
const clone = (): PolicyContent => structuredClone(qader);

function issues(content: unknown) {
  const result = policyContentSchema.safeParse(content);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("policy content schema", () => {
  it("accepts both seed policies", () => {
    for (const a of SEED_ASSOCIATIONS) expect(issues(a.policy)).toEqual([]);
  });

  it("requires Arabic and allows missing English", () => {
    const c = clone();
    c.generalGoal = { ar: "  " };
    c.detailedGoals[0] = { ar: "هدف" };
    expect(issues(c)).toEqual(["generalGoal.ar: validation.required"]);
  });

  it("accepts custom channels but refuses unknown catalog keys and duplicates", () => {
    const c = clone();
    c.channels.push({ key: "custom.whatsapp", label: { ar: "واتساب" } });
    expect(issues(c)).toEqual([]);
    c.channels.push({ key: "FAX" as never, label: { ar: "فاكس" } });
    expect(issues(c)).toEqual(["channels.8.key: validation.unknownKey"]);
    const d = clone();
    d.channels.push(d.channels[0]);
    expect(issues(d)).toEqual(["channels: validation.duplicateKey"]);
  });

  it("bounds the response deadline", () => {
    const c = clone();
    c.responseDeadline.amount = 0;
    expect(issues(c)).toEqual(["responseDeadline.amount: validation.deadlineAmount"]);
    c.responseDeadline.amount = 1.5;
    expect(issues(c)).toHaveLength(1);
  });

  it("uses only validation messages that exist in the message files", () => {
    const c = clone() as Record<string, unknown>;
    c.preamble = [];
    c.channels = [];
    c.title = { ar: "x".repeat(5001) };
    const keys = issues(c).map((i) => i.split(": ")[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(ar.validation)).toContain(key.replace("validation.", ""));
  });
});

describe("content hash", () => {
  it("does not depend on key order, and changes with any edit", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(qader);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(qader));
    expect(contentHash(reordered)).toBe(contentHash(qader));
    const edited = clone();
    edited.procedure.steps[0].text.ar += ".";
    expect(contentHash(edited)).not.toBe(contentHash(qader));
    expect(contentHash(qader)).toMatch(/^[0-9a-f]{64}$/);
  });
});
