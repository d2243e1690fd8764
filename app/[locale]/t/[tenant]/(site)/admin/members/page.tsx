import { getTranslations } from "next-intl/server";
import { InviteForm, MemberRolesForm, RemoveMemberForm, RevokeInvitationForm } from "@/components/admin/MemberForms";
import { requireMember } from "@/lib/auth/guard";
import { canGrant, ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatGregorian } from "@/lib/i18n/dates";
import { asLocale } from "@/lib/i18n/routing";
import { listMembers, listOpenInvitations } from "@/lib/members/service";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("members.title");

export default async function MembersPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("members.view");
  const t = await getTranslations();
  const db = await getDb();
  const associationId = member.tenant.id;
  const manage = member.permissions.has("members.manage");
  const [members, invitations] = await Promise.all([listMembers(db, associationId), manage ? listOpenInvitations(db, associationId) : []]);
  const grantable = ROLES.filter((role) => canGrant(member.roles, role));
  const rolesText = (roles: readonly string[]) => roles.map((r) => t(`roles.${r}`)).join(locale === "ar" ? "، " : ", ");

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("members.title")}</h1>
      {!manage && <p className="mt-2 text-stone-700">{t("members.readOnly")}</p>}

      <section aria-labelledby="members-list" className="mt-6">
        <h2 id="members-list" className="text-lg font-semibold">{t("members.listTitle")}</h2>
        <ul className="mt-3 flex flex-col gap-3">
          {members.map((m) => {
            const label = m.user.name ?? m.user.email;
            return (
              <li key={m.userId} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="member">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold">
                    {label} {m.userId === member.user.id && <span className="text-sm font-normal text-stone-500">({t("members.you")})</span>}
                  </p>
                  <p className="text-sm text-stone-600" dir="ltr">{m.user.email}</p>
                </div>
                <p className="mt-1 text-sm text-stone-700">
                  {rolesText(m.roles)}
                  {m.isChair && ` — ${t("roles.chair")}`}
                </p>
                {manage && (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium underline">{t("members.edit")}</summary>
                    <div className="mt-3 flex flex-col gap-4">
                      <MemberRolesForm userId={m.userId} roles={m.roles} isChair={m.isChair} grantable={grantable} label={`${t("members.roles")}: ${label}`} />
                      <RemoveMemberForm userId={m.userId} label={`${t("members.remove")}: ${label}`} />
                    </div>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {manage && (
        <>
          <section aria-labelledby="pending" className="mt-8">
            <h2 id="pending" className="text-lg font-semibold">{t("members.pendingTitle")}</h2>
            {invitations.length === 0 ? (
              <p className="mt-2 text-stone-600">{t("members.noPending")}</p>
            ) : (
              <ul className="mt-3 flex flex-col gap-2">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
                    <span>
                      <span dir="ltr">{inv.email}</span> — {rolesText(inv.roles)} — {t("members.expires", { date: formatGregorian(inv.expiresAt, locale) })}
                    </span>
                    <RevokeInvitationForm invitationId={inv.id} label={`${t("members.revoke")}: ${inv.email}`} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="invite" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="invite" className="mb-4 text-lg font-semibold">{t("members.inviteTitle")}</h2>
            <InviteForm grantable={grantable} />
          </section>
        </>
      )}
    </main>
  );
}
