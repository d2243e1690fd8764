import { createTranslator } from "next-intl";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import type { RequestStatus } from "../db/generated/enums";
import type { DbClient } from "../db/types";
import type { Locale } from "../i18n/routing";
import { isoDay, riyadhDay } from "../requests/due-date";
import { UNDECIDED_STATUSES } from "../requests/status";

// What the scheduled jobs share: which associations they serve, the Riyadh day, message texts.

/** Jobs serve active associations only (a suspended one gets no mail). */
export const activeAssociations = (db: DbClient) =>
  db.association.findMany({ where: { status: "ACTIVE" }, select: { id: true, slug: true, nameAr: true, nameEn: true }, orderBy: { slug: "asc" } });

/** The Riyadh calendar day as YYYY-MM-DD: the digest's JobRun key. */
export const riyadhDate = (now: Date) => isoDay(riyadhDay(now));

export const undecided = { in: [...UNDECIDED_STATUSES] as RequestStatus[] };

/** Texts of the "jobs" and "reports" namespaces outside a request (jobs run with no locale). */
export const translator = (locale: Locale) => createTranslator({ locale, messages: locale === "ar" ? ar : en });
