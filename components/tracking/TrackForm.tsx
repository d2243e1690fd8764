"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";
import { useRouter } from "@/lib/i18n/navigation";
import { endTrackingAction, requestTrackingCodeAction, verifyTrackingCodeAction } from "@/lib/tracking/actions";

/** /track in two steps on one page: reference + mobile → the code sent by SMS. Step 1 always
 * answers the same way, so it tells nobody whether a request exists. */
export function TrackForm() {
  const t = useTranslations("track");
  const router = useRouter();
  const [reference, setReference] = useState<string | null>(null);

  const [requestState, requestAction] = useActionState(async (previous: FormState, form: FormData) => {
    const state = await requestTrackingCodeAction(previous, form);
    if (state.ok) setReference(state.data?.reference ?? null);
    return state;
  }, initialFormState);

  const [verifyState, verifyAction] = useActionState(async (previous: FormState, form: FormData) => {
    const state = await verifyTrackingCodeAction(previous, form);
    if (state.ok) router.push("/track/status");
    return state;
  }, initialFormState);

  if (!reference) {
    return (
      <form action={requestAction} noValidate className="flex flex-col gap-4" aria-label={t("step1Title")}>
        <FormAlert state={requestState} />
        <TextField name="reference" label={t("reference")} hint={t("referenceHint")} state={requestState} dir="ltr" autoComplete="off" required />
        <TextField name="mobile" type="tel" label={t("mobile")} hint={t("mobileHint")} state={requestState} dir="ltr" autoComplete="tel" inputMode="tel" required />
        <div>
          <SubmitButton>{t("sendCode")}</SubmitButton>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {t("codeSentIfMatch")}
      </p>
      <form action={verifyAction} noValidate className="flex flex-col gap-4" aria-label={t("step2Title")}>
        <FormAlert state={verifyState.ok ? {} : verifyState} />
        <input type="hidden" name="reference" value={reference} />
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          state={verifyState}
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
        />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{t("verify")}</SubmitButton>
          <button type="button" onClick={() => setReference(null)} className="text-sm underline">
            {t("startAgain")}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Forgets the tracking session on this device (clears the cookie). */
export function EndTrackingButton() {
  const t = useTranslations("track");
  const router = useRouter();
  const [state, action] = useActionState(async (previous: FormState, form: FormData) => {
    const result = await endTrackingAction(previous, form);
    if (result.ok) router.push("/track");
    return result;
  }, initialFormState);
  return (
    <form action={action}>
      <FormAlert state={state.ok ? {} : state} />
      <SubmitButton variant="secondary">{t("signOut")}</SubmitButton>
    </form>
  );
}
