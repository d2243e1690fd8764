"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { useMessage } from "@/components/forms/fields";
import type { LocalizedText } from "@/lib/policy/schema";

// The editor's building blocks: a section, a bilingual text, and a list to add to, remove
// from and reorder with buttons (keyboard and screen-reader friendly, no dragging needed).

/** Field path → message key (paths as zod reports them: "detailedGoals.3.ar"). */
export type Errors = Record<string, string>;

// max-w-full: a select is as wide as its longest option, which would overflow a phone screen.
export const selectClass = "max-w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base";
const inputClass =
  "w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-[var(--brand)] focus:outline-none focus:ring-2 focus:ring-[var(--brand)]/30 aria-[invalid=true]:border-red-600";

export function useFieldError(errors: Errors) {
  const message = useMessage();
  return (path: string) => (errors[path] ? message(errors[path]) : undefined);
}

export function Section({ title, error, children }: { title: string; error?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {error && <p role="alert" className="text-sm font-medium text-red-700">{error}</p>}
      {children}
    </section>
  );
}

/** Arabic (required) above English (optional, marked "not translated" while empty). */
export function BilingualField({ label, value, onChange, path, errors, multiline }: { label: string; value: LocalizedText; onChange: (value: LocalizedText) => void; path: string; errors: Errors; multiline?: boolean }) {
  const t = useTranslations("editor");
  const tc = useTranslations("common");
  const id = useId();
  const err = useFieldError(errors);
  const input = (lang: "ar" | "en") => {
    const error = err(`${path}.${lang}`);
    const props = {
      id: `${id}-${lang}`,
      lang,
      dir: lang === "ar" ? "rtl" : "ltr",
      value: value[lang] ?? "",
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${id}-${lang}-error` : undefined,
      className: inputClass,
      onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
    } as const;
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-${lang}`} className="flex flex-wrap items-center gap-2 text-sm font-medium text-stone-800">
          {label} — {t(lang === "ar" ? "arabic" : "english")}
          {lang === "ar" && <span className="text-xs font-normal text-stone-500">{t("required")}</span>}
          {lang === "en" && !value.en?.trim() && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{tc("notTranslated")}</span>
          )}
        </label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        {error && (
          <p id={`${id}-${lang}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {input("ar")}
      {input("en")}
    </div>
  );
}

type ListProps<T> = {
  items: T[];
  onChange: (items: T[]) => void;
  render: (item: T, index: number, set: (item: T) => void) => ReactNode;
  itemLabel: (index: number) => string;
  /** Omit to manage additions elsewhere (catalog lists). */
  newItem?: () => T;
  addLabel?: string;
};

export function ListEditor<T>({ items, onChange, render, itemLabel, newItem, addLabel }: ListProps<T>) {
  const t = useTranslations("editor");
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  const button = "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {items.map((item, i) => (
          <li key={i} className="rounded-md border border-stone-200 bg-stone-50 p-3">
            {render(item, i, (value) => onChange(items.map((old, j) => (j === i ? value : old))))}
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" className={button} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t("moveUp", { item: itemLabel(i) })}>
                {t("up")}
              </button>
              <button type="button" className={button} disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={t("moveDown", { item: itemLabel(i) })}>
                {t("down")}
              </button>
              <button type="button" className={`${button} text-red-700`} onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={t("removeItem", { item: itemLabel(i) })}>
                {t("remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {newItem && (
        <button type="button" onClick={() => onChange([...items, newItem()])} className="rounded-md border border-dashed border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-50">
          + {addLabel}
        </button>
      )}
    </div>
  );
}
