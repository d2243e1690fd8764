"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FieldError, FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";
import { ROLES } from "@/lib/auth/permissions";
import { changeRolesAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/lib/members/actions";

type Role = (typeof ROLES)[number];

function RolePicker({ state, selected, isChair, grantable }: { state: FormState; selected: readonly Role[]; isChair: boolean; grantable: readonly Role[] }) {
  const t = useTranslations();
  const echoed = state.values?.roles;
  const chosen = echoed === undefined ? selected : [echoed].flat();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-stone-800">{t("members.roles")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="roles" value={role} defaultChecked={chosen.includes(role)} disabled={!grantable.includes(role)} className="size-4" />
            {t(`roles.${role}`)}
          </label>
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isChair" defaultChecked={state.values?.isChair ? state.values.isChair === "on" : isChair} className="size-4" />
        {t("members.chair")}
      </label>
      <FieldError name="roles" state={state} />
    </fieldset>
  );
}

export function InviteForm({ grantable }: { grantable: readonly Role[] }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(inviteMemberAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("inviteTitle")}>
      <FormAlert state={state} />
      <TextField name="email" type="email" required label={t("email")} state={state.ok ? {} : state} dir="ltr" key={state.ok ? "sent" : "editing"} />
      <RolePicker state={state.ok ? {} : state} selected={[]} isChair={false} grantable={grantable} />
      <div>
        <SubmitButton>{t("invite")}</SubmitButton>
      </div>
    </form>
  );
}

export function MemberRolesForm({ userId, roles, isChair, grantable, label }: { userId: string; roles: readonly Role[]; isChair: boolean; grantable: readonly Role[]; label: string }) {
  const t = useTranslations("members");
  const [state, action] = useActionState(changeRolesAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={label}>
      <FormAlert state={state} />
      <input type="hidden" name="userId" value={userId} />
      <RolePicker state={state} selected={roles} isChair={isChair} grantable={grantable} />
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveMemberForm({ userId, label }: { userId: string; label: string }) {
  const t = useTranslations("members");
  return (
    <ButtonForm action={removeMemberAction} fields={{ userId }} label={label} variant="danger">
      {t("remove")}
    </ButtonForm>
  );
}

export function RevokeInvitationForm({ invitationId, label }: { invitationId: string; label: string }) {
  const t = useTranslations("members");
  return (
    <ButtonForm action={revokeInvitationAction} fields={{ invitationId }} label={label} variant="secondary">
      {t("revoke")}
    </ButtonForm>
  );
}
