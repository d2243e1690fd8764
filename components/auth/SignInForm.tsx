"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { safeNext, type FormState } from "@/lib/auth/form";
import { Link } from "@/lib/i18n/navigation";

export function SignInForm({ next, fallback }: { next?: string; fallback: string }) {
  const t = useTranslations("auth");
  const [state, setState] = useState<FormState>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    setPending(true);
    const result = await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(safeNext(next, fallback));
      return;
    }
    setPending(false);
    const code = result?.error === "RATE_LIMITED" ? "RATE_LIMITED" : "CredentialsSignin";
    setState({ error: `errors.${code}`, values: { email } });
  }

  return (
    // method="post": submitted before the script loads, the password must never land in the URL.
    <form onSubmit={submit} method="post" noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <TextField name="email" type="email" autoComplete="username" required label={t("email")} state={state} dir="ltr" />
      <TextField name="password" type="password" autoComplete="current-password" required label={t("password")} state={state} dir="ltr" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
        <Link href="/forgot-password" className="text-sm text-stone-700 underline">
          {t("forgot")}
        </Link>
      </div>
    </form>
  );
}
