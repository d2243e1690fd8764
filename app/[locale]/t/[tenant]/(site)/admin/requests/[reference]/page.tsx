import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AttestationNotice } from "@/components/requests/AttestationNotice";
import { Checklist } from "@/components/requests/Checklist";
import { DeadlineBadge } from "@/components/requests/DeadlineBadge";
import { AssignForm, MoveButton, ReferForm, ResearchNoteForm, VoteForm } from "@/components/requests/RequestActions";
import { RequestStatusBadge } from "@/components/requests/RequestStatusBadge";
import { Timeline } from "@/components/requests/Timeline";
import { ConsentRecord } from "@/components/pdpl/ConsentRecord";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import { pickColumn, pickText } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { needsAttestation } from "@/lib/policy/console";
import { displayName, membersWithRole } from "@/lib/policy/repository";
import { isoDay, riyadhDay } from "@/lib/requests/due-date";
import { formatSaudiMobile } from "@/lib/requests/phone";
import { getRequest } from "@/lib/requests/queries";
import { isOpen } from "@/lib/requests/status";
import { consentRecord } from "@/lib/pdpl/consents";
import { Row } from "@/components/ui/Row";

export const generateMetadata = pageTitle("requests.title");

type Props = { params: Promise<{ locale: string; reference: string }> };

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function RequestPage({ params }: Props) {
  const { locale: rawLocale, reference } = await params;
  const locale = asLocale(rawLocale);
  const member = await requireMember("requests.view");
  const db = await getDb();
  const associationId = member.tenant.id;
  const [request, toAttest, staff] = await Promise.all([
    getRequest(db, associationId, decodeURIComponent(reference)),
    needsAttestation(db, associationId, member.user.id, member.roles),
    membersWithRole(db, associationId, ["OFFICER", "RESEARCHER"]),
  ]);
  if (!request) notFound();
  const consents = await consentRecord(db, associationId, request);
  const t = await getTranslations("requests");
  const now = new Date();
  const people = (role: Role) => staff.filter((m) => m.roles.includes(role)).map((m) => ({ userId: m.userId, name: displayName(m.user) }));
  const can = (permission: Parameters<typeof member.permissions.has>[0]) => !toAttest && member.permissions.has(permission);
  const { status } = request;
  const voted = request.votes.some((v) => v.userId === member.user.id);
  const actions = [
    can("requests.handle") && isOpen(status) && <AssignForm key="assign" requestId={request.id} officers={people("OFFICER")} current={request.assigneeId} />,
    can("requests.handle") && status === "RECEIVED" && <ReferForm key="refer" requestId={request.id} researchers={people("RESEARCHER")} />,
    (can("requests.handle") || can("requests.research")) && (status === "RECEIVED" || status === "IN_RESEARCH") && (
      <MoveButton key="send" requestId={request.id} move="sendToCommittee" />
    ),
    can("requests.research") && (status === "IN_RESEARCH" || status === "IN_COMMITTEE") && (
      <ResearchNoteForm key="note" requestId={request.id} today={isoDay(riyadhDay(now))} />
    ),
    can("requests.decide") && status === "IN_COMMITTEE" && !voted && <VoteForm key="vote" requestId={request.id} />,
    can("requests.handle") && status === "ACCEPTED" && <MoveButton key="register" requestId={request.id} move="register" />,
    can("requests.handle") && status === "REGISTERED" && <MoveButton key="deliver" requestId={request.id} move="deliver" />,
  ].filter(Boolean);
  const research = request.events.filter((e) => e.type === "RESEARCH_NOTE" || e.type === "FIELD_VISIT");

  return (
    <main id="main" className="space-y-4 py-6">
      <p><Link href="/admin/requests" className="text-sm underline">{t("detail.back")}</Link></p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold" dir="ltr">{request.reference}</h1>
        <RequestStatusBadge status={status} />
      </div>
      <p className="text-sm text-stone-700">{t("detail.policyVersion", { number: request.policyVersionNumber })}</p>
      {request.anonymisedAt && (
        <p role="note" className="rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-sm text-stone-800">
          {t("detail.anonymised", { date: formatDualDate(request.anonymisedAt, locale) })}
        </p>
      )}
      {toAttest && <AttestationNotice message={t("attestNeeded", { number: toAttest.number })} />}

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("detail.deadlineTitle")} id="deadline-title">
          <dl className="space-y-2">
            <Row label={t("detail.submittedAt")}>{formatDualDate(request.submittedAt, locale)}</Row>
            <Row label={t("detail.dueAt")}>{formatDualDate(request.dueAt, locale)}</Row>
          </dl>
          <div className="mt-3"><DeadlineBadge dueAt={request.dueAt} decidedAt={request.decidedAt} now={now} /></div>
        </Section>

        <Section title={t("detail.actions")} id="actions-title">
          {actions.length ? <div className="space-y-5">{actions}</div> : <p className="text-sm text-stone-600">{t("detail.noActions")}</p>}
        </Section>
      </div>

      <Section title={t("detail.applicant")} id="applicant-title">
        <dl className="space-y-2">
          <Row label={t("detail.name")}>{request.applicantName}</Row>
          <Row label={t("detail.idType")}>{t(`idType.${request.idType}`)}</Row>
          <Row label={t("detail.idNumber")}><span dir="ltr">{request.idNumber}</span></Row>
          <Row label={t("detail.phone")}><a href={`tel:${request.phone}`} dir="ltr" className="underline">{formatSaudiMobile(request.phone)}</a></Row>
          {request.email && <Row label={t("detail.email")}><span dir="ltr">{request.email}</span></Row>}
          <Row label={t("detail.city")}>{request.city}</Row>
          <Row label={t("detail.household")}>{request.householdSize}</Row>
          <Row label={t("detail.supportType")}>{request.supportType ? pickColumn(request.supportType.labelAr, request.supportType.labelEn, locale) : request.supportTypeKey}</Row>
          <Row label={t("detail.channel")}>{request.channel ? pickText(request.channel, locale).value : request.channelKey}</Row>
          <Row label={t("detail.description")}><span dir="auto" className="whitespace-pre-wrap">{request.description}</span></Row>
          {request.enteredByName && <Row label={t("detail.enteredBy")}>{request.enteredByName}</Row>}
          <Row label={t("detail.assignee")}>{request.assigneeName ?? t("unassigned")}</Row>
          {request.researcherName && <Row label={t("detail.researcher")}>{request.researcherName}</Row>}
        </dl>
        <ConsentRecord
          locale={locale}
          record={consents}
          request={request}
          channel={request.channel ? pickText(request.channel, locale).value : request.channelKey}
        />
      </Section>

      <Section title={t("checklist.title")} id="checklist-title">
        <Checklist
          requestId={request.id}
          canEdit={can("requests.handle") && isOpen(status)}
          steps={request.steps.map((s) => ({ position: s.position, textAr: s.textAr, textEn: s.textEn, doneAt: s.doneAt?.toISOString() ?? null, doneByName: s.doneByName }))}
        />
      </Section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("detail.research")} id="research-title">
          {research.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noResearch")}</p>
          ) : (
            <Timeline events={research} names={request.names} locale={locale} />
          )}
        </Section>

        <Section title={t("detail.decisionTitle")} id="decision-title">
          {request.decision ? (
            <dl className="space-y-2">
              <Row label={t("detail.decisionTitle")}><strong>{t(`choice.${request.decision}`)}</strong></Row>
              {request.decisionReason && <Row label={t("detail.decisionReason")}><span dir="auto" className="whitespace-pre-wrap">{request.decisionReason}</span></Row>}
              {request.decidedAt && <Row label={t("detail.decidedAt")}>{formatDualDate(request.decidedAt, locale)}</Row>}
            </dl>
          ) : (
            <p className="text-sm text-stone-600">{t("detail.noDecision")}</p>
          )}
          <h3 className="mt-4 font-semibold">{t("detail.votes")}</h3>
          {request.votes.length === 0 ? (
            <p className="text-sm text-stone-600">{t("detail.noVotes")}</p>
          ) : (
            <ul className="mt-1 space-y-2 text-sm">
              {request.votes.map((v) => (
                <li key={v.id}>
                  <bdi className="font-medium">{v.name ?? "—"}</bdi>: {t(`choice.${v.choice}`)}
                  <span className="text-stone-600"> · {formatDateTime(v.createdAt, locale)}</span>
                  {v.reason && <p dir="auto" className="whitespace-pre-wrap break-words text-stone-700">{v.reason}</p>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <Section title={t("timeline.title")} id="timeline-title">
        <Timeline events={request.events} names={request.names} locale={locale} />
      </Section>
    </main>
  );
}
