import type { ComplaintStatus } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import { displayName } from "../policy/repository";
import { COMPLAINT_STATUSES } from "./statuses";

// Reads for the admin inbox; every one names the association.

export async function listComplaints(db: DbClient, associationId: string, status?: ComplaintStatus, take = 200) {
  const [items, groups] = await Promise.all([
    db.complaint.findMany({
      where: { associationId, ...(status ? { status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, reference: true, kind: true, status: true, name: true, body: true, createdAt: true },
    }),
    db.complaint.groupBy({ by: ["status"], where: { associationId }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, 0])) as Record<ComplaintStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return { items, counts };
}

export async function getComplaint(db: DbClient, associationId: string, reference: string) {
  const complaint = await db.complaint.findUnique({
    where: { associationId_reference: { associationId, reference } },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      name: true,
      phone: true,
      email: true,
      body: true,
      requestReference: true,
      createdAt: true,
      closedAt: true,
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, authorId: true, body: true, notified: true, createdAt: true } },
    },
  });
  if (!complaint) return null;
  const authorIds = [...new Set(complaint.replies.map((r) => r.authorId))];
  const authors = authorIds.length
    ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true, email: true } })
    : [];
  const byId = new Map(authors.map((a) => [a.id, displayName(a)]));
  return {
    ...complaint,
    replies: complaint.replies.map((r) => ({ ...r, author: byId.get(r.authorId) ?? "—" })),
  };
}
