import type { Prisma } from "../db/generated/client";
import type { RequestStatus } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { displayName } from "../policy/repository";
import type { PolicyContent } from "../policy/schema";
import { DUE_SOON_DAYS } from "./due-date";
import { latinDigits, normalizeDigits } from "./identity";
import { normalizeSaudiMobile } from "./phone";
import { normalizeReference } from "./reference";
import { REQUEST_STATUSES, UNDECIDED_STATUSES } from "./status";

// What the staff console reads about requests. Every query names the association.

export type ListFilters = {
  status?: RequestStatus;
  channelKey?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  assigneeId?: string;
  q?: string;
  cursor?: string;
  take?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Status IN (…) as ORs: PGlite cannot bind an enum-array parameter. */
const statusIn = (statuses: readonly RequestStatus[]): Prisma.SupportRequestWhereInput => ({ OR: statuses.map((status) => ({ status })) });

/** The cursor is opaque to the page: the last row's due date and id. */
const encodeCursor = (row: { dueAt: Date; id: string }) => Buffer.from(`${row.dueAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { dueAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const dueAt = new Date(at ?? "");
  return id && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(dueAt.getTime()) ? { dueAt, id } : null;
}

/** Reference, name (contains, any case), ID number or mobile, however it was typed. */
function searchWhere(raw: string): Prisma.SupportRequestWhereInput | null {
  const q = latinDigits(raw).trim();
  if (!q) return null;
  const or: Prisma.SupportRequestWhereInput[] = [
    { reference: { contains: normalizeReference(q) } },
    { applicantName: { contains: q, mode: "insensitive" } },
  ];
  const digits = normalizeDigits(q).replace(/^\+/, "");
  if (/^\d{3,}$/.test(digits)) {
    or.push({ idNumber: { contains: digits } });
    const phone = normalizeSaudiMobile(q);
    // A full mobile in any form matches exactly; a fragment matches the digits it has.
    or.push(phone ? { phone } : { phone: { contains: digits.replace(/^0+/, "") } });
  }
  return { OR: or };
}

function listWhere(associationId: string, filters: ListFilters, now: Date): Prisma.SupportRequestWhereInput {
  const and: Prisma.SupportRequestWhereInput[] = [{ associationId }];
  if (filters.status) and.push({ status: filters.status });
  if (filters.channelKey) and.push({ channelKey: filters.channelKey });
  if (filters.assigneeId) and.push({ assigneeId: filters.assigneeId });
  if (filters.overdue) and.push(statusIn(UNDECIDED_STATUSES), { dueAt: { lt: now } });
  if (filters.dueSoon) and.push(statusIn(UNDECIDED_STATUSES), { dueAt: { gte: now, lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) } });
  const search = filters.q ? searchWhere(filters.q) : null;
  if (search) and.push(search);
  const after = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (after) and.push({ OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] });
  return { AND: and };
}

/** One page of requests, earliest due first, and the cursor of the next page (null at the end). */
export async function listRequests(db: DbClient, associationId: string, filters: ListFilters = {}, now = new Date()) {
  const take = Math.min(Math.max(filters.take ?? 25, 1), 100);
  const rows = await db.supportRequest.findMany({
    where: listWhere(associationId, filters, now),
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: take + 1,
    select: {
      id: true,
      reference: true,
      applicantName: true,
      channelKey: true,
      status: true,
      submittedAt: true,
      dueAt: true,
      decidedAt: true,
      assigneeId: true,
    },
  });
  const page = rows.slice(0, take);
  return { rows: page, nextCursor: rows.length > take ? encodeCursor(page[page.length - 1]) : null };
}

/** How many requests of the association are in each status (zero included). */
export async function countsByStatus(db: DbClient, associationId: string): Promise<Record<RequestStatus, number>> {
  const groups = await db.supportRequest.groupBy({ by: ["status"], where: { associationId }, _count: { _all: true } });
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** user id → name (users are shared across associations; only their names are read). */
async function namesOf(db: DbClient, ids: (string | null | undefined)[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return {};
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, displayName(u)]));
}

/** One request with everything its page shows, or null when it is not this association's. */
export async function getRequest(db: DbClient, associationId: string, reference: string) {
  const request = await db.supportRequest.findUnique({
    where: { associationId_reference: { associationId, reference: normalizeReference(reference) } },
    include: {
      policyVersion: { select: { number: true, content: true } },
      steps: { where: { associationId }, orderBy: { position: "asc" } },
      events: { where: { associationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      committeeVotes: { where: { associationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!request) return null;
  const [names, supportType] = await Promise.all([
    namesOf(db, [
      request.assigneeId,
      request.researcherId,
      request.enteredById,
      ...request.steps.map((s) => s.doneById),
      ...request.events.map((e) => e.actorId),
      ...request.committeeVotes.map((v) => v.userId),
      // People named in the timeline (the assignee or researcher of that moment).
      ...request.events.flatMap((e) => {
        const data = (e.data ?? {}) as { assigneeId?: string; researcherId?: string };
        return [data.assigneeId, data.researcherId];
      }),
    ]),
    db.supportType.findUnique({
      where: { associationId_key: { associationId, key: request.supportTypeKey } },
      select: { labelAr: true, labelEn: true },
    }),
  ]);
  const name = (id: string | null) => (id ? (names[id] ?? null) : null);
  const { policyVersion, steps, events, committeeVotes, ...row } = request;
  const content = policyVersion.content as PolicyContent;
  return {
    ...row,
    policyVersionNumber: policyVersion.number,
    channel: content.channels.find((c) => c.key === row.channelKey)?.label ?? null,
    supportType,
    assigneeName: name(row.assigneeId),
    researcherName: name(row.researcherId),
    enteredByName: name(row.enteredById),
    steps: steps.map((s) => ({ ...s, doneByName: name(s.doneById) })),
    events: events.map((e) => ({ ...e, actorName: name(e.actorId) })),
    votes: committeeVotes.map((v) => ({ ...v, name: name(v.userId) })),
    /** user id → name, for ids inside event data. */
    names,
  };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;
