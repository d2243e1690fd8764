import type { DbClient } from "../db/types";
import { pickColumn, pickText } from "../i18n/localized";
import type { Locale } from "../i18n/routing";
import { getPublishedPolicy } from "../policy/service";

// What the intake form and the submission read from an association's own settings (support
// types, privacy notice, holidays). Every query names the association.

/** The support types offered on the form, in the association's order. */
function activeSupportTypes(db: DbClient, associationId: string) {
  return db.supportType.findMany({
    where: { associationId, active: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: { key: true, labelAr: true, labelEn: true },
  });
}

/** The privacy notice in force: the highest version, or null when none was written. */
export function latestPrivacyNotice(db: DbClient, associationId: string) {
  return db.privacyNotice.findFirst({
    where: { associationId },
    orderBy: { version: "desc" },
    select: { version: true, textAr: true, textEn: true, healthTextAr: true, healthTextEn: true },
  });
}

/** The association's holidays as "YYYY-MM-DD" (the Date column holds midnight UTC of the day). */
export async function holidaySet(db: DbClient, associationId: string): Promise<Set<string>> {
  const rows = await db.holiday.findMany({ where: { associationId }, select: { date: true } });
  return new Set(rows.map((row) => row.date.toISOString().slice(0, 10)));
}

/** Everything the intake form shows, in the page's language; null when no policy is published
 * (the association cannot receive requests then). */
export async function intakeFormData(db: DbClient, associationId: string, locale: Locale) {
  const [policy, association, supportTypes, notice] = await Promise.all([
    getPublishedPolicy(db, associationId),
    db.association.findUniqueOrThrow({ where: { id: associationId }, select: { healthRelated: true } }),
    activeSupportTypes(db, associationId),
    latestPrivacyNotice(db, associationId),
  ]);
  if (!policy || !notice) return null;
  const channels = policy.content.channels.map((c) => ({ key: c.key, label: pickText(c.label, locale).value }));
  const accuracy = policy.content.procedure.steps.find((s) => s.key === "ACCURACY_DECLARATION");
  return {
    channels,
    defaultChannel: channels.some((c) => c.key === "WEBSITE") ? "WEBSITE" : undefined,
    supportTypes: supportTypes.map((s) => ({ key: s.key, label: pickColumn(s.labelAr, s.labelEn, locale) })),
    notice: {
      version: notice.version,
      text: pickColumn(notice.textAr, notice.textEn, locale),
      healthText: notice.healthTextAr ? pickColumn(notice.healthTextAr, notice.healthTextEn, locale) : null,
    },
    healthRelated: association.healthRelated,
    accuracyText: accuracy ? pickText(accuracy.text, locale).value : null,
  };
}
