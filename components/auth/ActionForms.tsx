"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { forgotPasswordAction, resetPasswordAction, acceptInvitationAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/auth/form";
import { Link } from "@/lib/i18n/navigation";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(forgotPasswordAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <TextField name="email" type="email" autoComplete="username" required label={t("email")} state={state} dir="ltr" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton>{t("forgotSubmit")}</SubmitButton>
        <Link href="/sign-in" className="text-sm underline">
          {t("backToSignIn")}
        </Link>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  if (state.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert state={state} />
        <Link href="/sign-in" className="font-semibold underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" autoComplete="new-password" required label={t("newPassword")} hint={t("passwordHint")} state={state} dir="ltr" />
      <TextField name="confirm" type="password" autoComplete="new-password" required label={t("confirmPassword")} state={state} dir="ltr" />
      <SubmitButton>{t("resetSubmit")}</SubmitButton>
    </form>
  );
}

/** Accepting an invitation: the server joins the user, then this form signs in with the same
 * password and opens the console. */
export function AcceptInvitationForm({ token, existingUser, consolePath }: { token: string; existingUser: boolean; consolePath: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(acceptInvitationAction, initialFormState);
  const password = useRef("");
  useEffect(() => {
    if (!state.ok || !state.data?.email) return;
    signIn("credentials", { email: state.data.email, password: password.current, redirect: false }).then(() =>
      window.location.assign(consolePath),
    );
  }, [state, consolePath]);

  return (
    <form action={action} noValidate className="flex flex-col gap-4" onSubmit={(e) => (password.current = String(new FormData(e.currentTarget).get("password") ?? ""))}>
      <FormAlert state={state.ok ? {} : state} />
      <p className="text-sm text-stone-700">{existingUser ? t("invite.existingAccount") : t("invite.newAccount")}</p>
      <input type="hidden" name="token" value={token} />
      {!existingUser && <TextField name="name" autoComplete="name" required label={t("invite.name")} state={state} />}
      <TextField
        name="password"
        type="password"
        autoComplete={existingUser ? "current-password" : "new-password"}
        required
        label={t("auth.password")}
        hint={existingUser ? undefined : t("auth.passwordHint")}
        state={state}
        dir="ltr"
      />
      <SubmitButton pending={state.ok ? true : undefined}>{t("invite.accept")}</SubmitButton>
    </form>
  );
}
