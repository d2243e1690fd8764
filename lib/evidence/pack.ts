import type { BoardDecisionOutcome, ComplaintKind, ComplaintStatus, Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { attestationCoverage } from "../policy/console";
import { policyContentSchema, type PolicyContent, type ResponseDeadline } from "../policy/schema";
import { periodBounds, requestsReport } from "../reports/requests";
import { daysBetween, median, share } from "../reports/stats";
import { satisfactionSummary } from "../surveys/dashboard";
import { isoDay, riyadhDay } from "../requests/due-date";
import { monthRange } from "../surveys/stats";
import { tenantUrl } from "../tenancy/urls";
import { versionsInForce } from "./in-force";
import { readinessChecklist, untranslatedTexts, type ReadinessItem } from "./readiness";
import type { EvidenceYear } from "./year";

// The governance evidence pack: what an assessor asks an association to prove for a year, read
// from the data the product already keeps. Every query names the association.

export type EvidenceDecision = {
  outcome: BoardDecisionOutcome;
  sessionNumber: number;
  meetingDate: Date;
  chairNameAr: string;
  chairNameEn: string | null;
  approvals: number | null;
  rejections: number | null;
};

export type EvidenceVersion = {
  number: number;
  status: string;
  approvedAt: Date | null;
  publishedAt: Date;
  /** When the next version replaced it; null while in force. */
  supersededAt: Date | null;
  decisions: EvidenceDecision[];
};

export type EvidencePack = Awaited<ReturnType<typeof evidencePack>>;

export async function evidencePack(db: DbClient, associationId: string, year: EvidenceYear, now: Date = new Date()) {
  const bounds = periodBounds(year.period);
  const [association, versions, requests, satisfaction, complaints, activeSurveys, notice] = await Promise.all([
    db.association.findUniqueOrThrow({
      where: { id: associationId },
      select: {
        slug: true,
        nameAr: true,
        nameEn: true,
        cityAr: true,
        cityEn: true,
        registrationNumber: true,
        supervisingBodyAr: true,
        supervisingBodyEn: true,
        primaryColor: true,
        status: true,
      },
    }),
    db.policyVersion.findMany({
      where: { associationId, status: { in: ["PUBLISHED", "SUPERSEDED"] } },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        status: true,
        content: true,
        approvedAt: true,
        publishedAt: true,
        boardDecisions: {
          where: { associationId },
          orderBy: { decidedAt: "asc" },
          select: { outcome: true, sessionNumber: true, meetingDate: true, chairNameAr: true, chairNameEn: true, approvals: true, rejections: true },
        },
      },
    }),
    requestsReport(db, associationId, year.period, now),
    satisfactionSummary(db, associationId, monthRange(year.period, isoDay(riyadhDay(now)))),
    db.complaint.findMany({ where: { associationId, createdAt: bounds }, select: { kind: true, status: true, createdAt: true, closedAt: true } }),
    db.survey.count({ where: { associationId, active: true, currentVersion: { not: null } } }),
    db.privacyNotice.findFirst({ where: { associationId }, orderBy: { version: "desc" }, select: { version: true, createdAt: true } }),
  ]);

  // Publication order: each version is superseded by the next one published.
  const published = versions.filter((v) => v.publishedAt).sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime() || a.number - b.number);
  const inForce = versionsInForce(published, bounds);
  const policyVersions: EvidenceVersion[] = inForce.map((v) => {
    const next = published[published.indexOf(v) + 1];
    return { number: v.number, status: v.status, approvedAt: v.approvedAt, publishedAt: v.publishedAt!, supersededAt: next?.publishedAt ?? null, decisions: v.boardDecisions };
  });
  // The last version in force during the year speaks for the year: its deadline, channels, readers.
  const latest = inForce.at(-1) ?? null;
  const content = latest ? parseContent(latest.content) : null;
  const staff = latest ? await attestationCoverage(db, associationId, latest.id) : [];
  const attestation = {
    versionNumber: latest?.number ?? null,
    required: staff.length,
    attested: staff.filter((s) => s.attestedAt).length,
    staff: staff.map((s) => ({ name: s.name, roles: s.roles as Role[], attestedAt: s.attestedAt })),
  };
  const reachable = association.status === "ACTIVE" && versions.some((v) => v.status === "PUBLISHED");
  const urls = { ar: tenantUrl(association.slug, "ar"), en: tenantUrl(association.slug, "en") };
  const deadline: ResponseDeadline | null = content?.responseDeadline ?? requests.deadline;
  const complaintFigures = complaintSummary(complaints);

  const readiness: ReadinessItem[] = readinessChecklist({
    approved: !!latest?.boardDecisions.some((d) => d.outcome === "APPROVED"),
    published: latest !== null,
    untranslated: latest ? untranslatedTexts(latest.content) : null,
    publicUrl: reachable ? urls.ar : null,
    channels: content?.channels.length ?? 0,
    deadlineDefined: !!content?.responseDeadline,
    requests: requests.total,
    decided: requests.decided,
    activeSurveys,
    responses: satisfaction.responses,
    attestation,
    privacyNoticeVersion: notice?.version ?? null,
  });

  return {
    year,
    association,
    urls: reachable ? urls : null,
    policyVersions,
    deadline,
    requests,
    satisfaction,
    complaints: complaintFigures,
    attestation,
    privacyNotice: notice,
    readiness,
    generatedAt: now,
  };
}

function parseContent(content: unknown): PolicyContent | null {
  const parsed = policyContentSchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}

type ComplaintRow = { kind: ComplaintKind; status: ComplaintStatus; createdAt: Date; closedAt: Date | null };

/** Complaints and suggestions of the year: counts by kind and status, share closed, median days to close. */
export function complaintSummary(rows: readonly ComplaintRow[]) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.kind}:${r.status}`, (counts.get(`${r.kind}:${r.status}`) ?? 0) + 1);
  const closed = rows.filter((r) => r.status === "CLOSED");
  const durations = closed.filter((r) => r.closedAt).map((r) => daysBetween(r.createdAt, r.closedAt!));
  return {
    total: rows.length,
    byKindStatus: [...counts].map(([key, count]) => {
      const [kind, status] = key.split(":") as [ComplaintKind, ComplaintStatus];
      return { kind, status, count };
    }),
    closed: closed.length,
    shareClosed: share(closed.length, rows.length),
    medianDaysToClose: median(durations),
  };
}
