import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { StartDraftButton } from "@/components/policy/StartDraftButton";
import { QuorumForm } from "@/components/policy/WorkflowForms";
import { StatusBadge } from "@/components/policy/StatusBadge";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { attestAction, publishAction, submitDraftAction, withdrawAction } from "@/lib/policy/actions";
import { attestationCoverage, lastRejection, policyOverview } from "@/lib/policy/console";

export const generateMetadata = pageTitle("policyAdmin.title");

type Props = { params: Promise<{ locale: string }> };

/** The policy's life in the console: what is in force, what is in the works, every version. */
export default async function PolicyConsole({ params }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("policy.view");
  const t = await getTranslations("policyAdmin");
  const db = await getDb();
  const associationId = member.tenant.id;
  const { versions, published, open, approved } = await policyOverview(db, associationId);
  const association = await db.association.findUniqueOrThrow({ where: { id: associationId }, select: { boardQuorum: true } });
  const rejection = open && (await lastRejection(db, associationId, open));
  const coverage = published ? await attestationCoverage(db, associationId, published.id) : [];
  const can = (p: Parameters<typeof member.permissions.has>[0]) => member.permissions.has(p);
  const myAttestation = coverage.find((c) => c.userId === member.user.id);

  return (
    <main id="main" className="space-y-6 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>

      <section aria-labelledby="current" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="current" className="font-semibold">{t("current")}</h2>
        {published ? (
          <p className="mt-2 text-sm">
            {t("publishedVersion", { number: published.number, date: formatDateTime(published.publishedAt ?? published.createdAt, locale) })}{" "}
            <Link href="/" className="underline">{t("viewPublic")}</Link>
          </p>
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t("nonePublished")}</p>
        )}
        {myAttestation && !myAttestation.attestedAt && published && (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
            <p className="mb-2">{t("attestPrompt", { number: published.number })}</p>
            <ButtonForm action={attestAction} fields={{ versionId: published.id }} label={t("attest")} variant="secondary">
              {t("attest")}
            </ButtonForm>
          </div>
        )}
      </section>

      <section aria-labelledby="work" className="rounded-lg border border-stone-200 bg-white p-5" data-testid="policy-work">
        <h2 id="work" className="font-semibold">{t("inTheWorks")}</h2>
        {open ? (
          <div className="mt-2 space-y-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              {t("versionNumber", { number: open.number })} <StatusBadge status={open.status} />
            </p>
            {rejection && (
              <div className="rounded-md border border-red-200 bg-red-50 p-3" data-testid="rejection">
                <p className="font-medium">{t("sentBack", { session: rejection.decision.sessionNumber })}</p>
                <ul className="mt-2 list-disc space-y-1 ps-5">
                  {rejection.comments.map((c, i) => (
                    <li key={i}>
                      <span className="font-medium">{c.name}:</span> {c.comment}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="flex flex-wrap items-start gap-3">
              {open.status === "DRAFT" && can("policy.edit") && (
                <Link href="/admin/policy/edit" className="rounded-md bg-[var(--brand)] px-4 py-2 font-semibold text-white">
                  {t("continueEditing")}
                </Link>
              )}
              {published && (
                <Link href={`/admin/policy/compare?from=${published.number}&to=${open.number}`} className="rounded-md border border-stone-300 px-4 py-2 font-medium">
                  {t("compareWithPublished")}
                </Link>
              )}
              {open.status === "DRAFT" && can("policy.submit") && (
                <ButtonForm action={submitDraftAction} fields={{ versionId: open.id }} label={t("submit")} variant="secondary">
                  {t("submit")}
                </ButtonForm>
              )}
              {open.status === "PENDING_APPROVAL" && can("policy.submit") && (
                <ButtonForm action={withdrawAction} fields={{ versionId: open.id }} label={t("withdraw")} variant="secondary">
                  {t("withdraw")}
                </ButtonForm>
              )}
            </div>
            {open.status === "PENDING_APPROVAL" && <p className="text-stone-600">{t("pendingHint")}</p>}
          </div>
        ) : approved ? (
          <div className="mt-2 space-y-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              {t("versionNumber", { number: approved.number })} <StatusBadge status={approved.status} />
            </p>
            {can("policy.submit") && (
              <ButtonForm action={publishAction} fields={{ versionId: approved.id }} label={t("publish")} variant="secondary">
                {t("publish")}
              </ButtonForm>
            )}
          </div>
        ) : (
          <div className="mt-2 space-y-3 text-sm">
            <p className="text-stone-600">{t("noDraft")}</p>
            {can("policy.edit") && published && (
              <StartDraftButton label={t("startDraft")} />
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="history" className="rounded-lg border border-stone-200 bg-white p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="history" className="font-semibold">{t("history")}</h2>
          {versions.length > 1 && (
            <Link href="/admin/policy/compare" className="text-sm underline">{t("compareAny")}</Link>
          )}
        </div>
        <ol className="mt-3 divide-y divide-stone-100" data-testid="version-history">
          {versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <span className="font-semibold">{t("versionNumber", { number: v.number })}</span>
              <StatusBadge status={v.status} />
              <span className="text-stone-600">
                {v.createdBy ? t("startedBy", { name: v.createdBy, date: formatDateTime(v.createdAt, locale) }) : t("imported", { date: formatDateTime(v.createdAt, locale) })}
              </span>
              {v.boardDecisions.map((d, i) => (
                <span key={i} className="text-stone-600">
                  {t(d.outcome === "APPROVED" ? "approvedInSession" : "rejectedInSession", { session: d.sessionNumber })}
                </span>
              ))}
              {v.publishedAt && <span className="text-stone-600">{t("publishedAt", { date: formatDateTime(v.publishedAt, locale) })}</span>}
            </li>
          ))}
        </ol>
      </section>

      {published && coverage.length > 0 && (
        <section aria-labelledby="attestations" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="attestations" className="font-semibold">{t("attestations", { number: published.number })}</h2>
          <p className="mt-1 text-sm text-stone-600">
            {t("attestationCount", { done: coverage.filter((c) => c.attestedAt).length, total: coverage.length })}
          </p>
          <ul className="mt-3 divide-y divide-stone-100 text-sm" data-testid="attestation-list">
            {coverage.map((c) => (
              <li key={c.userId} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{c.name}</span>
                <span className={c.attestedAt ? "text-emerald-800" : "text-amber-800"}>
                  {c.attestedAt ? t("attestedOn", { date: formatDateTime(c.attestedAt, locale) }) : t("notAttested")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {can("policy.edit") && (
        <section aria-labelledby="quorum" className="rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="quorum" className="font-semibold">{t("quorumTitle")}</h2>
          <p className="mt-1 text-sm text-stone-600">{t("quorumHint")}</p>
          <QuorumForm current={association.boardQuorum} />
        </section>
      )}
    </main>
  );
}
