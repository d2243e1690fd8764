import { getTranslations, setRequestLocale } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/ActionForms";
import { AuthCard } from "@/components/auth/AuthCard";
import { isResetTokenOpen } from "@/lib/auth/reset";
import { getDb } from "@/lib/db";
import { asLocale } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("auth.resetTitle");

export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(asLocale(locale));
  const t = await getTranslations();
  const open = await isResetTokenOpen(await getDb(), token);
  return (
    <AuthCard title={t("auth.resetTitle")}>
      {open ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="flex flex-col gap-4">
          <p role="alert" className="text-red-800">{t("errors.RESET_INVALID")}</p>
          <Link href="/forgot-password" className="font-semibold underline">
            {t("auth.forgotTitle")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
