"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton({ to }: { to: string }) {
  const t = useTranslations("auth");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: to })}
      className="rounded-md border border-current/30 px-3 py-1 text-sm hover:bg-black/5"
    >
      {t("signOut")}
    </button>
  );
}
