import { getTranslations } from "next-intl/server";
import { AttestationNotice } from "@/components/requests/AttestationNotice";
import { IntakeForm } from "@/components/requests/IntakeForm";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { needsAttestation } from "@/lib/policy/console";
import { intakeFormData } from "@/lib/requests/settings";

export const generateMetadata = pageTitle("intake.staffTitle");

type Props = { params: Promise<{ locale: string }> };

/** Staff: an officer enters a walk-in, phone or letter request through the same form. */
export default async function NewRequestPage({ params }: Props) {
  const member = await requireMember("requests.handle");
  const locale = asLocale((await params).locale);
  const t = await getTranslations("intake");
  const db = await getDb();
  const associationId = member.tenant.id;
  const [toAttest, form] = await Promise.all([
    needsAttestation(db, associationId, member.user.id, member.roles),
    intakeFormData(db, associationId, locale),
  ]);
  return (
    <main id="main" className="mx-auto w-full max-w-2xl py-6">
      <h1 className="text-2xl font-bold">{t("staffTitle")}</h1>
      {toAttest ? (
        <AttestationNotice message={t("notAttested", { number: toAttest.number })} />
      ) : form ? (
        <>
          <p className="mt-2 mb-6 text-stone-700">{t("staffIntro")}</p>
          <IntakeForm {...form} staff />
        </>
      ) : (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">{t("noPolicy")}</p>
      )}
    </main>
  );
}
