import { z } from "zod";
import { toCsv } from "../csv";
import type { ComplaintKind, ComplaintStatus, RequestStatus } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { hijriToGregorian, toHijri } from "../i18n/dates";
import { policyContentSchema, type LocalizedText, type ResponseDeadline } from "../policy/schema";
import { endOfRiyadhDay, isoDay, riyadhDay } from "../requests/due-date";
import { REQUEST_STATUSES, UNDECIDED_STATUSES } from "../requests/status";
import { countBy, daysBetween, median, share } from "./stats";
import { CalendarDate, parseDate } from "@internationalized/date";

// The association's request figures for a period (requests by submission date): per channel,
// per status, median days to the committee's decision against the policy's deadline, the share
// decided by the due date, overdue now, and complaints by kind and status. Rows are read once
// and aggregated in memory: an association has thousands of requests a year, not millions.

// Days of this era only: a year like 9999 would run the survey months past "9999-12" (string
// order) and the instants past what a Date holds.
const day = z.iso.date().refine((d) => d >= "1900-01-01" && d <= "2099-12-31");
const periodSchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

export type Period = { from: string; to: string };

/** From/to as Riyadh days; by default 1 Muharram of the current Hijri year to today. */
export function resolvePeriod(input: { from?: string; to?: string }, now: Date = new Date()): Period {
  const parsed = periodSchema.parse(input);
  const start = hijriToGregorian({ year: toHijri(now).year, month: 1, day: 1 });
  const from = parsed.from ?? isoDay(new CalendarDate(start.year, start.month, start.day));
  const to = parsed.to ?? isoDay(riyadhDay(now));
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The instants a period covers: from the start of its first Riyadh day to the end of its last. */
export function periodBounds(period: Period): { gte: Date; lte: Date } {
  return { gte: new Date(`${period.from}T00:00:00+03:00`), lte: endOfRiyadhDay(parseDate(period.to)) };
}

export type RequestRow = {
  reference: string;
  channelKey: string;
  status: RequestStatus;
  submittedAt: Date;
  dueAt: Date;
  decidedAt: Date | null;
};

/** The period's requests, oldest first, without personal data (the CSV exports exactly this). */
export function periodRequests(db: DbClient, associationId: string, period: Period): Promise<RequestRow[]> {
  return db.supportRequest.findMany({
    where: { associationId, submittedAt: periodBounds(period) },
    orderBy: [{ submittedAt: "asc" }, { reference: "asc" }],
    select: { reference: true, channelKey: true, status: true, submittedAt: true, dueAt: true, decidedAt: true },
  });
}

const decidedWithinDeadline = (r: Pick<RequestRow, "dueAt" | "decidedAt">) =>
  r.decidedAt ? r.decidedAt.getTime() <= r.dueAt.getTime() : null;

type CountRow = { key: string; label: LocalizedText | null; count: number };

export type RequestsReport = {
  period: Period;
  total: number;
  byChannel: CountRow[];
  byStatus: { status: RequestStatus; count: number }[];
  decided: number;
  decidedWithin: number;
  shareWithin: number | null;
  medianDaysToDecision: number | null;
  deadline: ResponseDeadline | null;
  overdueNow: number;
  complaints: { kind: ComplaintKind; status: ComplaintStatus; count: number }[];
};

/** Channel labels: the current policy's, then older versions' for keys it no longer has. */
export async function channelLabels(db: DbClient, associationId: string) {
  const versions = await db.policyVersion.findMany({
    where: { associationId, status: { in: ["PUBLISHED", "SUPERSEDED"] } },
    orderBy: { number: "desc" },
    select: { status: true, content: true },
  });
  const labels = new Map<string, LocalizedText>();
  let deadline: ResponseDeadline | null = null;
  for (const version of versions) {
    const content = policyContentSchema.safeParse(version.content);
    if (!content.success) continue;
    if (version.status === "PUBLISHED") deadline = content.data.responseDeadline;
    for (const channel of content.data.channels) if (!labels.has(channel.key)) labels.set(channel.key, channel.label);
  }
  return { labels, deadline, order: [...labels.keys()] };
}

export async function requestsReport(db: DbClient, associationId: string, period: Period, now: Date = new Date()): Promise<RequestsReport> {
  // Four independent reads: in parallel on PostgreSQL's pool (queued on PGlite's one connection).
  const [rows, { labels, deadline, order }, overdueNow, complaints] = await Promise.all([
    periodRequests(db, associationId, period),
    channelLabels(db, associationId),
    db.supportRequest.count({ where: { associationId, status: { in: [...UNDECIDED_STATUSES] }, dueAt: { lt: now } } }),
    db.complaint.groupBy({
      by: ["kind", "status"],
      where: { associationId, createdAt: periodBounds(period) },
      orderBy: [{ kind: "asc" }, { status: "asc" }],
      _count: { _all: true },
    }),
  ]);

  const channelCounts = countBy(rows, (r) => r.channelKey);
  const byChannel = [...channelCounts]
    .map(([key, count]) => ({ key, label: labels.get(key) ?? null, count }))
    // The policy's order first (as the board listed the channels), unknown keys after.
    .sort((a, b) => rank(order, a.key) - rank(order, b.key) || a.key.localeCompare(b.key));
  const statusCounts = countBy(rows, (r) => r.status);
  const decided = rows.filter((r) => r.decidedAt);
  const decidedWithin = decided.filter((r) => decidedWithinDeadline(r)).length;

  return {
    period,
    total: rows.length,
    byChannel,
    byStatus: REQUEST_STATUSES.filter((s) => statusCounts.has(s)).map((status) => ({ status, count: statusCounts.get(status)! })),
    decided: decided.length,
    decidedWithin,
    shareWithin: share(decidedWithin, decided.length),
    medianDaysToDecision: median(decided.map((r) => daysBetween(r.submittedAt, r.decidedAt!))),
    deadline,
    overdueNow,
    complaints: complaints.map((c) => ({ kind: c.kind, status: c.status, count: c._count._all })),
  };
}

const rank = (order: string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

/** One row per request, no personal data. */
export function requestsCsv(rows: RequestRow[]): string {
  const header = ["reference", "channel", "status", "submitted_at", "due_at", "decided_at", "decided_within_deadline"];
  const lines = rows.map((r) => {
    const within = decidedWithinDeadline(r);
    return [r.reference, r.channelKey, r.status, r.submittedAt.toISOString(), r.dueAt.toISOString(), r.decidedAt?.toISOString() ?? "", within === null ? "" : within ? "yes" : "no"];
  });
  return toCsv(header, lines);
}
