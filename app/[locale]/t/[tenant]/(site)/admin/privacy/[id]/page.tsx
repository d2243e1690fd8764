import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CloseRequestForm, EraseForm } from "@/components/pdpl/PrivacyForms";
import { requireMember } from "@/lib/auth/guard";
import { clientIp } from "@/lib/auth/site";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { exportForEntry } from "@/lib/pdpl/export";
import { formatSaudiMobile } from "@/lib/requests/phone";
import { Row } from "@/components/ui/Row";

export const generateMetadata = pageTitle("privacy.subject.title");

type Props = { params: Promise<{ locale: string; id: string }> };

const card = "rounded-lg border border-stone-200 bg-white p-4 sm:p-5";

const when = (date: Date | null, locale: "ar" | "en") => (date ? formatDateTime(date, locale) : "—");

/** The readable export: everything this association holds about a data request's subject, then
 * the actions that answer the request (erase, or close). Viewing it is audited. */
export default async function SubjectPage({ params }: Props) {
  const { locale: rawLocale, id } = await params;
  const locale = asLocale(rawLocale);
  const member = await requireMember("privacy.manage");
  const db = await getDb();
  const result = await exportForEntry(db, member.tenant.id, id, { actorId: member.user.id, ip: clientIp(await headers()), format: "page" }).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { entry, data, found } = result;
  const t = await getTranslations("privacy");
  const tr = await getTranslations("requests");
  const tc = await getTranslations("complaints");
  const eventLabel = (type: string) => (tr.has(`events.${type}`) ? tr(`events.${type}`, { name: "—", position: "", choice: "" }) : type);
  const nothing = data.requests.length + data.complaints.length === 0;

  return (
    <main id="main" className="space-y-4 py-6">
      <p><Link href="/admin/privacy" className="text-sm underline">{t("subject.back")}</Link></p>
      <h1 className="text-2xl font-bold">{t("subject.title")}</h1>
      <section className={card} aria-labelledby="entry">
        <h2 id="entry" className="text-lg font-semibold">
          {t("log.entryLabel", { kind: t(`kind.${entry.kind}`), date: formatDualDate(entry.receivedOn, locale) })}
          <span className="ms-2 rounded bg-stone-100 px-2 py-0.5 text-xs font-normal">{t(`status.${entry.status}`)}</span>
        </h2>
        <dl className="mt-3 space-y-2 text-sm">
          {entry.subjectName && <Row label={tr("detail.name")}><bdi>{entry.subjectName}</bdi></Row>}
          {entry.subjectIdNumber && <Row label={t("log.idNumber")}><span dir="ltr">{entry.subjectIdNumber}</span></Row>}
          {entry.subjectPhone && <Row label={t("log.mobile")}><span dir="ltr">{formatSaudiMobile(entry.subjectPhone)}</span></Row>}
          {entry.subjectReference && <Row label={t("log.reference")}><span dir="ltr">{entry.subjectReference}</span></Row>}
          <Row label={t("log.dueLabel")}>{formatDualDate(entry.dueOn, locale)}</Row>
        </dl>
        <p className="mt-3 flex flex-wrap items-center gap-3">
          <a href={`/api/admin/privacy/export?id=${entry.id}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-semibold" download>
            {t("subject.download")}
          </a>
          <span className="text-xs text-stone-600">{t("subject.exportNote")}</span>
        </p>
      </section>

      <section className={card} aria-labelledby="held-requests">
        <h2 id="held-requests" className="text-lg font-semibold">{t("subject.requests")} ({data.requests.length})</h2>
        {nothing && <p className="mt-2 text-stone-600">{t("subject.none")}</p>}
        <div className="mt-3 space-y-4">
          {data.requests.map((r) => (
            <article key={r.reference} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="held-request">
              <h3 className="font-semibold">
                <Link href={`/admin/requests/${r.reference}`} className="underline" dir="ltr">{r.reference}</Link>
                <span className="ms-2 font-normal text-stone-700">{tr(`status.${r.status}`)}</span>
              </h3>
              <dl className="mt-2 space-y-1.5">
                <Row label={tr("detail.name")}><bdi>{r.applicantName}</bdi></Row>
                <Row label={tr("detail.idNumber")}><span dir="ltr">{r.idNumber}</span></Row>
                <Row label={tr("detail.phone")}><span dir="ltr">{formatSaudiMobile(r.phone)}</span></Row>
                {r.email && <Row label={tr("detail.email")}><span dir="ltr">{r.email}</span></Row>}
                <Row label={tr("detail.city")}>{r.city}</Row>
                <Row label={tr("detail.household")}>{r.householdSize}</Row>
                <Row label={tr("detail.description")}><span dir="auto" className="whitespace-pre-wrap">{r.description}</span></Row>
                <Row label={tr("detail.submittedAt")}>{when(r.submittedAt, locale)}</Row>
                {r.decision && <Row label={tr("detail.decisionTitle")}>{tr(`choice.${r.decision}`)}{r.decisionReason && <> — <span dir="auto">{r.decisionReason}</span></>}</Row>}
              </dl>
              <h4 className="mt-3 font-semibold">{t("subject.consents")}</h4>
              <ul className="mt-1 list-disc space-y-0.5 ps-5">
                <li>
                  {r.consents.privacyNoticeDate
                    ? tr("detail.noticeVersion", { version: r.consents.privacyNoticeVersion, date: formatDualDate(r.consents.privacyNoticeDate, locale) })
                    : tr("detail.noticeMissing", { version: r.consents.privacyNoticeVersion })}
                </li>
                <li>{tr("detail.healthConsent")}: {r.consents.healthConsent === null ? tr("detail.healthNotAsked") : r.consents.healthConsent ? tr("detail.healthYes") : tr("detail.healthNo")}</li>
                <li>{tr("detail.accuracy", { at: when(r.consents.accuracyDeclaredAt, locale) })}</li>
                <li>{t("subject.trackingCodes", { count: r.trackingCodes.count })}</li>
              </ul>
              <details className="mt-3">
                <summary className="cursor-pointer font-semibold">{t("subject.events")} ({r.events.length})</summary>
                <ol className="mt-2 space-y-1 border-s-2 border-stone-200 ps-3">
                  {r.events.map((e, i) => {
                    const d = (e.data ?? {}) as { text?: string; reason?: string };
                    return (
                      <li key={i}>
                        {eventLabel(e.type)} <span className="text-stone-600">· {when(e.createdAt, locale)}</span>
                        {(d.text ?? d.reason) && <p dir="auto" className="whitespace-pre-wrap text-stone-700">{d.text ?? d.reason}</p>}
                      </li>
                    );
                  })}
                </ol>
              </details>
              <details className="mt-2">
                <summary className="cursor-pointer font-semibold">{t("subject.steps")} ({r.steps.length})</summary>
                <ol className="mt-2 list-decimal space-y-0.5 ps-5">
                  {r.steps.map((s) => (
                    <li key={s.position}>{(locale === "en" && s.textEn) || s.textAr} <span className="text-stone-600">· {when(s.doneAt, locale)}</span></li>
                  ))}
                </ol>
              </details>
              {r.committeeVotes.length > 0 && (
                <>
                  <h4 className="mt-3 font-semibold">{t("subject.votes")}</h4>
                  <ul className="mt-1 list-disc ps-5">
                    {r.committeeVotes.map((v, i) => (
                      <li key={i}>{tr(`choice.${v.choice}`)} · {when(v.createdAt, locale)}{v.reason && <> — <span dir="auto">{v.reason}</span></>}</li>
                    ))}
                  </ul>
                </>
              )}
              {r.surveyResponses.length > 0 && (
                <>
                  <h4 className="mt-3 font-semibold">{t("subject.surveys")}</h4>
                  <ul className="mt-1 list-disc ps-5">
                    {r.surveyResponses.map((s, i) => (
                      <li key={i} className="break-words"><bdi>{s.survey}</bdi> · {s.month} · <code dir="ltr" className="text-xs">{JSON.stringify(s.answers)}</code></li>
                    ))}
                  </ul>
                </>
              )}
            </article>
          ))}
        </div>
      </section>

      {data.complaints.length > 0 && (
        <section className={card} aria-labelledby="held-complaints">
          <h2 id="held-complaints" className="text-lg font-semibold">{t("subject.complaints")} ({data.complaints.length})</h2>
          <ul className="mt-3 space-y-3 text-sm">
            {data.complaints.map((c) => (
              <li key={c.reference} className="rounded-md border border-stone-200 p-3" data-testid="held-complaint">
                <p className="font-semibold"><span dir="ltr">{c.reference}</span> · {tc(`status.${c.status}`)} · {when(c.createdAt, locale)}</p>
                <p className="mt-1"><bdi>{c.name ?? t("subject.anonymous")}</bdi>{c.phone && <span dir="ltr" className="ms-2">{formatSaudiMobile(c.phone)}</span>}{c.email && <span dir="ltr" className="ms-2">{c.email}</span>}</p>
                <p dir="auto" className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
                {c.replies.length > 0 && <p className="mt-1 text-stone-700">{t("subject.replies")}: {c.replies.length}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.messages.length > 0 && (
        <section className={card} aria-labelledby="held-messages">
          <h2 id="held-messages" className="text-lg font-semibold">{t("subject.messages")} ({data.messages.length})</h2>
          <ul className="mt-2 list-disc space-y-0.5 ps-5 text-sm">
            {data.messages.map((m, i) => (
              <li key={i}><span dir="ltr">{m.channel} · {m.template}</span> · {when(m.createdAt, locale)}</li>
            ))}
          </ul>
        </section>
      )}

      {entry.status !== "OPEN" && entry.closedAt && (
        // After erasure or closing the page refreshes: this is what the admin then sees.
        <p role="status" data-testid="entry-closed" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("log.closedOn", { status: t(`status.${entry.status}`), date: formatDualDate(entry.closedAt, locale) })}
        </p>
      )}
      {entry.status === "OPEN" && (
        <div className="grid gap-4 lg:grid-cols-2">
          <section className={card} aria-labelledby="erase">
            <h2 id="erase" className="mb-3 text-lg font-semibold">{t("erase.title")}</h2>
            {nothing ? (
              <p className="text-sm text-stone-600">{t("erase.nothing")}</p>
            ) : (
              <details>
                <summary className="cursor-pointer text-sm font-medium text-red-800 underline">{t("erase.submit")}</summary>
                <div className="mt-3">
                  <EraseForm id={entry.id} requests={found.requestIds.length} complaints={found.complaintIds.length} />
                </div>
              </details>
            )}
          </section>
          <section className={card} aria-labelledby="close">
            <h2 id="close" className="mb-3 text-lg font-semibold">{t("close.title")}</h2>
            <CloseRequestForm id={entry.id} />
          </section>
        </div>
      )}
    </main>
  );
}
