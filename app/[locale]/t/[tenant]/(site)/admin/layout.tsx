import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { requireMember } from "@/lib/auth/guard";
import { asLocale, localizedPath } from "@/lib/i18n/routing";
import { Link } from "@/lib/i18n/navigation";
import type { Permission } from "@/lib/auth/permissions";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

const NAV: { href: string; key: string; permission: Permission }[] = [
  { href: "/admin", key: "home", permission: "console.view" },
  { href: "/admin/requests", key: "requests", permission: "requests.view" },
  { href: "/admin/complaints", key: "complaints", permission: "complaints.manage" },
  { href: "/admin/reports", key: "reports", permission: "reports.view" },
  { href: "/admin/surveys", key: "surveys", permission: "surveys.view" },
  { href: "/admin/evidence", key: "evidence", permission: "evidence.view" },
  { href: "/admin/policy", key: "policy", permission: "policy.view" },
  { href: "/board", key: "board", permission: "policy.vote" },
  { href: "/admin/members", key: "members", permission: "members.view" },
  { href: "/admin/settings", key: "settings", permission: "intake.configure" },
  { href: "/admin/privacy", key: "privacy", permission: "privacy.manage" },
  { href: "/admin/billing", key: "billing", permission: "billing.manage" },
  { href: "/admin/audit", key: "audit", permission: "audit.view" },
  { href: "/admin/outbox", key: "outbox", permission: "outbox.view" },
];

/** The association's console: members only (the guard sends others to sign-in or a 404). */
export default async function AdminLayout({ children, params }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("console.view");
  const t = await getTranslations();
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-6 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3 print:hidden">
        <nav aria-label={t("admin.navLabel")}>
          <ul className="flex flex-wrap gap-1">
            {NAV.filter((item) => member.permissions.has(item.permission)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded-md px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100">
                  {t(`admin.nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm text-stone-600">
          <span dir="ltr">{member.user.email}</span>
          <SignOutButton to={localizedPath(locale, "/")} />
        </div>
      </div>
      {children}
    </div>
  );
}
