"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FieldError, FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { addDomainAction, createAssociationAction, registerAssociationAction, setStatusAction } from "@/lib/associations/actions";
import { initialFormState } from "@/lib/auth/form";

/** Registration (public) and the operator's "create association" share this form. */
export function AssociationForm({ mode, exampleHost, templates }: { mode: "register" | "console"; exampleHost: string; templates: readonly string[] }) {
  const t = useTranslations("register");
  const tc = useTranslations("console");
  const [state, action] = useActionState(mode === "register" ? registerAssociationAction : createAssociationAction, initialFormState);
  const echoedTemplate = state.values?.template;
  const current = state.ok ? {} : state;
  return (
    <form action={action} noValidate className="flex flex-col gap-4" key={state.ok ? "done" : "editing"}>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="nameAr" required dir="rtl" lang="ar" label={t("nameAr")} state={current} />
        <TextField name="nameEn" required dir="ltr" lang="en" label={t("nameEn")} state={current} />
        <TextField name="registrationNumber" required inputMode="numeric" dir="ltr" label={t("registrationNumber")} state={current} />
        <TextField name="adminEmail" type="email" required dir="ltr" autoComplete="email" label={t("adminEmail")} state={current} />
        <TextField name="supervisingBodyAr" required dir="rtl" lang="ar" label={t("supervisingBodyAr")} state={current} />
        <TextField name="supervisingBodyEn" dir="ltr" lang="en" label={t("supervisingBodyEn")} state={current} />
      </div>
      <TextField
        name="slug"
        required
        dir="ltr"
        autoCapitalize="off"
        spellCheck={false}
        pattern="[a-z0-9-]{3,63}"
        label={t("slug")}
        hint={t("slugHelp", { example: exampleHost })}
        state={current}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-stone-800">{t("template")}</legend>
        {templates.map((key, index) => (
          <label key={key} className="flex items-start gap-2 rounded-md border border-stone-200 p-3 text-sm has-[:checked]:border-[var(--brand,#0f766e)] has-[:checked]:bg-stone-50">
            <input type="radio" name="template" value={key} defaultChecked={echoedTemplate ? echoedTemplate === key : index === 0} className="mt-0.5 size-4" />
            {t(`templates.${key}`)}
          </label>
        ))}
        <FieldError name="template" state={current} />
      </fieldset>
      <div>
        <SubmitButton>{mode === "register" ? t("submit") : tc("create")}</SubmitButton>
      </div>
    </form>
  );
}

export function StatusForm({ associationId, status, label }: { associationId: string; status: "ACTIVE" | "SUSPENDED"; label: string }) {
  const t = useTranslations("console");
  const suspend = status === "ACTIVE";
  return (
    <ButtonForm action={setStatusAction} fields={{ associationId, status: suspend ? "SUSPENDED" : "ACTIVE" }} label={label} variant={suspend ? "danger" : "secondary"}>
      {suspend ? t("suspend") : t("reactivate")}
    </ButtonForm>
  );
}

export function DomainForm({ associationId, label }: { associationId: string; label: string }) {
  const t = useTranslations("console");
  const [state, action] = useActionState(addDomainAction, initialFormState);
  return (
    <form action={action} aria-label={label} className="flex flex-col gap-2" key={state.ok ? "added" : "editing"}>
      <input type="hidden" name="associationId" value={associationId} />
      <TextField name="hostname" dir="ltr" placeholder="www.example.org" label={t("hostname")} state={state.ok ? {} : state} />
      <div>
        <SubmitButton variant="secondary">{t("addDomain")}</SubmitButton>
      </div>
      <FormAlert state={state} />
    </form>
  );
}
