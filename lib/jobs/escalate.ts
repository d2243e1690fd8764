import type { Db } from "../db/client";
import { formatDualDate } from "../i18n/dates";
import type { Locale } from "../i18n/routing";
import { enqueueEmail } from "../notify/outbox";
import { membersWithRole } from "../policy/repository";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { activeAssociations, translator, undecided } from "./shared";

// Escalation: once an undecided request passes its due date, the association's admins get one
// e-mail about it and its timeline one ESCALATED event. escalatedAt marks it done; each request
// is claimed with a conditional update in its own transaction, so a rerun or a second server
// never escalates it twice.

const LOCALE: Locale = "ar";

export type EscalationResult = { escalated: number; emails: number };

export async function runEscalation(db: Db, now: Date = new Date()): Promise<EscalationResult> {
  const t = translator(LOCALE);
  const result: EscalationResult = { escalated: 0, emails: 0 };
  const associations = await activeAssociations(db);
  // One query for every association (it runs every 15 minutes and usually finds nothing).
  const all = await db.supportRequest.findMany({
    where: { associationId: { in: associations.map((a) => a.id) }, status: undecided, dueAt: { lt: now }, escalatedAt: null },
    orderBy: { dueAt: "asc" },
    select: { associationId: true, id: true, reference: true, dueAt: true, status: true },
  });
  for (const association of associations) {
    const overdue = all.filter((r) => r.associationId === association.id);
    if (overdue.length === 0) continue;
    const admins = await membersWithRole(db, association.id, ["ADMIN"]);
    for (const request of overdue) {
      const emails = await db.$transaction(async (tx) => {
        const claimed = await tx.supportRequest.updateMany({
          where: { associationId: association.id, id: request.id, escalatedAt: null, status: undecided },
          data: { escalatedAt: now },
        });
        if (claimed.count === 0) return -1;
        await tx.requestEvent.create({
          data: { associationId: association.id, requestId: request.id, type: "ESCALATED", data: { overdueSince: request.dueAt.toISOString() }, createdAt: now },
        });
        const values = {
          association: association.nameAr,
          reference: request.reference,
          due: formatDualDate(request.dueAt, LOCALE),
          status: t(`reports.status.${request.status}`),
          link: pageUrl(tenantUrl(association.slug, LOCALE), `/admin/requests/${request.reference}`),
        };
        for (const admin of admins) {
          await enqueueEmail(tx, { associationId: association.id, to: admin.user.email, template: "requestOverdue", locale: LOCALE, values });
        }
        return admins.length;
      });
      if (emails < 0) continue;
      result.escalated++;
      result.emails += emails;
    }
  }
  return result;
}
