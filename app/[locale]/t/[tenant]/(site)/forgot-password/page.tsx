import { getTranslations, setRequestLocale } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/ActionForms";
import { AuthCard } from "@/components/auth/AuthCard";
import { asLocale } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("auth.forgotTitle");

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale(asLocale((await params).locale));
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("forgotTitle")} intro={t("forgotIntro")}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
