"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { FieldError, FormAlert, Honeypot, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";
import { submitComplaintAction } from "@/lib/complaints/actions";

const KINDS = ["COMPLAINT", "SUGGESTION"] as const;

/** The public form; on success it shows the message's reference instead of the form. */
export function ComplaintForm() {
  const t = useTranslations("complaints");
  const kindError = useId();
  const [sent, setSent] = useState<string | null>(null);
  const [state, action] = useActionState(async (previous: FormState, form: FormData) => {
    const result = await submitComplaintAction(previous, form);
    if (result.ok) setSent(result.data?.reference ?? "");
    return result;
  }, initialFormState);

  if (sent !== null) {
    return (
      <div role="status" className="flex flex-col items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
        <p className="font-semibold">{t("received")}</p>
        <p>
          {t("yourReference")}{" "}
          <bdi dir="ltr" className="font-bold">{sent}</bdi>
        </p>
        <p className="text-sm">{t("keepReference")}</p>
        <button type="button" onClick={() => setSent(null)} className="text-sm underline">
          {t("another")}
        </button>
      </div>
    );
  }

  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("title")}>
      <FormAlert state={state} />
      <fieldset className="flex flex-col gap-2" aria-describedby={state.fieldErrors?.kind ? kindError : undefined}>
        <legend className="text-sm font-medium text-stone-800">{t("kind")}</legend>
        <div className="flex flex-wrap gap-4">
          {KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-base">
              <input type="radio" name="kind" value={kind} defaultChecked={(values.kind ?? "COMPLAINT") === kind} className="size-4" />
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </div>
        <FieldError name="kind" state={state} id={kindError} />
      </fieldset>
      <TextAreaField name="body" label={t("body")} hint={t("bodyHint")} state={state} rows={6} maxLength={4000} required />
      <TextField name="name" label={t("name")} state={state} autoComplete="name" />
      <TextField name="mobile" type="tel" label={t("mobile")} state={state} dir="ltr" autoComplete="tel" inputMode="tel" />
      <TextField name="email" type="email" label={t("email")} state={state} dir="ltr" autoComplete="email" />
      <TextField name="requestReference" label={t("requestReference")} hint={t("requestReferenceHint")} state={state} dir="ltr" autoComplete="off" />
      <Honeypot label={t("honeypot")} />
      <div>
        <SubmitButton>{t("send")}</SubmitButton>
      </div>
    </form>
  );
}
