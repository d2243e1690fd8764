"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { selectClass, type Errors } from "@/components/policy/editor/fields";
import { QUESTION_TYPES, type Question, type QuestionType } from "@/lib/surveys/schema";
import { newKey } from "./keys";
import { QuestionEditor } from "./QuestionEditor";

type Props = { questions: Question[]; onChange: (questions: Question[]) => void; errors: Errors };

/** Where focus goes once the list has re-rendered: a question's first field, heading or move
 * button, or the add control when no question is left. */
type FocusTarget = { key: string; on: "field" | "heading" | "up" | "down" } | "add" | null;

function newQuestion(type: QuestionType, taken: string[]): Question {
  const base = { key: newKey("q", taken), label: { ar: "", en: "" }, required: true };
  switch (type) {
    case "RATING":
      return { ...base, type, style: "STARS", overall: false };
    case "SINGLE":
    case "MULTIPLE": {
      const first = newKey("o", []);
      return { ...base, type, options: [first, newKey("o", [first])].map((key) => ({ key, label: { ar: "", en: "" } })) };
    }
    default:
      return { ...base, type };
  }
}

/** The questions, each with Up/Down/Remove buttons, and the control that adds one. Items are
 * keyed by question key, and focus follows what the manager just did (the list is rebuilt). */
export function QuestionList({ questions, onChange, errors }: Props) {
  const t = useTranslations("surveys.builder");
  const te = useTranslations("editor");
  const id = useId();
  const [newType, setNewType] = useState<QuestionType>("RATING");
  const items = useRef(new Map<string, HTMLLIElement>());
  const addControl = useRef<HTMLSelectElement>(null);
  const focus = useRef<FocusTarget>(null);

  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === "add") return void addControl.current?.focus();
    const item = target && items.current.get(target.key);
    if (!target || !item) return;
    const find = (on: string) => item.querySelector<HTMLElement>(on === "field" ? "textarea, input" : `[data-focus="${on}"]:not(:disabled)`);
    // A question moved to an end has that button disabled: the other move button takes focus.
    const element = find(target.on) ?? find(target.on === "up" ? "down" : "up");
    element?.focus({ preventScroll: true });
    element?.scrollIntoView?.({ block: "center" }); // (absent in jsdom)
  }, [questions]);

  const label = (i: number) => t("question", { n: i + 1 });
  const move = (from: number, to: number, on: "up" | "down") => {
    const next = [...questions];
    const [question] = next.splice(from, 1);
    next.splice(to, 0, question);
    focus.current = { key: question.key, on };
    onChange(next);
  };
  const remove = (i: number) => {
    const neighbour = questions[i + 1] ?? questions[i - 1];
    focus.current = neighbour ? { key: neighbour.key, on: "heading" } : "add";
    onChange(questions.filter((_, j) => j !== i));
  };
  const add = () => {
    const question = newQuestion(newType, questions.map((q) => q.key));
    focus.current = { key: question.key, on: "field" };
    onChange([...questions, question]);
  };

  const button = "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {questions.map((question, i) => (
          <li
            key={question.key}
            ref={(element) => void (element ? items.current.set(question.key, element) : items.current.delete(question.key))}
            className="scroll-mt-32 rounded-md border border-stone-200 bg-stone-50 p-3"
          >
            <QuestionEditor question={question} index={i} onChange={(value) => onChange(questions.map((old, j) => (j === i ? value : old)))} errors={errors} />
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" data-focus="up" className={button} disabled={i === 0} onClick={() => move(i, i - 1, "up")} aria-label={te("moveUp", { item: label(i) })}>
                {te("up")}
              </button>
              <button type="button" data-focus="down" className={button} disabled={i === questions.length - 1} onClick={() => move(i, i + 1, "down")} aria-label={te("moveDown", { item: label(i) })}>
                {te("down")}
              </button>
              <button type="button" className={`${button} text-red-700`} onClick={() => remove(i)} aria-label={te("removeItem", { item: label(i) })}>
                {te("remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={`${id}-type`} className="text-sm font-medium">{t("newType")}</label>
          <select ref={addControl} id={`${id}-type`} value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)} className={selectClass}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>{t(`types.${type}`)}</option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} className="rounded-md border border-dashed border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-50">
          + {t("addQuestion")}
        </button>
      </div>
    </div>
  );
}
