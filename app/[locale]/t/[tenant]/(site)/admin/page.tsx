import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { countMembers } from "@/lib/members/service";
import { needsAttestation } from "@/lib/policy/console";
import { policyRepository } from "@/lib/policy/repository";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("admin.consoleTitle");

export default async function ConsoleHome() {
  const member = await requireMember("console.view");
  const t = await getTranslations();
  const db = await getDb();
  const associationId = member.tenant.id;
  const [versions, memberCount, toAttest] = await Promise.all([
    policyRepository(db).listCurrentVersions(associationId),
    countMembers(db, associationId),
    needsAttestation(db, associationId, member.user.id, member.roles),
  ]);
  const published = versions.find((v) => v.status === "PUBLISHED");
  const draft = versions.find((v) => v.status !== "PUBLISHED");

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("admin.consoleTitle")}</h1>
      <p className="mt-1 text-stone-700">{t("admin.welcome", { name: member.user.name ?? member.user.email })}</p>
      {toAttest && (
        <p role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {t("admin.attestPrompt", { number: toAttest.number })}{" "}
          <Link href="/admin/policy" className="font-semibold underline">{t("admin.attestLink")}</Link>
        </p>
      )}
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="rounded-lg border border-stone-200 bg-white p-5" aria-labelledby="roles-title">
          <h2 id="roles-title" className="font-semibold">{t("admin.yourRoles")}</h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {member.roles.map((role) => (
              <li key={role} className="rounded-full bg-stone-100 px-3 py-1 text-sm">{t(`roles.${role}`)}</li>
            ))}
            {member.isChair && <li className="rounded-full bg-amber-100 px-3 py-1 text-sm">{t("roles.chair")}</li>}
          </ul>
          <p className="mt-3 text-sm text-stone-600">{t("admin.membersCount", { count: memberCount })}</p>
        </section>
        <section className="rounded-lg border border-stone-200 bg-white p-5" aria-labelledby="policy-title" data-testid="policy-status">
          <h2 id="policy-title" className="font-semibold">{t("admin.policyTitle")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {published && <li>{t("admin.policyPublished", { number: published.number })}</li>}
            {draft && <li>{t("admin.policyDraft", { number: draft.number })}</li>}
            {!published && !draft && <li>{t("admin.policyNone")}</li>}
          </ul>
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            <Link href="/admin/policy" className="underline">{t("admin.nav.policy")}</Link>
            {published && <Link href="/" className="underline">{t("admin.viewPublic")}</Link>}
          </p>
        </section>
      </div>
    </main>
  );
}
