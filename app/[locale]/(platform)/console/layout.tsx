import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { PlatformBar } from "@/components/console/PlatformBar";
import { requireOperator } from "@/lib/auth/guard";
import { asLocale, localizedPath } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";

/** The operator console on the root domain. */
export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  const operator = await requireOperator();
  const t = await getTranslations("console");
  return (
    <>
      <PlatformBar>
        <span className="hidden text-sm text-stone-300 sm:inline" dir="ltr">{operator.email}</span>
        <SignOutButton to={localizedPath(locale, "/")} />
      </PlatformBar>
      <div className="mx-auto max-w-5xl px-4 py-6">
        <nav aria-label={t("title")} className="flex gap-2 border-b border-stone-200 pb-3 text-sm font-medium">
          <Link href="/console" className="rounded-md px-3 py-1.5 hover:bg-stone-100">{t("associations")}</Link>
          <Link href="/console/outbox" className="rounded-md px-3 py-1.5 hover:bg-stone-100">{t("outboxLink")}</Link>
        </nav>
        {children}
      </div>
    </>
  );
}
