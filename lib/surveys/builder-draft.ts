import type { SurveyContent } from "./schema";

// Pure helpers the builder and its services share: comparing drafts, and naming a field by the
// keys of its question and option, so a field keeps its name when questions are reordered.

/** JSON with sorted keys: jsonb does not keep the order keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const sameContent = (a: SurveyContent, b: SurveyContent) => canonical(a) === canonical(b);

/** A zod error path by keys instead of positions: "questions.3.options.1.label.ar" → "q-x.options.o-y.label.ar". */
export function fieldId(content: SurveyContent, path: string): string {
  const [head, index, ...rest] = path.split(".");
  const question = head === "questions" && index !== undefined ? content.questions[Number(index)] : undefined;
  if (!question) return path;
  if (rest[0] === "options" && rest[1] !== undefined && "options" in question) {
    const option = question.options[Number(rest[1])];
    if (option) return [question.key, "options", option.key, ...rest.slice(2)].join(".");
  }
  return [question.key, ...rest].join(".");
}

/** Every editable value by field id, and the ids of the questions and options. */
function fields(content: SurveyContent): { values: Map<string, string>; items: Set<string> } {
  const values = new Map<string, string>();
  const items = new Set<string>();
  const text = (id: string, value?: { ar: string; en?: string }) => {
    values.set(`${id}.ar`, value?.ar ?? "");
    values.set(`${id}.en`, value?.en ?? "");
  };
  text("title", content.title);
  text("intro", content.intro);
  for (const q of content.questions) {
    items.add(q.key);
    text(`${q.key}.label`, q.label);
    values.set(`${q.key}.required`, String(q.required));
    if (q.type === "RATING") values.set(`${q.key}.overall`, String(q.overall));
    if ("options" in q) {
      for (const o of q.options) {
        items.add(`${q.key}.options.${o.key}`);
        text(`${q.key}.options.${o.key}.label`, o.label);
      }
    }
  }
  return { values, items };
}

/** What one change did: the fields it edited, and the questions and options it added. */
export function changes(before: SurveyContent, after: SurveyContent): { edited: string[]; added: string[] } {
  const old = fields(before);
  const now = fields(after);
  const edited = [...now.values].filter(([id, value]) => old.values.has(id) && old.values.get(id) !== value).map(([id]) => id);
  const added = [...now.items].filter((id) => !old.items.has(id));
  return { edited, added };
}

/** A new question or option stays unmarked until its fields are edited (or saving is tried):
 * an error shows unless it lies in something added and nothing at or under it was edited. */
export function errorShown(id: string, added: ReadonlySet<string>, edited: ReadonlySet<string>): boolean {
  const isNew = [...added].some((item) => id === item || id.startsWith(`${item}.`));
  return !isNew || [...edited].some((e) => e === id || e.startsWith(`${id}.`));
}
