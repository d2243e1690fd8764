import type { Db } from "../db/client";
import { formatDualDate } from "../i18n/dates";
import type { Locale } from "../i18n/routing";
import { enqueueEmail } from "../notify/outbox";
import { membersWithRole } from "../policy/repository";
import { DUE_SOON_DAYS } from "../requests/due-date";
import { pageUrl, tenantUrl } from "../tenancy/urls";
import { activeAssociations, riyadhDate, translator, undecided } from "./shared";

// The daily digest: each association's officers get one e-mail listing its undecided requests
// that are overdue or due within three days. One run per Riyadh day: the JobRun row is written
// in the same transaction as the e-mails, so a second run (a restart, another server) finds it
// and sends nothing.

export const DIGEST_JOB = "requests-digest";
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCALE: Locale = "ar";

export type DigestResult = { ran: boolean; key: string; emails: number };

export async function runDigest(db: Db, now: Date = new Date()): Promise<DigestResult> {
  const key = riyadhDate(now);
  return db.$transaction(
    async (tx) => {
      // ON CONFLICT DO NOTHING: only one run claims the day, even when two start together.
      const claimed = await tx.jobRun.createMany({ data: [{ name: DIGEST_JOB, key, ranAt: now }], skipDuplicates: true });
      if (claimed.count === 0) return { ran: false, key, emails: 0 };
      const t = translator(LOCALE);
      let emails = 0;
      const associations = await activeAssociations(tx);
      // One query for every association's requests (not one per association).
      const all = await tx.supportRequest.findMany({
        where: { associationId: { in: associations.map((a) => a.id) }, status: undecided, dueAt: { lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS) } },
        orderBy: [{ dueAt: "asc" }, { reference: "asc" }],
        select: { associationId: true, reference: true, dueAt: true },
      });
      for (const association of associations) {
        const requests = all.filter((r) => r.associationId === association.id);
        if (requests.length === 0) continue;
        const overdue = requests.filter((r) => r.dueAt < now);
        const dueSoon = requests.filter((r) => r.dueAt >= now);
        const line = (kind: "overdueLine" | "dueSoonLine") => (r: (typeof requests)[number]) =>
          t(`jobs.digest.${kind}`, { reference: r.reference, due: formatDualDate(r.dueAt, LOCALE) });
        const sections = [
          overdue.length ? [t("jobs.digest.overdueHeading"), ...overdue.map(line("overdueLine"))].join("\n") : null,
          dueSoon.length ? [t("jobs.digest.dueSoonHeading"), ...dueSoon.map(line("dueSoonLine"))].join("\n") : null,
        ].filter(Boolean);
        const values = {
          association: association.nameAr,
          overdue: String(overdue.length),
          dueSoon: String(dueSoon.length),
          lines: sections.join("\n\n"),
          link: pageUrl(tenantUrl(association.slug, LOCALE), "/admin/requests"),
        };
        for (const officer of await membersWithRole(tx, association.id, ["OFFICER"])) {
          await enqueueEmail(tx, { associationId: association.id, to: officer.user.email, template: "requestsDigest", locale: LOCALE, values });
          emails++;
        }
      }
      return { ran: true, key, emails };
    },
    { timeout: 60_000 },
  );
}
