"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMessage } from "@/components/forms/fields";
import { Text } from "@/components/ui/Text";
import { asLocale } from "@/lib/i18n/routing";
import { answerField, type Question } from "@/lib/surveys/schema";
import { MultipleInput, SingleInput, TextAnswer } from "./ChoiceInputs";
import { NpsInput, RatingInput } from "./ScaleInputs";

// One question: a fieldset whose legend is the question, its widget, and its error beside it.
// Its scroll margin keeps the legend clear of the sticky progress bar when a link or focus scrolls to it.

type Props = {
  question: Question;
  /** The fieldset's id: the error summary links to it and focus goes into it. */
  id: string;
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  /** Message key of the question's error. */
  error?: string;
};

export function QuestionField({ question, id, value, onChange, error }: Props) {
  const t = useTranslations("surveys.respond");
  const message = useMessage();
  const locale = asLocale(useLocale());
  const name = answerField(question.key);
  const legendId = `${id}-legend`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!error;
  const single = typeof value === "string" ? value : undefined;
  const hint = question.type === "MULTIPLE" ? t("multipleHint") : null;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={[hint ? hintId : "", error ? errorId : ""].join(" ").trim() || undefined}
      className={`flex min-w-0 scroll-mt-24 flex-col gap-3 rounded-lg border bg-white p-4 focus:outline-none ${invalid ? "border-red-400" : "border-stone-200"}`}
    >
      <legend id={legendId} className="float-start mb-1 w-full text-base font-semibold leading-7 text-stone-900">
        <Text text={question.label} locale={locale} />
        {question.required ? (
          <>
            <span aria-hidden="true" className="ms-1 text-red-700">*</span>
            <span className="sr-only"> ({t("required")})</span>
          </>
        ) : (
          <span className="ms-1 text-sm font-normal text-stone-500">({t("optional")})</span>
        )}
      </legend>
      {hint && <p id={hintId} className="text-sm text-stone-600">{hint}</p>}
      {question.type === "RATING" && <RatingInput name={name} value={single} onChange={onChange} style={question.style} />}
      {question.type === "NPS" && <NpsInput name={name} value={single} onChange={onChange} />}
      {question.type === "SINGLE" && <SingleInput name={name} value={single} onChange={onChange} options={question.options} />}
      {question.type === "MULTIPLE" && (
        <MultipleInput name={name} value={Array.isArray(value) ? value : undefined} onChange={onChange} invalid={invalid} options={question.options} />
      )}
      {question.type === "TEXT" && (
        <TextAnswer name={name} value={single} onChange={onChange} invalid={invalid} labelledBy={legendId} describedBy={error ? errorId : undefined} />
      )}
      {error && <p id={errorId} className="text-sm font-medium text-red-700">{message(error)}</p>}
    </fieldset>
  );
}
