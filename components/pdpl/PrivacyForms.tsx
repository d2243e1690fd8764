"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormAlert, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { closeDataRequestAction, eraseSubjectAction, logDataRequestAction, setRetentionAction } from "@/lib/pdpl/actions";
import { CLOSING_STATUSES, DATA_REQUEST_KINDS } from "@/lib/pdpl/schema";

// The privacy page's forms (admins): log a data-subject request, close it, erase its subject
// after an explicit confirmation, and the retention rule. Errors are message keys.

export function LogRequestForm({ today }: { today: string }) {
  const t = useTranslations("privacy");
  const [state, action] = useActionState(logDataRequestAction, initialFormState);
  // After success React resets the form: the defaults come back for the next entry.
  const shown = state.ok ? { ...state, values: undefined } : state;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("log.add")}>
      <FormAlert state={shown} />
      <SelectField name="kind" label={t("log.kind")} state={shown} defaultValue="ACCESS">
        {DATA_REQUEST_KINDS.map((kind) => (
          <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>
        ))}
      </SelectField>
      <TextField name="subjectName" label={t("log.subjectName")} state={shown} autoComplete="off" dir="auto" />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm text-stone-700">{t("log.subjectHint")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="idNumber" label={t("log.idNumber")} state={shown} inputMode="numeric" autoComplete="off" dir="ltr" />
          <TextField name="mobile" label={t("log.mobile")} state={shown} type="tel" autoComplete="off" dir="ltr" />
          <TextField name="reference" label={t("log.reference")} state={shown} autoComplete="off" dir="ltr" placeholder="1448-00042" />
        </div>
      </fieldset>
      <div className="max-w-xs">
        <TextField name="receivedOn" label={t("log.receivedOn")} state={shown} type="date" defaultValue={today} max={today} dir="ltr" />
      </div>
      <TextAreaField name="note" label={t("log.note")} state={shown} rows={2} dir="auto" />
      <div>
        <SubmitButton>{t("log.submit")}</SubmitButton>
      </div>
    </form>
  );
}

export function CloseRequestForm({ id }: { id: string }) {
  const t = useTranslations("privacy");
  const [state, action] = useActionState(closeDataRequestAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("close.title")}>
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      <RadioGroup name="status" legend={t("close.status")} state={state} options={CLOSING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <TextAreaField name="note" label={t("close.note")} state={state} rows={2} dir="auto" />
      <div>
        <SubmitButton variant="secondary">{t("close.submit")}</SubmitButton>
      </div>
    </form>
  );
}

/** Irreversible: the admin opens the step, reads what will happen, and ticks a confirmation. */
export function EraseForm({ id, requests, complaints }: { id: string; requests: number; complaints: number }) {
  const t = useTranslations("privacy.erase");
  const [state, action] = useActionState(eraseSubjectAction, initialFormState);
  if (state.ok) return <FormAlert state={state} />;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <input type="hidden" name="id" value={id} />
      <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{t("explain", { requests, complaints })}</p>
      <FormAlert state={state} />
      <label className="flex items-start gap-2 text-sm font-medium">
        <input type="checkbox" name="confirm" className="mt-0.5 size-4 shrink-0" aria-invalid={state.fieldErrors?.confirm ? true : undefined} />
        <span>{t("confirm")}</span>
      </label>
      <FieldError name="confirm" state={state} />
      <div>
        <SubmitButton variant="danger">{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

export function RetentionForm({ current }: { current: number | null }) {
  const t = useTranslations("privacy.retention");
  const [state, action] = useActionState(setRetentionAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("title")}>
      <FormAlert state={state} />
      <div className="max-w-xs">
        <TextField name="years" label={t("years")} hint={t("hint")} state={state} inputMode="numeric" defaultValue={current ?? ""} dir="ltr" />
      </div>
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
