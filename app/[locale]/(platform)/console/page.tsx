import { getTranslations } from "next-intl/server";
import { AssociationForm, DomainForm, StatusForm } from "@/components/console/ConsoleForms";
import { listAssociations } from "@/lib/associations/service";
import { requireOperator } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale } from "@/lib/i18n/routing";
import { TEMPLATE_KEYS } from "@/lib/policy/templates";
import { siteHost, tenantUrl } from "@/lib/tenancy/urls";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("console.title");

export default async function ConsolePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  await requireOperator();
  const t = await getTranslations("console");
  const associations = await listAssociations(await getDb());
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="list" className="mt-6">
        <h2 id="list" className="text-lg font-semibold">{t("associations")}</h2>
        <ul className="mt-3 flex flex-col gap-3">
          {associations.map((a) => {
            const name = pickColumn(a.nameAr, a.nameEn, locale);
            return (
              <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="association">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-semibold">{name}</p>
                    <p className="text-sm text-stone-600">
                      <a href={tenantUrl(a.slug, locale)} dir="ltr" className="underline">{a.slug}</a> · {t(`statuses.${a.status}`)} · {t("counts")}: {a._count.memberships} / {a._count.policyVersions}
                    </p>
                    {a.domains.length > 0 && (
                      <p className="text-sm text-stone-600">
                        {t("domains")}: <span dir="ltr">{a.domains.map((d) => d.hostname).join(", ")}</span>
                      </p>
                    )}
                  </div>
                  <StatusForm associationId={a.id} status={a.status} label={`${t("status")}: ${name}`} />
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm underline">{t("addDomain")}</summary>
                  <div className="mt-2 max-w-sm">
                    <DomainForm associationId={a.id} label={`${t("addDomain")}: ${name}`} />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="create" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="create" className="mb-4 text-lg font-semibold">{t("createTitle")}</h2>
        <AssociationForm mode="console" exampleHost={siteHost("your-name")} templates={TEMPLATE_KEYS} />
      </section>
    </main>
  );
}
