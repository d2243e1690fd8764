"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FieldError, FormAlert, SubmitButton } from "@/components/forms/fields";
import { setHealthRelatedAction } from "@/lib/associations/intake-settings-actions";
import { initialFormState } from "@/lib/auth/form";

export function HealthRelatedForm({ current }: { current: boolean }) {
  const t = useTranslations("settings.health");
  const [state, action] = useActionState(setHealthRelatedAction, initialFormState);
  const id = useId();
  const error = state.fieldErrors?.healthRelated;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <FormAlert state={state} />
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="healthRelated"
          defaultChecked={current}
          key={String(current)}
          aria-describedby={`${id}-explain${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="mt-1 size-4 shrink-0"
        />
        <span className="font-medium">{t("label")}</span>
      </label>
      <p id={`${id}-explain`} className="text-sm text-stone-700">{t("explain")}</p>
      <FieldError name="healthRelated" state={state} id={`${id}-error`} />
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
