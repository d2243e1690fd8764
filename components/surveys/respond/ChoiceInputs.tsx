"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass } from "@/components/forms/fields";
import { Text } from "@/components/ui/Text";
import { asLocale } from "@/lib/i18n/routing";
import type { LocalizedText } from "@/lib/policy/schema";
import { TEXT_ANSWER_MAX } from "@/lib/surveys/schema";
import type { WidgetProps } from "./ScaleInputs";

// Single and multiple choice as native radios and checkboxes, and the free-text answer.

type Option = { key: string; label: LocalizedText };

const optionRow = "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-stone-200 bg-white px-3 py-2 has-[:checked]:border-[var(--brand,#0f766e)] has-[:checked]:bg-stone-50";

export function SingleInput({ name, value, onChange, options }: WidgetProps<string> & { options: Option[] }) {
  const locale = asLocale(useLocale());
  return (
    <div className="flex flex-col gap-2">
      {options.map((option) => (
        <label key={option.key} className={optionRow}>
          <input type="radio" name={name} value={option.key} checked={value === option.key} onChange={() => onChange(option.key)} className="size-5 shrink-0" />
          <span><Text text={option.label} locale={locale} /></span>
        </label>
      ))}
    </div>
  );
}

export function MultipleInput({ name, value = [], onChange, invalid, options }: WidgetProps<string[]> & { options: Option[] }) {
  const locale = asLocale(useLocale());
  const toggle = (key: string, on: boolean) => onChange(on ? [...value, key] : value.filter((v) => v !== key));
  return (
    <div className="flex flex-col gap-2">
      {options.map((option) => (
        <label key={option.key} className={optionRow}>
          <input
            type="checkbox"
            name={name}
            value={option.key}
            checked={value.includes(option.key)}
            onChange={(event) => toggle(option.key, event.target.checked)}
            aria-invalid={invalid || undefined}
            className="size-5 shrink-0"
          />
          <span><Text text={option.label} locale={locale} /></span>
        </label>
      ))}
    </div>
  );
}

export function TextAnswer({ name, value = "", onChange, invalid, labelledBy, describedBy }: WidgetProps<string> & { labelledBy: string; describedBy?: string }) {
  const t = useTranslations("surveys.respond");
  const countId = useId();
  return (
    <div className="flex flex-col gap-1">
      <textarea
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={TEXT_ANSWER_MAX}
        rows={4}
        aria-labelledby={labelledBy}
        aria-describedby={[countId, describedBy ?? ""].join(" ").trim()}
        aria-invalid={invalid || undefined}
        className={inputClass}
      />
      <p id={countId} className="text-end text-xs text-stone-600">{t("textCount", { count: value.length, max: TEXT_ANSWER_MAX })}</p>
    </div>
  );
}
