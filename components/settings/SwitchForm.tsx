"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FieldError, FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One of the association's on/off settings: a checkbox with its explanation and a save button.
 * Texts come from `namespace` (title, label, explain, save). */
export function SwitchForm({ action, name, current, namespace }: { action: Action; name: string; current: boolean; namespace: string }) {
  const t = useTranslations(namespace);
  const [state, run] = useActionState(action, initialFormState);
  const id = useId();
  const error = state.fieldErrors?.[name];
  return (
    <form action={run} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <FormAlert state={state} />
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name={name}
          defaultChecked={current}
          key={String(current)}
          aria-describedby={`${id}-explain${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-4 shrink-0"
        />
        <span className="font-medium">{t("label")}</span>
      </label>
      <p id={`${id}-explain`} className="text-sm text-stone-700">{t("explain")}</p>
      <FieldError name={name} state={state} id={`${id}-error`} />
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
