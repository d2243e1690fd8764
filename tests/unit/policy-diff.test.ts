/** @jest-environment node */
import { SEED_ASSOCIATIONS } from "@/prisma/seed";
import { DIFF_SECTIONS, diffList, diffPolicies, diffText, type ItemDiff, type Part, type SectionDiff } from "@/lib/policy/diff";
import type { PolicyContent } from "@/lib/policy/schema";

const qader = SEED_ASSOCIATIONS.find((a) => a.slug === "qader")!.policy;
const alhilah = SEED_ASSOCIATIONS.find((a) => a.slug === "alhilah")!.policy;
const clone = (content: PolicyContent = qader): PolicyContent => structuredClone(content);

const section = (diff: SectionDiff[], name: SectionDiff["section"]) => diff.find((s) => s.section === name);
const listItems = (diff: SectionDiff[], name: SectionDiff["section"]): ItemDiff[] => {
  const found = section(diff, name);
  if (!found || found.kind !== "list") throw new Error(`no list diff for ${name}`);
  return found.items;
};
const statuses = (items: ItemDiff[]) => items.map((i) => i.status);
const removedOf = (parts: Part[]) => parts.filter((p) => p.removed).map((p) => p.value);
const addedOf = (parts: Part[]) => parts.filter((p) => p.added).map((p) => p.value);
/** The text before (unchanged + removed parts) and after (unchanged + added parts). */
const sides = (parts: Part[]) => ({
  before: parts.filter((p) => !p.added).map((p) => p.value).join(""),
  after: parts.filter((p) => !p.removed).map((p) => p.value).join(""),
});

describe("diffPolicies", () => {
  it("finds nothing between a version and an identical copy", () => {
    expect(diffPolicies(qader, clone())).toEqual([]);
    expect(diffPolicies(alhilah, clone(alhilah))).toEqual([]);
  });

  it("shows a channel added to the end as added, matched by key, the others as the same", () => {
    const after = clone();
    after.channels.push({ key: "BRANCH_REPRESENTATIVE", label: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" } });
    const diff = diffPolicies(qader, after);
    expect(diff.map((s) => s.section)).toEqual(["channels"]);
    const items = listItems(diff, "channels");
    expect(items).toHaveLength(qader.channels.length + 1);
    expect(items.at(-1)).toEqual({ status: "added", key: "BRANCH_REPRESENTATIVE", text: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" } });
    expect(statuses(items.slice(0, -1)).every((s) => s === "same")).toBe(true);
    expect(items.slice(0, -1).map((i) => i.key)).toEqual(qader.channels.map((c) => c.key));
  });

  it("shows a custom channel inserted in the middle as added, without disturbing the keyed items around it", () => {
    const after = clone();
    after.channels.splice(2, 0, { key: "custom.whatsapp", label: { ar: "واتساب" } });
    const items = listItems(diffPolicies(qader, after), "channels");
    expect(statuses(items)).toEqual(["same", "same", "added", ...qader.channels.slice(2).map(() => "same")]);
    expect(items[2]).toMatchObject({ status: "added", key: "custom.whatsapp" });
  });

  it("shows a channel relabelled under the same key as changed, with the word diff", () => {
    const after = clone();
    after.channels[1].label = { ar: "الاتصالات الهاتفية والرسائل", en: "Phone calls" };
    const items = listItems(diffPolicies(qader, after), "channels");
    const changed = items[1];
    expect(changed.status).toBe("changed");
    expect(changed.key).toBe("PHONE");
    if (changed.status !== "changed") throw new Error("unreachable");
    expect(changed.diff.en).toBeNull();
    expect(addedOf(changed.diff.ar!).join("").trim()).toBe("والرسائل");
    expect(removedOf(changed.diff.ar!)).toEqual([]);
  });

  it("shows a channel replaced by another one (another key) as removed and added, not as a rewording", () => {
    const after = clone();
    after.channels[3] = { key: "custom.whatsapp", label: { ar: "واتساب", en: "WhatsApp" } };
    const items = listItems(diffPolicies(qader, after), "channels");
    const notSame = items.filter((i) => i.status !== "same");
    expect(notSame.map((i) => [i.status, i.key])).toEqual([
      ["removed", "LETTER"],
      ["added", "custom.whatsapp"],
    ]);
  });

  it("shows a removed detailed goal as removed, the others as the same", () => {
    const after = clone();
    const [gone] = after.detailedGoals.splice(2, 1);
    const diff = diffPolicies(qader, after);
    expect(diff.map((s) => s.section)).toEqual(["detailedGoals"]);
    const items = listItems(diff, "detailedGoals");
    expect(statuses(items)).toEqual(["same", "same", "removed", "same", "same"]);
    expect(items[2].text).toEqual(gone);
  });

  it("shows a reworded procedure step as changed, diffed in whole Arabic words", () => {
    const after = clone();
    const step = after.procedure.steps.findIndex((s) => s.key === "COMMITTEE_REVIEW");
    const before = qader.procedure.steps[step].text.ar;
    expect(before).toContain("عن شهر");
    after.procedure.steps[step].text.ar = before.replace("شهر", "ثلاثة أسابيع");
    const diff = diffPolicies(qader, after);
    expect(diff.map((s) => s.section)).toEqual(["procedure"]);
    const items = listItems(diff, "procedure");
    expect(statuses(items)).toEqual(qader.procedure.steps.map((_, i) => (i === step ? "changed" : "same")));
    const changed = items[step];
    if (changed.status !== "changed") throw new Error("expected a changed step");
    expect(changed.key).toBe("COMMITTEE_REVIEW");
    expect(changed.diff.en).toBeNull();
    const parts = changed.diff.ar!;
    // Whole words, not letters: "شهر" out, "ثلاثة أسابيع" in, nothing else.
    expect(removedOf(parts)).toEqual(["شهر"]);
    expect(addedOf(parts)).toEqual(["ثلاثة أسابيع"]);
    expect(sides(parts)).toEqual({ before, after: after.procedure.steps[step].text.ar });
  });

  it("keeps whole words for several Arabic edits in one text", () => {
    const before = { ar: "يتم الرد على المستفيد خلال مدة لا تقل عن شهر من تاريخ الطلب" };
    const after = { ar: "يتم الرد على المستفيد كتابيًا خلال مدة لا تزيد عن شهر من تاريخ الطلب" };
    const diff = diffText(before, after)!;
    expect(diff.en).toBeNull();
    expect(removedOf(diff.ar!).map((v) => v.trim())).toEqual(["تقل"]);
    expect(addedOf(diff.ar!).map((v) => v.trim()).sort()).toEqual(["تزيد", "كتابيًا"].sort());
    expect(sides(diff.ar!)).toEqual({ before: before.ar, after: after.ar });
  });

  it("shows two detailed goals swapped as a move (removed, then added further on), never as a change", () => {
    const after = clone();
    [after.detailedGoals[0], after.detailedGoals[1]] = [after.detailedGoals[1], after.detailedGoals[0]];
    const items = listItems(diffPolicies(qader, after), "detailedGoals");
    expect(statuses(items)).toEqual(["removed", "same", "added", "same", "same", "same"]);
    expect(items[0].text).toEqual(qader.detailedGoals[0]);
    expect(items[2].text).toEqual(qader.detailedGoals[0]);
    expect(items[1].text).toEqual(qader.detailedGoals[1]);
  });

  it("shows a reordered keyed list (channels) as a move too", () => {
    const after = clone();
    after.channels.reverse();
    const items = listItems(diffPolicies(qader, after), "channels");
    expect(items.some((i) => i.status === "changed")).toBe(false);
    expect(items.filter((i) => i.status === "added").length).toBe(items.filter((i) => i.status === "removed").length);
    expect(items.filter((i) => i.status !== "removed").map((i) => i.key)).toEqual(after.channels.map((c) => c.key));
  });

  it("gives the deadline its own section with both values", () => {
    const after = clone();
    after.responseDeadline = { ...after.responseDeadline, amount: 3, unit: "WEEKS" };
    const diff = diffPolicies(qader, after);
    expect(diff).toEqual([{ section: "responseDeadline", kind: "deadline", before: qader.responseDeadline, after: after.responseDeadline }]);
  });

  it.each([
    ["business days", (c: PolicyContent) => (c.responseDeadline.businessDays = true)],
    ["calendar", (c: PolicyContent) => (c.responseDeadline.calendar = "GREGORIAN")],
    ["wording", (c: PolicyContent) => (c.responseDeadline.wording = { ar: "خلال ثلاثة أسابيع" })],
  ])("notices a change of the deadline's %s", (_label, change) => {
    const after = clone();
    change(after);
    expect(diffPolicies(qader, after).map((s) => s.kind)).toEqual(["deadline"]);
  });

  it("reports an English-only change with ar null and the English word parts", () => {
    const after = clone();
    after.generalGoal.en = qader.generalGoal.en!.replace("outstanding", "excellent");
    const diff = diffPolicies(qader, after);
    expect(diff).toHaveLength(1);
    const goal = diff[0];
    if (goal.kind !== "text") throw new Error("expected a text diff");
    expect(goal.section).toBe("generalGoal");
    expect(goal.diff.ar).toBeNull();
    expect(removedOf(goal.diff.en!)).toEqual(["outstanding"]);
    expect(addedOf(goal.diff.en!)).toEqual(["excellent"]);
  });

  it("reports an English-only change inside a list as a changed item with ar null", () => {
    const after = clone();
    after.trustMeasures.items[1].en = "Building new, positive impressions.";
    const items = listItems(diffPolicies(qader, after), "trustMeasures");
    expect(statuses(items)).toEqual(qader.trustMeasures.items.map((_, i) => (i === 1 ? "changed" : "same")));
    const changed = items[1];
    if (changed.status !== "changed") throw new Error("unreachable");
    expect(changed.diff.ar).toBeNull();
    expect(changed.diff.en).not.toBeNull();
  });

  it("treats a missing English text and an empty one as the same, and a translation added as an English change", () => {
    expect(diffText({ ar: "نص" }, { ar: "نص", en: "" })).toBeNull();
    expect(diffText({ ar: "نص" }, { ar: "نص" })).toBeNull();
    const added = diffText({ ar: "نص" }, { ar: "نص", en: "Text" })!;
    expect(added.ar).toBeNull();
    expect(added.en).toEqual([{ value: "Text", added: true, removed: false }]);
  });

  it("lists the changed sections in document order", () => {
    const after = clone();
    after.responseDeadline.amount = 2;
    after.procedure.intro.ar = "يتعامل الموظف مع المستفيد كما يلي:";
    after.officerTools.pop();
    after.trustMeasures.items.push({ ar: "إجراء جديد" });
    after.title.ar = "سياسة العلاقة مع المستفيدين";
    after.preamble[0].en = "Changed.";
    const sections = diffPolicies(qader, after).map((s) => s.section);
    expect(sections).toEqual(["title", "preamble", "trustMeasures", "officerTools", "procedureIntro", "responseDeadline"]);
    expect(sections).toEqual(DIFF_SECTIONS.filter((s) => sections.includes(s)));
  });

  it("compares two different associations' policies section by section", () => {
    const diff = diffPolicies(qader, alhilah);
    expect(diff.length).toBeGreaterThan(3);
    const channels = listItems(diff, "channels");
    expect(channels.find((i) => i.key === "BRANCH_REPRESENTATIVE")?.status).toBe("added");
  });
});

describe("diffList", () => {
  const t = (ar: string, en?: string) => ({ text: en === undefined ? { ar } : { ar, en } });
  const k = (key: string, ar: string) => ({ key, text: { ar } });

  it("returns every item as the same when nothing changed", () => {
    expect(statuses(diffList([t("أ"), t("ب")], [t("أ"), t("ب")], false))).toEqual(["same", "same"]);
  });

  it("matches unkeyed items by Arabic text: an English change is a change, an Arabic change a rewording", () => {
    const items = diffList([t("أ", "A"), t("ب", "B")], [t("أ", "A2"), t("ج", "B")], false);
    expect(statuses(items)).toEqual(["changed", "changed"]);
    if (items[0].status !== "changed" || items[1].status !== "changed") throw new Error("unreachable");
    expect(items[0].diff.ar).toBeNull();
    expect(items[1].diff.en).toBeNull();
  });

  it("reads a removal followed by fewer additions as removed and added", () => {
    expect(statuses(diffList([t("أ"), t("ب"), t("ج")], [t("د"), t("ج")], false))).toEqual(["removed", "removed", "added", "same"]);
  });

  it("matches keyed items by key, whatever their label", () => {
    const items = diffList([k("A", "س"), k("B", "ص")], [k("B", "ص"), k("A", "س")], true);
    expect(items.some((i) => i.status === "changed")).toBe(false);
    expect(statuses(diffList([k("A", "س")], [k("A", "ع")], true))).toEqual(["changed"]);
    expect(statuses(diffList([k("A", "س")], [k("B", "س")], true)).sort()).toEqual(["added", "removed"]);
  });

  it("handles empty lists", () => {
    expect(diffList([], [], false)).toEqual([]);
    expect(statuses(diffList([], [t("أ")], false))).toEqual(["added"]);
    expect(statuses(diffList([t("أ")], [], false))).toEqual(["removed"]);
  });
});
