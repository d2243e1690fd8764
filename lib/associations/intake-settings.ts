import { z } from "zod";
import type { ActionContext, Outcome } from "../auth/access";
import type { DbClient } from "../db/types";
import { AppError } from "../errors";
import { toHijri } from "../i18n/dates";
import { CALENDARS } from "../policy/schema";
import { gregorianOf } from "../policy/meeting-date";
import { saudiHolidays } from "../requests/defaults";
import { isoDay, riyadhDay } from "../requests/due-date";
import { latestPrivacyNotice } from "../requests/settings";

// What an association's admin configures for its intake form (issue 5): the support types
// applicants choose from, whether the service is health-related (a separate health-data
// consent), the versioned privacy notice, and the holidays that due dates skip.
// Every query names the host's association; support types are never deleted (requests keep
// their key) and a privacy notice is never edited (requests keep the version agreed to).

/** The host's association; the guard already checked membership and permission. */
function tenantId(ctx: ActionContext): string {
  const id = ctx.member?.tenant.id;
  if (!id) throw new AppError("NOT_FOUND");
  return id;
}

const requiredText = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value || null);
const arabicText = (max: number) => requiredText(max).refine((value) => /\p{Script=Arabic}/u.test(value), "validation.arabicRequired");
const int = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number(message).int(message).min(min, message).max(max, message));
const typeKey = z.string().trim().min(1, "validation.invalid").max(64, "validation.invalid");

// ---------------------------------------------------------------- reads (the settings page)

/** Holidays are DATE columns (midnight UTC of the day): a day as "YYYY-MM-DD" and back. */
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date) => date.toISOString().slice(0, 10);

export async function readIntakeSettings(db: DbClient, associationId: string, now = new Date()) {
  // "Upcoming" starts today in Riyadh: until 03:00 there, the UTC date is still yesterday.
  const from = dateOnly(isoDay(riyadhDay(now)));
  const [association, supportTypes, notice, holidays] = await Promise.all([
    db.association.findUniqueOrThrow({ where: { id: associationId }, select: { healthRelated: true, publicFigures: true } }),
    listSupportTypes(db, associationId),
    db.privacyNotice.findFirst({ where: { associationId }, orderBy: { version: "desc" } }),
    db.holiday.findMany({ where: { associationId, date: { gte: from } }, orderBy: { date: "asc" } }),
  ]);
  return { healthRelated: association.healthRelated, publicFigures: association.publicFigures, supportTypes, notice, holidays };
}

const listSupportTypes = (db: DbClient, associationId: string) =>
  db.supportType.findMany({ where: { associationId }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });

async function findType(db: DbClient, associationId: string, key: string) {
  const type = await db.supportType.findUnique({ where: { associationId_key: { associationId, key } } });
  if (!type) throw new AppError("NOT_FOUND");
  return type;
}

// ---------------------------------------------------------------- support types

export const addSupportTypeSchema = z.object({ labelAr: arabicText(120), labelEn: optionalText(120) });
export const renameSupportTypeSchema = addSupportTypeSchema.extend({ key: typeKey });
export const moveSupportTypeSchema = z.object({ key: typeKey, direction: z.enum(["up", "down"], "validation.invalid") });
export const supportTypeActiveSchema = z.object({ key: typeKey, active: z.enum(["true", "false"], "validation.invalid").transform((v) => v === "true") });

/** A stable key: the English label as a slug, or type-N; unique in the association. */
export function supportTypeKey(labelEn: string | null, taken: ReadonlySet<string>): string {
  const slug = (labelEn ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  if (slug) {
    let key = slug;
    for (let n = 2; taken.has(key); n++) key = `${slug}-${n}`;
    return key;
  }
  let n = taken.size + 1;
  while (taken.has(`type-${n}`)) n++;
  return `type-${n}`;
}

export async function addSupportType(ctx: ActionContext, input: z.output<typeof addSupportTypeSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const types = await listSupportTypes(ctx.db, associationId);
  const key = supportTypeKey(input.labelEn, new Set(types.map((t) => t.key)));
  const sortOrder = types.reduce((max, t) => Math.max(max, t.sortOrder), -1) + 1;
  const after = { key, labelAr: input.labelAr, labelEn: input.labelEn, sortOrder, active: true };
  await ctx.db.supportType.create({ data: { associationId, ...after } });
  return { audit: { action: "intake.support_type_added", target: { type: "SupportType", id: key }, after }, notice: "settings.notices.typeAdded" };
}

export async function renameSupportType(ctx: ActionContext, input: z.output<typeof renameSupportTypeSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const type = await findType(ctx.db, associationId, input.key);
  const after = { labelAr: input.labelAr, labelEn: input.labelEn };
  await ctx.db.supportType.update({ where: { associationId_key: { associationId, key: type.key } }, data: after });
  return {
    audit: { action: "intake.support_type_renamed", target: { type: "SupportType", id: type.key }, before: { labelAr: type.labelAr, labelEn: type.labelEn }, after },
    notice: "settings.notices.typeRenamed",
  };
}

export async function moveSupportType(ctx: ActionContext, input: z.output<typeof moveSupportTypeSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const types = await listSupportTypes(ctx.db, associationId);
  const from = types.findIndex((t) => t.key === input.key);
  if (from < 0) throw new AppError("NOT_FOUND");
  const to = input.direction === "up" ? from - 1 : from + 1;
  // Already first (or last): nothing to move, nothing to record.
  if (to < 0 || to >= types.length) return { audit: [] };
  const order = types.map((t) => t.key);
  [order[from], order[to]] = [order[to]!, order[from]!];
  // Renumber 0..n-1 so that equal sort orders (older data) cannot make a move a no-op.
  for (const [sortOrder, key] of order.entries()) {
    if (types.find((t) => t.key === key)!.sortOrder !== sortOrder) {
      await ctx.db.supportType.update({ where: { associationId_key: { associationId, key } }, data: { sortOrder } });
    }
  }
  return {
    audit: { action: "intake.support_types_reordered", target: { type: "SupportType", id: input.key }, before: { order: types.map((t) => t.key) }, after: { order } },
  };
}

export async function setSupportTypeActive(ctx: ActionContext, input: z.output<typeof supportTypeActiveSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  // Lock the association's types: two admins deactivating the last two at once must not both succeed.
  await ctx.db.$queryRaw`SELECT 1 FROM "SupportType" WHERE "associationId" = ${associationId}::uuid FOR UPDATE`;
  const type = await findType(ctx.db, associationId, input.key);
  if (!input.active && type.active) {
    const active = await ctx.db.supportType.count({ where: { associationId, active: true } });
    if (active <= 1) throw new AppError("INVALID_INPUT", undefined, "settings.errors.lastActiveType");
  }
  await ctx.db.supportType.update({ where: { associationId_key: { associationId, key: type.key } }, data: { active: input.active } });
  return {
    audit: {
      action: input.active ? "intake.support_type_reactivated" : "intake.support_type_deactivated",
      target: { type: "SupportType", id: type.key },
      before: { active: type.active },
      after: { active: input.active },
    },
    notice: input.active ? "settings.notices.typeReactivated" : "settings.notices.typeDeactivated",
  };
}

// ---------------------------------------------------------------- health-related service

export const healthRelatedSchema = z.object({ healthRelated: z.preprocess((v) => v === "on" || v === "true", z.boolean()) });

export async function setHealthRelated(ctx: ActionContext, input: z.output<typeof healthRelatedSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const before = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { healthRelated: true } });
  if (input.healthRelated) {
    // The intake form would ask a health consent with no text to consent to.
    const notice = await latestPrivacyNotice(ctx.db, associationId);
    if (!notice?.healthTextAr) throw new AppError("INVALID_INPUT", "healthRelated", "settings.errors.healthTextMissing");
  }
  await ctx.db.association.update({ where: { id: associationId }, data: { healthRelated: input.healthRelated } });
  // healthRelated is not in the cached tenant (lib/tenancy/repository.ts): no invalidation needed.
  return {
    audit: { action: "intake.health_related_changed", target: { type: "Association", id: associationId }, before, after: { healthRelated: input.healthRelated } },
    notice: "settings.notices.healthSaved",
  };
}

// ---------------------------------------------------------------- public figures

export const publicFiguresSchema = z.object({ publicFigures: z.preprocess((v) => v === "on" || v === "true", z.boolean()) });

/** Show "the policy in practice" (lib/evidence/public-figures.ts) on the public home page. */
export async function setPublicFigures(ctx: ActionContext, input: z.output<typeof publicFiguresSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const before = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { publicFigures: true } });
  if (before.publicFigures === input.publicFigures) return { audit: [], notice: "figures.settings.saved" };
  await ctx.db.association.update({ where: { id: associationId }, data: { publicFigures: input.publicFigures } });
  return {
    audit: { action: "intake.public_figures_changed", target: { type: "Association", id: associationId }, before, after: { publicFigures: input.publicFigures } },
    notice: "figures.settings.saved",
  };
}

// ---------------------------------------------------------------- privacy notice

const PRIVACY_MIN_LENGTH = 50;

export const privacyNoticeSchema = z.object({
  /** The version the admin edited: saving over a newer one is refused. */
  baseVersion: int(0, 1_000_000, "validation.invalid"),
  textAr: requiredText(8000).min(PRIVACY_MIN_LENGTH, "validation.privacyTooShort"),
  textEn: optionalText(8000),
  healthTextAr: optionalText(4000),
  healthTextEn: optionalText(4000),
});

export async function savePrivacyNotice(ctx: ActionContext, input: z.output<typeof privacyNoticeSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const { healthRelated } = await ctx.db.association.findUniqueOrThrow({ where: { id: associationId }, select: { healthRelated: true } });
  if (healthRelated && !input.healthTextAr) throw new AppError("INVALID_INPUT", "healthTextAr", "settings.errors.healthTextRequired");
  const current = await latestPrivacyNotice(ctx.db, associationId);
  const currentVersion = current?.version ?? 0;
  if (input.baseVersion !== currentVersion) throw new AppError("INVALID_INPUT", undefined, "settings.errors.privacyChanged");
  const texts = { textAr: input.textAr, textEn: input.textEn, healthTextAr: input.healthTextAr, healthTextEn: input.healthTextEn };
  const same = current && (Object.keys(texts) as (keyof typeof texts)[]).every((k) => (current[k] ?? null) === texts[k]);
  if (same) throw new AppError("INVALID_INPUT", undefined, "settings.errors.privacyUnchanged");
  const version = currentVersion + 1;
  // A new row, never an update: requests keep the version their applicant agreed to. Two
  // simultaneous saves collide on the (associationId, version) key and one fails.
  await ctx.db.privacyNotice.create({ data: { associationId, version, ...texts, createdById: ctx.user?.id ?? null } });
  return {
    audit: { action: "intake.privacy_notice_published", target: { type: "PrivacyNotice", id: String(version) }, before: { version: currentVersion }, after: { version } },
    notice: "settings.notices.privacySaved",
  };
}

// ---------------------------------------------------------------- holidays

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid");

export const addHolidaySchema = z.object({
  calendar: z.enum(CALENDARS, "validation.invalid"),
  year: int(1300, 2200, "validation.dateInvalid"),
  month: int(1, 12, "validation.dateInvalid"),
  day: int(1, 31, "validation.dateInvalid"),
  nameAr: arabicText(120),
  nameEn: optionalText(120),
});
export const removeHolidaySchema = z.object({ date: isoDate });
export const saudiHolidaysSchema = z.object({ hijriYear: int(1400, 1600, "validation.hijriYear") });

export async function addHoliday(ctx: ActionContext, input: z.output<typeof addHolidaySchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const date = gregorianOf(input);
  if (!date) throw new AppError("INVALID_INPUT", "day", "validation.dateInvalid");
  if (date.getUTCFullYear() < 2000) throw new AppError("INVALID_INPUT", "year", "validation.dateTooOld");
  if (await ctx.db.holiday.findUnique({ where: { associationId_date: { associationId, date } } })) {
    throw new AppError("INVALID_INPUT", "day", "settings.errors.holidayExists");
  }
  const after = { date: isoOf(date), nameAr: input.nameAr, nameEn: input.nameEn };
  await ctx.db.holiday.create({ data: { associationId, date, nameAr: input.nameAr, nameEn: input.nameEn } });
  return { audit: { action: "intake.holiday_added", target: { type: "Holiday", id: after.date }, after }, notice: "settings.notices.holidayAdded" };
}

export async function removeHoliday(ctx: ActionContext, input: z.output<typeof removeHolidaySchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const date = dateOnly(input.date);
  if (Number.isNaN(date.getTime())) throw new AppError("NOT_FOUND");
  const holiday = await ctx.db.holiday.findUnique({ where: { associationId_date: { associationId, date } } });
  if (!holiday) throw new AppError("NOT_FOUND");
  await ctx.db.holiday.delete({ where: { associationId_date: { associationId, date } } });
  return {
    audit: { action: "intake.holiday_removed", target: { type: "Holiday", id: input.date }, before: { date: input.date, nameAr: holiday.nameAr, nameEn: holiday.nameEn } },
    notice: "settings.notices.holidayRemoved",
  };
}

export async function addSaudiHolidays(ctx: ActionContext, input: z.output<typeof saudiHolidaysSchema>): Promise<Outcome> {
  const associationId = tenantId(ctx);
  const days = saudiHolidays(input.hijriYear);
  const existing = await ctx.db.holiday.findMany({ where: { associationId, date: { in: days.map((d) => dateOnly(d.date)) } }, select: { date: true } });
  const taken = new Set(existing.map((h) => isoOf(h.date)));
  const added = days.filter((d) => !taken.has(d.date));
  if (added.length > 0) {
    await ctx.db.holiday.createMany({ data: added.map((d) => ({ associationId, date: dateOnly(d.date), nameAr: d.nameAr, nameEn: d.nameEn })), skipDuplicates: true });
  }
  return {
    audit: { action: "intake.holidays_imported", target: { type: "Holiday", id: `H${input.hijriYear}` }, after: { hijriYear: input.hijriYear, dates: added.map((d) => d.date) } },
    notice: added.length > 0 ? "settings.notices.holidaysImported" : "settings.notices.holidaysNone",
    data: { added: String(added.length) },
  };
}

/** The Hijri year the "add the Saudi holidays" button offers first. */
export const currentHijriYear = (now = new Date()) => toHijri(now).year;
