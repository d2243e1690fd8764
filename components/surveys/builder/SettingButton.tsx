"use client";

import { useActionState, type ReactNode } from "react";
import { FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { setSurveySettingAction } from "@/lib/surveys/builder-actions";

/** The button that flips one survey switch, with the saved notice (or the error) beside it:
 * the page refreshes in place, so without the notice nothing would confirm the change. */
export function SettingButton({ fields, label, children }: { fields: Record<string, string>; label: string; children: ReactNode }) {
  const [state, run] = useActionState(setSurveySettingAction, initialFormState);
  return (
    <form action={run} aria-label={label} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="secondary">{children}</SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}
