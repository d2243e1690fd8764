import { getTranslations, setRequestLocale } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/ActionForms";
import { AuthCard } from "@/components/auth/AuthCard";
import { getDb } from "@/lib/db";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale, localizedPath } from "@/lib/i18n/routing";
import { findOpenInvitation } from "@/lib/members/invitations";
import { getTenant } from "@/lib/tenancy/current";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("invite.pageTitle");

type Props = { params: Promise<{ tenant: string; locale: string; token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { tenant: key, locale: segment, token } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = (await getTenant(key))!;
  const t = await getTranslations();
  const association = pickColumn(tenant.nameAr, tenant.nameEn, locale);
  // Looked up with this host's association: another association's token is simply not found.
  const invitation = await findOpenInvitation(await getDb(), tenant.id, token);
  if (!invitation) {
    return (
      <AuthCard title={t("invite.invalidTitle")}>
        <p role="alert" className="text-red-800">{t("errors.INVITATION_INVALID")}</p>
      </AuthCard>
    );
  }
  const roles = invitation.roles.map((role) => t(`roles.${role}`)).join(locale === "ar" ? "، " : ", ");
  return (
    <AuthCard title={t("invite.title", { association })} intro={t.rich("invite.intro", { email: invitation.email, roles, ltr: (chunks) => <bdi dir="ltr" className="break-all">{chunks}</bdi> })}>
      <AcceptInvitationForm token={token} existingUser={invitation.existingUser} consolePath={localizedPath(locale, "/admin")} />
    </AuthCard>
  );
}
