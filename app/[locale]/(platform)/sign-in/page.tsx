import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { PlatformBar } from "@/components/console/PlatformBar";
import { safeNext } from "@/lib/auth/form";
import { getSessionUser } from "@/lib/auth/session";
import { asLocale, localizedPath } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("auth.signInTitle");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> };

/** Operators sign in on the root domain. */
export default async function PlatformSignInPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  setRequestLocale(locale);
  const { next } = await searchParams;
  const consolePath = localizedPath(locale, "/console");
  if ((await getSessionUser())?.isOperator) redirect(safeNext(next, consolePath));
  const t = await getTranslations("auth");
  return (
    <>
      <PlatformBar />
      <AuthCard title={t("signInTitle")} intro={t("platformSignInIntro")}>
        <SignInForm next={next} fallback={consolePath} />
      </AuthCard>
    </>
  );
}
