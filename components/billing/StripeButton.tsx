"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** A button that asks the server for a Stripe page (Checkout or the Customer Portal) and goes
 * there. The server action redirects; should the browser come back with the url instead, it
 * navigates itself. Errors (Stripe unreachable, not configured) show beside the button. */
export function StripeButton({ action, fields = {}, label, variant = "primary", children }: { action: Action; fields?: Record<string, string>; label: string; variant?: "primary" | "secondary"; children: ReactNode }) {
  const [state, run] = useActionState(action, initialFormState);
  const url = state.ok ? state.data?.url : undefined;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return (
    <form action={run} aria-label={label} className="flex flex-col items-stretch gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pending={url ? true : undefined}>{children}</SubmitButton>
      <FormAlert state={state.ok ? {} : state} />
    </form>
  );
}
