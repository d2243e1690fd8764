import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { emailAdmins } from "../billing/limits";

// The end of a failed payment's grace: a paid plan still unpaid when graceEndsAt passes becomes
// Free (effectivePlan already reads it as Free; this writes it down, tells the admins and leaves
// a trace). The Stripe ids stay, so paying again restores the plan through the webhooks. Each row
// is claimed with a conditional update in its own transaction: a rerun or a second server finds
// it already Free and sends nothing.

export const GRACE_JOB = "billing-grace";

export type GraceResult = { downgraded: number; emails: number };

export async function runBillingGrace(db: Db, now: Date = new Date()): Promise<GraceResult> {
  const result: GraceResult = { downgraded: 0, emails: 0 };
  const due = await db.subscription.findMany({
    where: { plan: { not: "FREE" }, paymentFailedAt: { not: null }, graceEndsAt: { lt: now } },
    select: { associationId: true, plan: true, graceEndsAt: true },
  });
  for (const sub of due) {
    const emails = await db.$transaction(async (tx) => {
      const claimed = await tx.subscription.updateMany({
        where: { associationId: sub.associationId, plan: { not: "FREE" }, paymentFailedAt: { not: null }, graceEndsAt: { lt: now } },
        data: { plan: "FREE" },
      });
      if (claimed.count === 0) return -1;
      await recordAudit(tx, {
        associationId: sub.associationId,
        actorId: null,
        action: "billing.downgraded",
        target: { type: "Subscription", id: sub.associationId },
        before: { plan: sub.plan },
        after: { plan: "FREE", graceEndedAt: sub.graceEndsAt?.toISOString() ?? null },
      });
      return emailAdmins(tx, sub.associationId, "billingDowngraded", {});
    });
    if (emails < 0) continue;
    result.downgraded++;
    result.emails += emails;
  }
  return result;
}
