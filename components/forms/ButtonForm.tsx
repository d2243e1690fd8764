"use client";

import { useActionState, type ReactNode } from "react";
import { FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One button that runs a server action on hidden fields (remove, revoke, suspend…), with the
 * action's error shown beside it. Success needs no message: the page refreshes. */
export function ButtonForm({ action, fields, label, variant, children }: { action: Action; fields: Record<string, string>; label: string; variant: "secondary" | "danger"; children: ReactNode }) {
  const [state, run] = useActionState(action, initialFormState);
  return (
    <form action={run} aria-label={label} className="flex flex-col items-start gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{children}</SubmitButton>
      <FormAlert state={state.ok ? {} : state} />
    </form>
  );
}
