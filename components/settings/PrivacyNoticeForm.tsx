"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { savePrivacyNoticeAction } from "@/lib/associations/intake-settings-actions";
import { initialFormState } from "@/lib/auth/form";

// Editing the privacy notice publishes a new version (the old one stays as applicants saw it).

export type NoticeTexts = { version: number; textAr: string; textEn: string | null; healthTextAr: string | null; healthTextEn: string | null };

export function PrivacyNoticeForm({ current, healthRelated }: { current: NoticeTexts | null; healthRelated: boolean }) {
  const t = useTranslations("settings.privacy");
  const [state, action] = useActionState(savePrivacyNoticeAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("edit")}>
      <FormAlert state={state} />
      <p className="text-sm text-stone-700">{t("explain")}</p>
      <input type="hidden" name="baseVersion" value={current?.version ?? 0} />
      <TextAreaField name="textAr" label={t("textAr")} state={state} defaultValue={current?.textAr ?? ""} hint={t("minHint")} dir="rtl" rows={6} />
      <TextAreaField name="textEn" label={t("textEn")} state={state} defaultValue={current?.textEn ?? ""} dir="ltr" rows={6} />
      <TextAreaField
        name="healthTextAr"
        label={t("healthTextAr")}
        state={state}
        defaultValue={current?.healthTextAr ?? ""}
        hint={healthRelated ? t("healthRequired") : undefined}
        dir="rtl"
        rows={3}
      />
      <TextAreaField name="healthTextEn" label={t("healthTextEn")} state={state} defaultValue={current?.healthTextEn ?? ""} dir="ltr" rows={3} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
