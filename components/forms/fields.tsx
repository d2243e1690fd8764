"use client";

import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/auth/form";

// Form building blocks shared by every form: labelled inputs, selects, textareas and radio
// groups with their localized error (messages are keys such as "validation.emailInvalid"),
// each refilled with what was sent after a refusal; a form-level alert, a submit button.

/** The look of TextField's input, for other controls. */
export const inputClass =
  "w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-[var(--brand,#0f766e)] focus:outline-none focus:ring-2 focus:ring-[var(--brand,#0f766e)]/30 aria-[invalid=true]:border-red-600";

/** Translates a message key from a FormState; unknown keys fall back to a generic message. */
export function useMessage() {
  const t = useTranslations();
  return (key: string) => (t.has(key) ? t(key) : t("errors.UNEXPECTED"));
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  state: FormState;
  hint?: ReactNode;
};

export function TextField({ name, label, state, hint, defaultValue, ...input }: FieldProps) {
  const id = useId();
  const message = useMessage();
  const error = state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const value = typeof echoed === "string" ? echoed : defaultValue;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        // A new echo (after a rejected submit) must replace what the input shows.
        key={String(value ?? "")}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
        className={inputClass}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}

export function FieldError({ name, state, id }: { name: string; state: FormState; id?: string }) {
  const message = useMessage();
  const error = state.fieldErrors?.[name];
  return error ? <p id={id} className="text-sm text-red-700">{message(error)}</p> : null;
}

/** The form's overall outcome, announced to screen readers. */
export function FormAlert({ state, success }: { state: FormState; success?: string }) {
  const message = useMessage();
  const hasFieldErrors = state.fieldErrors && Object.keys(state.fieldErrors).length > 0;
  const error = state.error ?? (hasFieldErrors ? "errors.INVALID_INPUT" : undefined);
  if (error) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {message(error)}
      </p>
    );
  }
  const notice = state.ok ? (state.notice ? message(state.notice) : success) : undefined;
  return notice ? (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {notice}
    </p>
  ) : null;
}

export function SubmitButton({ children, variant = "primary", pending: forced }: { children: ReactNode; variant?: "primary" | "secondary" | "danger"; pending?: boolean }) {
  const status = useFormStatus();
  const t = useTranslations("auth");
  const pending = forced ?? status.pending;
  const styles = {
    primary: "bg-[var(--brand,#0f766e)] text-white hover:opacity-90",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-50",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${styles}`}>
      {pending ? t("working") : children}
    </button>
  );
}

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

export function TextAreaField({ name, label, state, hint, defaultValue, ...textarea }: TextAreaProps) {
  const id = useId();
  const error = !!state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const value = typeof echoed === "string" ? echoed : typeof defaultValue === "string" ? defaultValue : "";
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

/** A field people never see or reach (off screen, out of the tab order, hidden from assistive
 * technology): bots that fill every input give themselves away (services refuse `website`). */
export function Honeypot({ label }: { label: string }) {
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] top-auto h-px w-px overflow-hidden">
      <label>
        {label}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
