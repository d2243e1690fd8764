import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { riyadhDate } from "../jobs/shared";
import { anonymiseRequests } from "./erase";

// The retention rule: each association may have its closed requests (rejected, or delivered)
// anonymised N years after they closed. Daily; JobRun claims the Riyadh day, so a restart or a
// second server does not run it twice, and rows already anonymised are skipped anyway.
// One audit event per association whose rule ran, with the count (no personal data).

export const RETENTION_JOB = "pdpl-retention";

export type RetentionResult = { ran: boolean; associations: number; anonymised: number };

/** The instant N calendar years before `now`. */
export function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export async function runRetention(db: Db, now: Date = new Date()): Promise<RetentionResult> {
  const claimed = await db.jobRun.createMany({ data: [{ name: RETENTION_JOB, key: riyadhDate(now), ranAt: now }], skipDuplicates: true });
  if (claimed.count === 0) return { ran: false, associations: 0, anonymised: 0 };
  const result: RetentionResult = { ran: true, associations: 0, anonymised: 0 };
  const associations = await db.association.findMany({
    where: { status: "ACTIVE", retentionYears: { not: null } },
    select: { id: true, retentionYears: true },
    orderBy: { slug: "asc" },
  });
  for (const association of associations) {
    const years = association.retentionYears!;
    const cutoff = yearsBefore(now, years);
    // Each association in its own transaction: one failing leaves the others done.
    const count = await db.$transaction(async (tx) => {
      const due = await tx.supportRequest.findMany({
        where: {
          associationId: association.id,
          anonymisedAt: null,
          OR: [
            { status: "REJECTED", decidedAt: { lt: cutoff } },
            { status: "DELIVERED", deliveredAt: { lt: cutoff } },
          ],
        },
        select: { id: true },
      });
      const anonymised = await anonymiseRequests(tx, association.id, due.map((r) => r.id), now);
      await recordAudit(tx, {
        associationId: association.id,
        actorId: null,
        action: "pdpl.retention.run",
        target: { type: "Association", id: association.id },
        after: { years, closedBefore: cutoff.toISOString(), anonymised },
      });
      return anonymised;
    });
    result.associations++;
    result.anonymised += count;
  }
  return result;
}
