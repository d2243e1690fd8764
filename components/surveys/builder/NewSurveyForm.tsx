"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { useRouter } from "@/lib/i18n/navigation";
import { createSurveyAction } from "@/lib/surveys/builder-actions";

/** Creates a survey from the default survey's questions and opens it in the builder. */
export function NewSurveyForm() {
  const t = useTranslations("surveys.builder.manage.new");
  const [state, run] = useActionState(createSurveyAction, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (state.ok && state.data?.surveyId) router.push(`/admin/surveys/${state.data.surveyId}/edit`);
  }, [state, router]);
  return (
    <form action={run} noValidate aria-label={t("title")} className="flex flex-col gap-3">
      <FormAlert state={state.ok ? {} : state} />
      <p className="text-sm text-stone-600">{t("hint")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <TextField name="titleAr" label={t("titleAr")} state={state} lang="ar" dir="rtl" required />
        <TextField name="titleEn" label={t("titleEn")} state={state} lang="en" dir="ltr" />
      </div>
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
