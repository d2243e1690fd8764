import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeNext } from "@/lib/auth/form";
import { getMember } from "@/lib/auth/guard";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale, localizedPath } from "@/lib/i18n/routing";
import { getTenant } from "@/lib/tenancy/current";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("auth.signInTitle");

type Props = { params: Promise<{ tenant: string; locale: string }>; searchParams: Promise<{ next?: string }> };

export default async function SignInPage({ params, searchParams }: Props) {
  const { tenant: key, locale: segment } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const { next } = await searchParams;
  const consolePath = localizedPath(locale, "/admin");
  if (await getMember()) redirect(safeNext(next, consolePath));
  const tenant = (await getTenant(key))!;
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signInTitle")} intro={t("signInIntro", { name: pickColumn(tenant.nameAr, tenant.nameEn, locale) })}>
      <SignInForm next={next} fallback={consolePath} />
    </AuthCard>
  );
}
