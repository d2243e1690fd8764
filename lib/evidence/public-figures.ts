import type { DbClient } from "../db/types";
import { policyContentSchema, type LocalizedText } from "../policy/schema";
import { periodBounds, resolvePeriod } from "../reports/requests";
import { daysBetween, median } from "../reports/stats";
import { isoDay, riyadhDay } from "../requests/due-date";
import { satisfactionSummary } from "../surveys/dashboard";
import { monthRange, suppressed } from "../surveys/stats";

// "The policy in practice" on the association's public home page, when it turns it on: median
// days to decision against the promised deadline, satisfaction and requests served this Hijri
// year. A figure from fewer than five cases is withheld (null): it would say little and could
// point at a person. Cheap reads: two narrow request queries and the survey summary.

export type PublicFigures = {
  medianDays: number | null;
  deadlineWording: LocalizedText | null;
  csat: number | null;
  served: number | null;
};

export async function publicFigures(db: DbClient, associationId: string, now: Date = new Date()): Promise<PublicFigures | null> {
  const association = await db.association.findUnique({ where: { id: associationId }, select: { publicFigures: true } });
  if (!association?.publicFigures) return null;
  const period = resolvePeriod({}, now);
  const bounds = periodBounds(period);
  const [decided, served, policy, satisfaction] = await Promise.all([
    db.supportRequest.findMany({ where: { associationId, decidedAt: bounds }, select: { submittedAt: true, decidedAt: true } }),
    db.supportRequest.count({ where: { associationId, deliveredAt: bounds } }),
    db.policyVersion.findFirst({ where: { associationId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { content: true } }),
    satisfactionSummary(db, associationId, monthRange(period, isoDay(riyadhDay(now)))),
  ]);
  const content = policyContentSchema.safeParse(policy?.content);
  return {
    medianDays: suppressed(decided.length) ? null : median(decided.map((r) => daysBetween(r.submittedAt, r.decidedAt!))),
    deadlineWording: content.success ? content.data.responseDeadline.wording : null,
    csat: satisfaction.suppressed ? null : satisfaction.csat,
    served: suppressed(served) ? null : served,
  };
}
