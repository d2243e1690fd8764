"use client";

import { useId, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { FieldError } from "@/components/forms/fields";
import type { FormState } from "@/lib/auth/form";

// More form building blocks, in the manner of fields.tsx (same look, same echo of what was
// sent, errors linked with aria-describedby): a select, a textarea and a group of radio buttons.

/** The look of TextField's input, for other controls. */
export const inputClass =
  "w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-[var(--brand,#0f766e)] focus:outline-none focus:ring-2 focus:ring-[var(--brand,#0f766e)]/30 aria-[invalid=true]:border-red-600";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; state: FormState };

export function SelectField({ name, label, state, defaultValue, children, ...select }: SelectProps) {
  const id = useId();
  const error = !!state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const value = typeof echoed === "string" ? echoed : defaultValue;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        key={String(value ?? "")}
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...select}
      >
        {children}
      </select>
      <FieldError name={name} state={state} id={`${id}-error`} />
    </div>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; state: FormState; hint?: string };

export function TextAreaField({ name, label, state, hint, ...textarea }: TextAreaProps) {
  const id = useId();
  const error = !!state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const value = typeof echoed === "string" ? echoed : "";
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">{label}</label>
      <textarea
        id={id}
        name={name}
        defaultValue={value}
        // A new echo (after a rejected submit) must replace what the textarea shows.
        key={value}
        aria-invalid={error || undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
        className={inputClass}
        {...textarea}
      />
      {hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      <FieldError name={name} state={state} id={`${id}-error`} />
    </div>
  );
}

type RadioGroupProps = {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  state: FormState;
  /** Controlled (the form shows more fields for some choices); otherwise the echo is kept. */
  value?: string;
  onChange?: (value: string) => void;
};

export function RadioGroup({ name, legend, options, state, value, onChange }: RadioGroupProps) {
  const id = useId();
  const echoed = state.values?.[name];
  const error = !!state.fieldErrors?.[name];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={option.value}
              {...(onChange ? { checked: value === option.value, onChange: () => onChange(option.value) } : { defaultChecked: echoed === option.value })}
              className="size-4"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError name={name} state={state} id={`${id}-error`} />
    </fieldset>
  );
}
