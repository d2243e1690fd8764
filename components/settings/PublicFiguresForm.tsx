"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FormAlert, SubmitButton } from "@/components/forms/fields";
import { setPublicFiguresAction } from "@/lib/associations/intake-settings-actions";
import { initialFormState } from "@/lib/auth/form";

/** The switch for "the policy in practice" figures on the association's public home page. */
export function PublicFiguresForm({ current }: { current: boolean }) {
  const t = useTranslations("figures.settings");
  const [state, action] = useActionState(setPublicFiguresAction, initialFormState);
  const id = useId();
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <FormAlert state={state} />
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="publicFigures"
          defaultChecked={current}
          key={String(current)}
          aria-describedby={`${id}-explain`}
          className="mt-1 size-4 shrink-0"
        />
        <span className="font-medium">{t("label")}</span>
      </label>
      <p id={`${id}-explain`} className="text-sm text-stone-700">{t("explain")}</p>
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
