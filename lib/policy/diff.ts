import { diffArrays, diffWords } from "diff";
import { canonicalJson } from "./hash";
import type { LocalizedText, PolicyContent, ResponseDeadline } from "./schema";

// What changed between two versions, section by section: text changed word by word (jsdiff,
// with Intl.Segmenter so Arabic splits into words), list items added, removed or reworded.

export type Part = { value: string; added: boolean; removed: boolean };
/** Per language, the word diff, or null when that language did not change. */
export type TextDiff = { ar: Part[] | null; en: Part[] | null };
export type ItemDiff =
  | { status: "same"; text: LocalizedText; key?: string }
  | { status: "added" | "removed"; text: LocalizedText; key?: string }
  | { status: "changed"; text: LocalizedText; diff: TextDiff; key?: string };

export const DIFF_SECTIONS = [
  "title",
  "preamble",
  "generalGoal",
  "detailedGoals",
  "trustMeasuresIntro",
  "trustMeasures",
  "channels",
  "officerTools",
  "procedureIntro",
  "procedure",
  "responseDeadline",
] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export type SectionDiff =
  | { section: DiffSection; kind: "text"; diff: TextDiff }
  | { section: DiffSection; kind: "list"; items: ItemDiff[] }
  | { section: DiffSection; kind: "deadline"; before: ResponseDeadline; after: ResponseDeadline };

const segmenters = { ar: new Intl.Segmenter("ar", { granularity: "word" }), en: new Intl.Segmenter("en", { granularity: "word" }) };

function words(before: string, after: string, lang: "ar" | "en"): Part[] {
  return diffWords(before, after, { intlSegmenter: segmenters[lang] }).map((c) => ({
    value: c.value,
    added: !!c.added,
    removed: !!c.removed,
  }));
}

export function diffText(before: LocalizedText, after: LocalizedText): TextDiff | null {
  const ar = before.ar === after.ar ? null : words(before.ar, after.ar, "ar");
  const en = (before.en ?? "") === (after.en ?? "") ? null : words(before.en ?? "", after.en ?? "", "en");
  return ar || en ? { ar, en } : null;
}

type Item = { text: LocalizedText; key?: string };

/** Items matched by key when they have one (channels, tools), else by their Arabic text. A
 * removal followed by as many additions at the same place reads as rewording (unkeyed lists
 * only: in a keyed list a different key is a different item, however similar its label). */
export function diffList(before: Item[], after: Item[], keyed: boolean): ItemDiff[] {
  const identity = (item: Item) => (keyed ? item.key : item.text.ar);
  const out: ItemDiff[] = [];
  const same = (old: Item, now: Item): ItemDiff => {
    const diff = diffText(old.text, now.text);
    return diff ? { status: "changed", text: now.text, key: now.key, diff } : { status: "same", text: now.text, key: now.key };
  };
  let oldAt = 0;
  let newAt = 0;
  let removed: Item[] = [];
  const flush = () => {
    out.push(...removed.map((item) => ({ status: "removed" as const, text: item.text, key: item.key })));
    removed = [];
  };
  for (const change of diffArrays(before, after, { comparator: (a, b) => identity(a) === identity(b) })) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      flush();
      removed = before.slice(oldAt, (oldAt += count));
    } else if (change.added) {
      const added = after.slice(newAt, (newAt += count));
      if (!keyed && removed.length === added.length) {
        out.push(...added.map((item, i) => same(removed[i], item)));
        removed = [];
      } else {
        flush();
        out.push(...added.map((item) => ({ status: "added" as const, text: item.text, key: item.key })));
      }
    } else {
      flush();
      for (let i = 0; i < count; i++) out.push(same(before[oldAt + i], after[newAt + i]));
      oldAt += count;
      newAt += count;
    }
  }
  flush();
  return out;
}

const steps = (c: PolicyContent) => c.procedure.steps.map((s) => ({ text: s.text, key: s.key }));
const texts = (list: LocalizedText[]) => list.map((text) => ({ text }));
const labelled = (list: { key: string; label: LocalizedText }[]) => list.map((i) => ({ key: i.key, text: i.label }));

/** The sections that differ, in document order (empty when the versions are the same). */
export function diffPolicies(before: PolicyContent, after: PolicyContent): SectionDiff[] {
  const out: SectionDiff[] = [];
  const text = (section: DiffSection, a: LocalizedText, b: LocalizedText) => {
    const diff = diffText(a, b);
    if (diff) out.push({ section, kind: "text", diff });
  };
  const list = (section: DiffSection, a: Item[], b: Item[], keyed = false) => {
    const items = diffList(a, b, keyed);
    if (items.some((i) => i.status !== "same")) out.push({ section, kind: "list", items });
  };
  text("title", before.title, after.title);
  list("preamble", texts(before.preamble), texts(after.preamble));
  text("generalGoal", before.generalGoal, after.generalGoal);
  list("detailedGoals", texts(before.detailedGoals), texts(after.detailedGoals));
  text("trustMeasuresIntro", before.trustMeasures.intro, after.trustMeasures.intro);
  list("trustMeasures", texts(before.trustMeasures.items), texts(after.trustMeasures.items));
  list("channels", labelled(before.channels), labelled(after.channels), true);
  list("officerTools", labelled(before.officerTools), labelled(after.officerTools), true);
  text("procedureIntro", before.procedure.intro, after.procedure.intro);
  list("procedure", steps(before), steps(after));
  if (canonicalJson(before.responseDeadline) !== canonicalJson(after.responseDeadline)) {
    out.push({ section: "responseDeadline", kind: "deadline", before: before.responseDeadline, after: after.responseDeadline });
  }
  return out;
}
