"use client";

import { useTranslations } from "next-intl";
import { BilingualField, ListEditor, selectClass, useFieldError, type Errors } from "@/components/policy/editor/fields";
import { RATING_STYLES, type Question } from "@/lib/surveys/schema";
import { newKey } from "./keys";

type Props = { question: Question; index: number; onChange: (question: Question) => void; errors: Errors };

/** One question: its label, required switch, and what its type needs (rating style and the
 * overall flag, or the options). Its key stays internal: answers are matched by it. */
export function QuestionEditor({ question, index, onChange, errors }: Props) {
  const t = useTranslations("surveys.builder");
  const err = useFieldError(errors);
  const path = `questions.${index}`;
  return (
    <div className="space-y-3">
      {/* Focusable so focus can land on a question after its neighbour is removed. */}
      <h3 tabIndex={-1} data-focus="heading" className="flex flex-wrap items-center gap-2 font-semibold focus:outline-none">
        {t("question", { n: index + 1 })}
        <span className="rounded bg-stone-200 px-2 py-0.5 text-sm font-medium">{t(`types.${question.type}`)}</span>
      </h3>
      <BilingualField label={t("question", { n: index + 1 })} value={question.label} onChange={(label) => onChange({ ...question, label })} path={`${path}.label`} errors={errors} multiline />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" checked={question.required} onChange={(e) => onChange({ ...question, required: e.target.checked })} />
        {t("required")}
      </label>

      {question.type === "RATING" && (
        <div className="space-y-2">
          <label className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
            <span>{t("style")}</span>
            <select value={question.style} onChange={(e) => onChange({ ...question, style: e.target.value as (typeof RATING_STYLES)[number] })} className={selectClass}>
              {RATING_STYLES.map((style) => (
                <option key={style} value={style}>{t(`styles.${style}`)}</option>
              ))}
            </select>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 shrink-0" checked={question.overall} onChange={(e) => onChange({ ...question, overall: e.target.checked })} aria-invalid={err(`${path}.overall`) ? true : undefined} />
            {t("overall")}
          </label>
          {err(`${path}.overall`) && <p role="alert" className="text-sm text-red-700">{err(`${path}.overall`)}</p>}
        </div>
      )}

      {(question.type === "SINGLE" || question.type === "MULTIPLE") && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("options")}</legend>
          {err(`${path}.options`) && <p role="alert" className="text-sm font-medium text-red-700">{err(`${path}.options`)}</p>}
          <ListEditor
            items={question.options}
            onChange={(options) => onChange({ ...question, options })}
            newItem={() => ({ key: newKey("o", question.options.map((o) => o.key)), label: { ar: "", en: "" } })}
            itemLabel={(j) => `${t("question", { n: index + 1 })} — ${t("fields.option", { n: j + 1 })}`}
            addLabel={t("addOption", { n: index + 1 })}
            render={(option, j, set) => (
              <BilingualField label={`${t("question", { n: index + 1 })} — ${t("fields.option", { n: j + 1 })}`} value={option.label} onChange={(label) => set({ ...option, label })} path={`${path}.options.${j}.label`} errors={errors} />
            )}
          />
        </fieldset>
      )}
    </div>
  );
}
