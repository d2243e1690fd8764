/** @jest-environment node */
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { verifyChain, type ChainLink } from "@/lib/policy/chain";
import { normalizeCode, verificationCode } from "@/lib/policy/code";
import { contentHash } from "@/lib/policy/hash";
import { outcomeOf, requiredApprovals, BOARD_QUORUMS } from "@/lib/policy/quorum";
import type { PolicyContent } from "@/lib/policy/schema";
import { meetingDateOf } from "@/lib/policy/meeting-date";
import { AppError } from "@/lib/errors";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const qader = SEED_ASSOCIATIONS.find((a) => a.slug === "qader")!.policy;
const alhilah = SEED_ASSOCIATIONS.find((a) => a.slug === "alhilah")!.policy;

describe("requiredApprovals", () => {
  const table: Record<(typeof BOARD_QUORUMS)[number], number[]> = {
    //          board of 1  2  3  4  5  6  7
    MAJORITY:   [1, 2, 2, 3, 3, 4, 4],
    TWO_THIRDS: [1, 2, 2, 3, 4, 4, 5],
    ALL:        [1, 2, 3, 4, 5, 6, 7],
  };

  it.each(BOARD_QUORUMS.flatMap((rule) => table[rule].map((required, i) => [rule, i + 1, required] as const)))(
    "%s of a board of %i needs %i approvals",
    (rule, size, required) => {
      expect(requiredApprovals(rule, size)).toBe(required);
    },
  );

  it("covers every quorum rule the schema knows", () => {
    expect([...BOARD_QUORUMS].sort()).toEqual(Object.keys(table).sort());
  });

  it("never asks for more than the board, nor for none", () => {
    for (const rule of BOARD_QUORUMS) {
      for (let size = 1; size <= 30; size++) {
        const required = requiredApprovals(rule, size);
        expect(required).toBeGreaterThanOrEqual(1);
        expect(required).toBeLessThanOrEqual(size);
        // More than half, always: two opposite decisions can never both reach the quorum.
        expect(required * 2).toBeGreaterThan(size);
      }
    }
  });

  it("asks for one approval of an empty board rather than none (an empty board cannot approve)", () => {
    for (const rule of BOARD_QUORUMS) expect(requiredApprovals(rule, 0)).toBe(1);
  });
});

describe("outcomeOf", () => {
  it.each([
    // approvals, rejections, required, board size → outcome
    [0, 0, 2, 3, null],
    [1, 0, 2, 3, null],
    [1, 1, 2, 3, null],
    [2, 0, 2, 3, "APPROVED"],
    [2, 1, 2, 3, "APPROVED"],
    [3, 0, 2, 3, "APPROVED"],
    [0, 2, 2, 3, "REJECTED"],
    [0, 1, 3, 3, "REJECTED"], // ALL: one rejection is enough
    [0, 1, 1, 1, "REJECTED"],
    [1, 0, 1, 1, "APPROVED"],
    [2, 2, 3, 5, null],
    [2, 3, 3, 5, "REJECTED"],
    [4, 1, 4, 6, "APPROVED"],
    [3, 2, 4, 6, null],
    [3, 3, 4, 6, "REJECTED"],
    [3, 1, 4, 6, null],
  ] as const)("%i for, %i against, %i needed of %i: %s", (approvals, rejections, required, boardSize, outcome) => {
    expect(outcomeOf({ approvals, rejections, required, boardSize })).toBe(outcome);
  });
});

describe("verifyChain", () => {
  const v3: PolicyContent = { ...structuredClone(qader), responseDeadline: { ...qader.responseDeadline, amount: 3, unit: "WEEKS" } };
  function chain(): ChainLink[] {
    const contents = [structuredClone(qader), structuredClone(alhilah), structuredClone(v3)];
    return contents.map((content, i) => ({
      number: i + 1,
      content,
      contentHash: contentHash(content),
      previousHash: i === 0 ? null : contentHash(contents[i - 1]),
    }));
  }

  it("finds an honest chain intact", () => {
    const result = verifyChain(chain());
    expect(result.intact).toBe(true);
    expect(result.checks).toEqual(chain().map((l) => ({ number: l.number, contentHash: l.contentHash, contentIntact: true, linkIntact: true })));
  });

  it("finds an empty chain and a single version intact", () => {
    expect(verifyChain([])).toEqual({ intact: true, checks: [] });
    expect(verifyChain(chain().slice(0, 1)).intact).toBe(true);
  });

  it("does not depend on the order of keys in the stored JSON", () => {
    const links = chain();
    // jsonb stores keys in its own order: the same content read back with keys reordered.
    const reorder = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reorder)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]))
          : value;
    links[1].content = reorder(links[1].content);
    expect(JSON.stringify(links[1].content)).not.toBe(JSON.stringify(alhilah));
    expect(verifyChain(links).intact).toBe(true);
  });

  it("flags content altered after approval, at that version only", () => {
    const links = chain();
    (links[1].content as PolicyContent).responseDeadline.amount += 1;
    const result = verifyChain(links);
    expect(result.intact).toBe(false);
    expect(result.checks.map((c) => [c.number, c.contentIntact, c.linkIntact])).toEqual([
      [1, true, true],
      [2, false, true],
      [3, true, true],
    ]);
  });

  it("flags a single changed letter", () => {
    const links = chain();
    const content = links[0].content as PolicyContent;
    content.title.ar = content.title.ar.replace("سياسة", "سياسه");
    expect(verifyChain(links).checks[0].contentIntact).toBe(false);
  });

  it("flags content and hash rewritten together through the next version's link", () => {
    const links = chain();
    const content = links[0].content as PolicyContent;
    content.detailedGoals.pop();
    links[0].contentHash = contentHash(content);
    const result = verifyChain(links);
    expect(result.intact).toBe(false);
    expect(result.checks.map((c) => [c.number, c.contentIntact, c.linkIntact])).toEqual([
      [1, true, true],
      [2, true, false],
      [3, true, true],
    ]);
  });

  it("flags a broken link, a first version that claims a predecessor, and a version left out", () => {
    const broken = chain();
    broken[2].previousHash = broken[0].contentHash;
    expect(verifyChain(broken).checks.map((c) => c.linkIntact)).toEqual([true, true, false]);
    expect(verifyChain(broken).intact).toBe(false);

    const claims = chain();
    claims[0].previousHash = "0".repeat(64);
    expect(verifyChain(claims).checks[0].linkIntact).toBe(false);

    const gap = chain();
    gap.splice(1, 1);
    expect(verifyChain(gap).intact).toBe(false);
    expect(verifyChain(gap).checks[1].linkIntact).toBe(false);
  });
});

describe("verification codes", () => {
  const hash = contentHash(qader);

  it("is the first 8 hex digits of the hash, upper case, in two groups", () => {
    expect(verificationCode("0123456789abcdef".repeat(4))).toBe("0123-4567");
    expect(verificationCode(hash)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(verificationCode(hash).replace("-", "").toLowerCase()).toBe(hash.slice(0, 8));
  });

  it.each([
    ["ab12-CD34", "ab12cd34"],
    ["AB12CD34", "ab12cd34"],
    [" ab12 cd34 ", "ab12cd34"],
    ["ab-12-cd-34", "ab12cd34"],
    ["0123456789abcdef".repeat(4), "01234567"],
  ])("normalizes %j to %j", (input, normalized) => {
    expect(normalizeCode(input)).toBe(normalized);
  });

  it("reads back the code it prints", () => {
    expect(normalizeCode(verificationCode(hash))).toBe(hash.slice(0, 8));
    expect(normalizeCode(hash)).toBe(hash.slice(0, 8));
  });

  it.each(["", "ab12", "ab12-cd3", "ab12-cd3g", "ab12_cd34", "١٢٣٤-٥٦٧٨", "0".repeat(65), "ab12-cd34; drop"])("refuses %j", (input) => {
    expect(normalizeCode(input)).toBeNull();
  });
});

describe("meetingDateOf", () => {
  const iso = (d: Date) => d.toISOString();

  function refusal(input: Parameters<typeof meetingDateOf>[0]) {
    try {
      meetingDateOf(input);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  }

  it("converts Qader's Hijri meeting date 1442/12/22 to 1 August 2021 (UTC midnight)", () => {
    expect(iso(meetingDateOf({ calendar: "HIJRI", year: 1442, month: 12, day: 22 }))).toBe("2021-08-01T00:00:00.000Z");
  });

  it("converts other Umm al-Qura dates", () => {
    expect(iso(meetingDateOf({ calendar: "HIJRI", year: 1446, month: 1, day: 1 }))).toBe("2024-07-07T00:00:00.000Z");
    expect(iso(meetingDateOf({ calendar: "HIJRI", year: 1445, month: 9, day: 1 }))).toBe("2024-03-11T00:00:00.000Z");
  });

  it("passes a Gregorian date through, leap day included", () => {
    expect(iso(meetingDateOf({ calendar: "GREGORIAN", year: 2021, month: 8, day: 1 }))).toBe("2021-08-01T00:00:00.000Z");
    expect(iso(meetingDateOf({ calendar: "GREGORIAN", year: 2024, month: 2, day: 29 }))).toBe("2024-02-29T00:00:00.000Z");
    expect(iso(meetingDateOf({ calendar: "GREGORIAN", year: 2025, month: 12, day: 31 }))).toBe("2025-12-31T00:00:00.000Z");
  });

  it.each([
    ["a 13th Hijri month", { calendar: "HIJRI", year: 1445, month: 13, day: 1 }],
    ["day 30 of a 29-day Hijri month (Muharram 1445)", { calendar: "HIJRI", year: 1445, month: 1, day: 30 }],
    ["day 31 of a Hijri month", { calendar: "HIJRI", year: 1442, month: 12, day: 31 }],
    ["day 0", { calendar: "HIJRI", year: 1445, month: 2, day: 0 }],
    ["30 February", { calendar: "GREGORIAN", year: 2024, month: 2, day: 30 }],
    ["29 February of a common year", { calendar: "GREGORIAN", year: 2023, month: 2, day: 29 }],
    ["31 April", { calendar: "GREGORIAN", year: 2024, month: 4, day: 31 }],
    ["month 13", { calendar: "GREGORIAN", year: 2024, month: 13, day: 1 }],
  ] as const)("refuses %s with a dateInvalid error on the day field", (_label, input) => {
    const error = refusal(input);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.field).toBe("day");
    expect(error.key).toBe("validation.dateInvalid");
    expect(typeof (ar.validation as Record<string, string>).dateInvalid).toBe("string");
    expect(typeof (en.validation as Record<string, string>).dateInvalid).toBe("string");
  });

  it("accepts day 30 of a 30-day Hijri month (Safar 1445)", () => {
    expect(iso(meetingDateOf({ calendar: "HIJRI", year: 1445, month: 2, day: 30 }))).toBe("2023-09-15T00:00:00.000Z");
  });
});
