"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FieldError, FormAlert, SubmitButton } from "@/components/forms/fields";
import { savePrivacyNoticeAction } from "@/lib/associations/intake-settings-actions";
import { initialFormState, type FormState } from "@/lib/auth/form";

// Editing the privacy notice publishes a new version (the old one stays as applicants saw it).

export type NoticeTexts = { version: number; textAr: string; textEn: string | null; healthTextAr: string | null; healthTextEn: string | null };

function TextArea({ name, label, state, defaultValue, hint, dir, rows = 6 }: { name: string; label: string; state: FormState; defaultValue: string; hint?: string; dir: "rtl" | "ltr"; rows?: number }) {
  const id = useId();
  const error = state.fieldErrors?.[name];
  const echoed = state.values?.[name];
  const value = typeof echoed === "string" ? echoed : defaultValue;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        dir={dir}
        defaultValue={value}
        key={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
        className="w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base leading-relaxed aria-[invalid=true]:border-red-600"
      />
      {hint && <p id={`${id}-hint`} className="text-xs text-stone-600">{hint}</p>}
      <FieldError name={name} state={state} id={`${id}-error`} />
    </div>
  );
}

export function PrivacyNoticeForm({ current, healthRelated }: { current: NoticeTexts | null; healthRelated: boolean }) {
  const t = useTranslations("settings.privacy");
  const [state, action] = useActionState(savePrivacyNoticeAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("edit")}>
      <FormAlert state={state} />
      <p className="text-sm text-stone-700">{t("explain")}</p>
      <input type="hidden" name="baseVersion" value={current?.version ?? 0} />
      <TextArea name="textAr" label={t("textAr")} state={state} defaultValue={current?.textAr ?? ""} hint={t("minHint")} dir="rtl" />
      <TextArea name="textEn" label={t("textEn")} state={state} defaultValue={current?.textEn ?? ""} dir="ltr" />
      <TextArea
        name="healthTextAr"
        label={t("healthTextAr")}
        state={state}
        defaultValue={current?.healthTextAr ?? ""}
        hint={healthRelated ? t("healthRequired") : undefined}
        dir="rtl"
        rows={3}
      />
      <TextArea name="healthTextEn" label={t("healthTextEn")} state={state} defaultValue={current?.healthTextEn ?? ""} dir="ltr" rows={3} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
