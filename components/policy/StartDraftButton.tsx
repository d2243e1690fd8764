"use client";

import { useActionState, useEffect } from "react";
import { FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { useRouter } from "@/lib/i18n/navigation";
import { startDraftAction } from "@/lib/policy/actions";

/** Starts a draft from the published version and opens it in the editor. */
export function StartDraftButton({ label }: { label: string }) {
  const [state, run] = useActionState(startDraftAction, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.push("/admin/policy/edit");
  }, [state, router]);
  return (
    <form action={run} aria-label={label} className="flex flex-col items-start gap-2">
      <SubmitButton>{label}</SubmitButton>
      <FormAlert state={state.ok ? {} : state} />
    </form>
  );
}
