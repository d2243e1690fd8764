import { z } from "zod";
import { toCsv } from "../csv";
import type { DbClient } from "../db/types";

// Reading one association's audit log: filters, newest first, cursor pages, CSV.

export const auditFilterSchema = z.object({
  action: z.string().regex(/^[a-z_.]{1,64}$/).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.uuid().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

/** Dates are whole days in Riyadh time (UTC+3, no daylight saving). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+03:00`);
const dayEnd = (day: string) => new Date(dayStart(day).getTime() + 24 * 60 * 60 * 1000);

export async function listAuditEvents(db: DbClient, associationId: string, filter: AuditFilter, take = AUDIT_PAGE_SIZE) {
  const events = await db.auditEvent.findMany({
    where: {
      associationId,
      ...(filter.action ? { action: filter.action } : {}),
      createdAt: { ...(filter.from ? { gte: dayStart(filter.from) } : {}), ...(filter.to ? { lt: dayEnd(filter.to) } : {}) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    take: take + 1,
  });
  const page = events.slice(0, take);
  const actorIds = [...new Set(page.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    events: page.map((e) => ({ ...e, actor: e.actorId ? (byId.get(e.actorId) ?? null) : null })),
    nextCursor: events.length > take ? page[page.length - 1]!.id : null,
  };
}

export async function distinctActions(db: DbClient, associationId: string) {
  const rows = await db.auditEvent.findMany({ where: { associationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

export function auditCsv(events: Awaited<ReturnType<typeof listAuditEvents>>["events"]): string {
  const header = ["time", "action", "actor", "target_type", "target_id", "summary", "ip"];
  const rows = events.map((e) => [e.createdAt.toISOString(), e.action, e.actor?.email ?? "", e.targetType, e.targetId, e.summary, e.ip]);
  return toCsv(header, rows);
}
