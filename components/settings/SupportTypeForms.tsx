"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import {
  addSupportTypeAction,
  moveSupportTypeAction,
  renameSupportTypeAction,
  setSupportTypeActiveAction,
} from "@/lib/associations/intake-settings-actions";
import { initialFormState } from "@/lib/auth/form";

// The association's support types: add, rename, reorder, deactivate/reactivate (never delete).

export type SupportTypeRow = { key: string; labelAr: string; labelEn: string | null; active: boolean };

export function AddSupportTypeForm() {
  const t = useTranslations("settings.types");
  const [state, action] = useActionState(addSupportTypeAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("addTitle")}>
      <FormAlert state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="labelAr" label={t("labelAr")} state={state} dir="rtl" />
        <TextField name="labelEn" label={t("labelEn")} state={state} dir="ltr" hint={t("keyHint")} />
      </div>
      <div>
        <SubmitButton variant="secondary">{t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function RenameSupportTypeForm({ type, label }: { type: SupportTypeRow; label: string }) {
  const t = useTranslations("settings.types");
  const [state, action] = useActionState(renameSupportTypeAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("renameLabel", { label })}>
      <FormAlert state={state} />
      <input type="hidden" name="key" value={type.key} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="labelAr" label={t("labelAr")} state={state} defaultValue={type.labelAr} dir="rtl" />
        <TextField name="labelEn" label={t("labelEn")} state={state} defaultValue={type.labelEn ?? ""} dir="ltr" />
      </div>
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

/** Up, down and deactivate/reactivate: each a one-button form whose accessible name says which type. */
export function SupportTypeActions({ type, label, first, last }: { type: SupportTypeRow; label: string; first: boolean; last: boolean }) {
  const t = useTranslations("settings.types");
  const named = (visible: string, full: string) => (
    <>
      <span aria-hidden="true">{visible}</span>
      <span className="sr-only">{full}</span>
    </>
  );
  return (
    <div className="flex flex-wrap items-start gap-2">
      {!first && (
        <ButtonForm action={moveSupportTypeAction} fields={{ key: type.key, direction: "up" }} label={t("moveUp", { label })} variant="secondary">
          {named(`↑ ${t("up")}`, t("moveUp", { label }))}
        </ButtonForm>
      )}
      {!last && (
        <ButtonForm action={moveSupportTypeAction} fields={{ key: type.key, direction: "down" }} label={t("moveDown", { label })} variant="secondary">
          {named(`↓ ${t("down")}`, t("moveDown", { label }))}
        </ButtonForm>
      )}
      {type.active ? (
        <ButtonForm action={setSupportTypeActiveAction} fields={{ key: type.key, active: "false" }} label={t("deactivateLabel", { label })} variant="danger">
          {named(t("deactivate"), t("deactivateLabel", { label }))}
        </ButtonForm>
      ) : (
        <ButtonForm action={setSupportTypeActiveAction} fields={{ key: type.key, active: "true" }} label={t("reactivateLabel", { label })} variant="secondary">
          {named(t("reactivate"), t("reactivateLabel", { label }))}
        </ButtonForm>
      )}
    </div>
  );
}
