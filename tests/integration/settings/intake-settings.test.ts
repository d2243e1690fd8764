/** @jest-environment node */
import "../fast-bcrypt";
import { resolveAccess } from "@/lib/auth/access";
import * as settingsActions from "@/lib/associations/intake-settings-actions";
import { readIntakeSettings, supportTypeKey } from "@/lib/associations/intake-settings";
import { ROLES } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { hijriToGregorian, toHijri } from "@/lib/i18n/dates";
import { saudiHolidays } from "@/lib/requests/defaults";
import { engineName, freshDatabase } from "../../helpers/db";
import { actionRunner, bound, type ActionResult, type Bound } from "../actions";
import { demoUser, seedWithAccounts, tenant, type Slug } from "../fixtures";

// The intake settings run as the app runs them: the real server actions with the Next.js
// binding replaced by the guard's core (permission → zod → service in a transaction → audit),
// against a real database (PGlite, or PostgreSQL with DATABASE_URL).

jest.mock("@/lib/auth/guard", () => jest.requireActual("../actions").boundGuard);

const A = {
  addType: bound(settingsActions.addSupportTypeAction),
  renameType: bound(settingsActions.renameSupportTypeAction),
  moveType: bound(settingsActions.moveSupportTypeAction),
  setTypeActive: bound(settingsActions.setSupportTypeActiveAction),
  health: bound(settingsActions.setHealthRelatedAction),
  privacy: bound(settingsActions.savePrivacyNoticeAction),
  addHoliday: bound(settingsActions.addHolidayAction),
  removeHoliday: bound(settingsActions.removeHolidayAction),
  importHolidays: bound(settingsActions.addSaudiHolidaysAction),
};

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seedWithAccounts(db.prisma);
});
afterAll(() => db.close());

const associationId = async (slug: string) => (await tenant(db.prisma, slug)).id;
const user = (slug: Slug, role: Role) => demoUser(db.prisma, slug, role);

type Result = ActionResult;
const run = actionRunner(() => db.prisma);

/** Everything a settings action may change in one association. */
async function snapshot(slug: string) {
  const id = await associationId(slug);
  const where = { associationId: id };
  return {
    types: await db.prisma.supportType.findMany({ where, orderBy: { key: "asc" } }),
    holidays: await db.prisma.holiday.findMany({ where, orderBy: { date: "asc" } }),
    notices: await db.prisma.privacyNotice.findMany({ where, orderBy: { version: "asc" } }),
    association: await db.prisma.association.findUniqueOrThrow({ where: { id }, select: { healthRelated: true } }),
    audit: await db.prisma.auditEvent.count({ where }),
  };
}

/** Runs the action and checks that it changed nothing at all in the association. */
async function unchanged(slug: string, call: () => Promise<Result>): Promise<Result> {
  const before = await snapshot(slug);
  const result = await call();
  expect(result.state.ok).toBeUndefined();
  expect(await snapshot(slug)).toEqual(before);
  return result;
}

const types = async (slug: string) =>
  db.prisma.supportType.findMany({ where: { associationId: await associationId(slug) }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
const lastAudit = async (slug: string) =>
  db.prisma.auditEvent.findFirstOrThrow({ where: { associationId: await associationId(slug) }, orderBy: { createdAt: "desc" } });
const latestNotice = async (slug: string) =>
  db.prisma.privacyNotice.findFirstOrThrow({ where: { associationId: await associationId(slug) }, orderBy: { version: "desc" } });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const holidayOn = async (slug: string, iso: string) =>
  db.prisma.holiday.findUnique({ where: { associationId_date: { associationId: await associationId(slug), date: day(iso) } } });

/** The seed adds this Hijri year's holidays (and next year's) to both associations. */
const SEEDED_YEAR = toHijri(new Date()).year;
const LONG_AR = "تجمع الجمعية بياناتك لدراسة طلبك وتقديم الخدمة فقط، ولا يطّلع عليها إلا المختصون، ولك طلب تصحيحها أو إتلافها.";

/** A valid input per action, for the permission checks. */
const validInput: Record<keyof typeof A, Record<string, unknown>> = {
  addType: { labelAr: "زيارة منزلية", labelEn: "Home visits" },
  renameType: { key: "counseling", labelAr: "استشارة", labelEn: "" },
  moveType: { key: "counseling", direction: "down" },
  setTypeActive: { key: "counseling", active: "false" },
  health: {},
  privacy: { baseVersion: "1", textAr: LONG_AR },
  addHoliday: { calendar: "HIJRI", year: "1460", month: "1", day: "1", nameAr: "رأس السنة" },
  removeHoliday: { date: saudiHolidays(SEEDED_YEAR)[0]!.date },
  importHolidays: { hijriYear: "1458" },
};

// ---------------------------------------------------------------------------------------------

describe(`who may change the intake settings (${engineName()})`, () => {
  it.each(Object.keys(A) as (keyof typeof A)[])("%s asks for intake.configure", (name) => {
    expect(A[name].scope).toEqual({ permission: "intake.configure" });
  });

  it.each(ROLES.filter((r) => r !== "ADMIN"))("Qader's %s is refused every action and nothing changes", async (role) => {
    const member = await user("qader", role);
    for (const name of Object.keys(A) as (keyof typeof A)[]) {
      expect((await unchanged("qader", () => run("qader", member, A[name], validInput[name]))).refused).toBe(true);
    }
  });

  it("an Al-Hilah admin is refused on Qader's site", async () => {
    const stranger = await user("alhilah", "ADMIN");
    for (const name of Object.keys(A) as (keyof typeof A)[]) {
      expect((await unchanged("qader", () => run("qader", stranger, A[name], validInput[name]))).refused).toBe(true);
    }
  });

  it("Qader's admin is allowed", async () => {
    const site = { kind: "tenant" as const, tenant: await tenant(db.prisma, "qader") };
    const access = await resolveAccess(db.prisma, site, await user("qader", "ADMIN"), A.addType.scope);
    expect(access?.member?.roles).toEqual(["ADMIN"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe(`support types (${engineName()})`, () => {
  let admin: SessionUser;
  beforeAll(async () => {
    admin = await user("qader", "ADMIN");
  });

  it("keys are slugs of the English label, or type-N, unique in the association", () => {
    expect(supportTypeKey("Home visits & care!", new Set())).toBe("home-visits-care");
    expect(supportTypeKey("Home visits", new Set(["home-visits", "home-visits-2"]))).toBe("home-visits-3");
    expect(supportTypeKey(null, new Set(["a", "b"]))).toBe("type-3");
    expect(supportTypeKey("دعم", new Set(["type-1"]))).toBe("type-2");
  });

  it("adds a type at the end with a generated key, and audits it", async () => {
    const before = await types("qader");
    const first = await run("qader", admin, A.addType, { labelAr: "زيارة منزلية", labelEn: "Home visits" });
    expect(first.state).toMatchObject({ ok: true, notice: "settings.notices.typeAdded" });
    const second = await run("qader", admin, A.addType, { labelAr: "زيارة منزلية ثانية", labelEn: "Home visits" });
    expect(second.state.ok).toBe(true);
    expect((await lastAudit("qader")).action).toBe("intake.support_type_added");
    await run("qader", admin, A.addType, { labelAr: "نوع بلا اسم إنجليزي", labelEn: "" });
    const after = await types("qader");
    expect(after.slice(before.length).map((t) => [t.key, t.labelEn, t.active])).toEqual([
      ["home-visits", "Home visits", true],
      ["home-visits-2", "Home visits", true],
      [`type-${before.length + 3}`, null, true],
    ]);
    // The same key in another association is untouched and independent.
    expect((await types("alhilah")).some((t) => t.key.startsWith("home-visits"))).toBe(false);
  });

  it("renames a type, keeping its key", async () => {
    const { state } = await run("qader", admin, A.renameType, { key: "home-visits-2", labelAr: "زيارة ميدانية", labelEn: "Field visits" });
    expect(state.ok).toBe(true);
    const renamed = (await types("qader")).find((t) => t.key === "home-visits-2")!;
    expect([renamed.labelAr, renamed.labelEn]).toEqual(["زيارة ميدانية", "Field visits"]);
    expect((await lastAudit("qader")).action).toBe("intake.support_type_renamed");
  });

  it("moves a type up and down", async () => {
    const keys = async () => (await types("qader")).map((t) => t.key);
    const start = await keys();
    expect((await run("qader", admin, A.moveType, { key: start[1], direction: "up" })).state.ok).toBe(true);
    expect(await keys()).toEqual([start[1], start[0], ...start.slice(2)]);
    expect((await run("qader", admin, A.moveType, { key: start[1], direction: "down" })).state.ok).toBe(true);
    expect(await keys()).toEqual(start);
    expect((await lastAudit("qader")).action).toBe("intake.support_types_reordered");
    // The first cannot go further up: nothing changes, nothing is recorded.
    const before = await snapshot("qader");
    expect((await run("qader", admin, A.moveType, { key: start[0], direction: "up" })).state.ok).toBe(true);
    expect(await snapshot("qader")).toEqual(before);
  });

  it("refuses invalid input with localized keys and changes nothing", async () => {
    const cases: [Bound, Record<string, unknown>, string, string][] = [
      [A.addType, { labelAr: "", labelEn: "x" }, "labelAr", "validation.required"],
      [A.addType, { labelAr: "Home", labelEn: "Home" }, "labelAr", "validation.arabicRequired"],
      [A.addType, { labelAr: "د".repeat(121) }, "labelAr", "validation.tooLong"],
      [A.addType, { labelAr: "دعم", labelEn: "x".repeat(121) }, "labelEn", "validation.tooLong"],
      [A.renameType, { key: "counseling", labelAr: "  " }, "labelAr", "validation.required"],
      [A.moveType, { key: "counseling", direction: "sideways" }, "direction", "validation.invalid"],
      [A.setTypeActive, { key: "counseling", active: "maybe" }, "active", "validation.invalid"],
    ];
    for (const [action, raw, field, key] of cases) {
      const { state } = await unchanged("qader", () => run("qader", admin, action, raw));
      expect(state.fieldErrors?.[field]).toBe(key);
    }
    const unknown = await unchanged("qader", () => run("qader", admin, A.renameType, { key: "no-such-type", labelAr: "اسم" }));
    expect(unknown.state.error).toBe("errors.NOT_FOUND");
  });

  it("deactivates and reactivates, but never the last active type", async () => {
    const all = await types("qader");
    for (const type of all.slice(1)) {
      expect((await run("qader", admin, A.setTypeActive, { key: type.key, active: "false" })).state.ok).toBe(true);
    }
    expect((await lastAudit("qader")).action).toBe("intake.support_type_deactivated");
    const last = await unchanged("qader", () => run("qader", admin, A.setTypeActive, { key: all[0]!.key, active: "false" }));
    expect(last.state.error).toBe("settings.errors.lastActiveType");
    // Deactivating an already inactive one is harmless.
    expect((await run("qader", admin, A.setTypeActive, { key: all[1]!.key, active: "false" })).state.ok).toBe(true);
    for (const type of all.slice(1)) {
      expect((await run("qader", admin, A.setTypeActive, { key: type.key, active: "true" })).state.ok).toBe(true);
    }
    expect((await lastAudit("qader")).action).toBe("intake.support_type_reactivated");
    expect((await types("qader")).every((t) => t.active)).toBe(true);
    // Rows are never deleted.
    expect((await types("qader")).map((t) => t.key)).toEqual(all.map((t) => t.key));
  });
});

// ---------------------------------------------------------------------------------------------

describe(`health-related service (${engineName()})`, () => {
  it("turns off and on, audited", async () => {
    const admin = await user("qader", "ADMIN");
    const id = await associationId("qader");
    const health = async () => (await db.prisma.association.findUniqueOrThrow({ where: { id }, select: { healthRelated: true } })).healthRelated;
    expect(await health()).toBe(true);
    expect((await run("qader", admin, A.health, {})).state.ok).toBe(true);
    expect(await health()).toBe(false);
    expect((await run("qader", admin, A.health, { healthRelated: "on" })).state.ok).toBe(true);
    expect(await health()).toBe(true);
    const audit = await lastAudit("qader");
    expect(audit.action).toBe("intake.health_related_changed");
  });

  it("cannot be turned on while the privacy notice has no health text", async () => {
    const admin = await user("alhilah", "ADMIN");
    const texts = { baseVersion: String((await latestNotice("alhilah")).version), textAr: LONG_AR, textEn: "", healthTextAr: "", healthTextEn: "" };
    expect((await run("alhilah", admin, A.privacy, texts)).state.ok).toBe(true);
    const { state } = await unchanged("alhilah", () => run("alhilah", admin, A.health, { healthRelated: "on" }));
    expect(state.fieldErrors?.healthRelated).toBe("settings.errors.healthTextMissing");
  });
});

// ---------------------------------------------------------------------------------------------

describe(`privacy notice versions (${engineName()})`, () => {
  let admin: SessionUser;
  beforeAll(async () => {
    admin = await user("qader", "ADMIN");
  });

  it("saving creates version + 1 and leaves the old row as it was", async () => {
    const old = await latestNotice("qader");
    const { state } = await run("qader", admin, A.privacy, {
      baseVersion: String(old.version),
      textAr: `${old.textAr} نسخة محدّثة.`,
      textEn: old.textEn,
      healthTextAr: old.healthTextAr,
      healthTextEn: old.healthTextEn,
    });
    expect(state).toMatchObject({ ok: true, notice: "settings.notices.privacySaved" });
    const next = await latestNotice("qader");
    expect(next.version).toBe(old.version + 1);
    expect(next.textAr).toBe(`${old.textAr} نسخة محدّثة.`);
    expect(next.createdById).toBe(admin.id);
    const oldNow = await db.prisma.privacyNotice.findUniqueOrThrow({ where: { associationId_version: { associationId: old.associationId, version: old.version } } });
    expect(oldNow).toEqual(old);
    expect((await lastAudit("qader")).action).toBe("intake.privacy_notice_published");
  });

  it("refuses an unchanged save, a stale base version, a short text, and a missing health text", async () => {
    const current = await latestNotice("qader");
    const same = { baseVersion: String(current.version), textAr: current.textAr, textEn: current.textEn ?? "", healthTextAr: current.healthTextAr ?? "", healthTextEn: current.healthTextEn ?? "" };
    expect((await unchanged("qader", () => run("qader", admin, A.privacy, same))).state.error).toBe("settings.errors.privacyUnchanged");
    const stale = { ...same, baseVersion: String(current.version - 1), textAr: `${current.textAr}!` };
    expect((await unchanged("qader", () => run("qader", admin, A.privacy, stale))).state.error).toBe("settings.errors.privacyChanged");
    const short = { ...same, textAr: "نص قصير" };
    expect((await unchanged("qader", () => run("qader", admin, A.privacy, short))).state.fieldErrors?.textAr).toBe("validation.privacyTooShort");
    const empty = { ...same, textAr: "" };
    expect((await unchanged("qader", () => run("qader", admin, A.privacy, empty))).state.fieldErrors?.textAr).toBe("validation.required");
    // Qader's service is health-related: the health consent text is required.
    const noHealth = { ...same, textAr: `${current.textAr}!`, healthTextAr: " " };
    expect((await unchanged("qader", () => run("qader", admin, A.privacy, noHealth))).state.fieldErrors?.healthTextAr).toBe("settings.errors.healthTextRequired");
  });
});

// ---------------------------------------------------------------------------------------------

describe(`holidays (${engineName()})`, () => {
  let admin: SessionUser;
  beforeAll(async () => {
    admin = await user("qader", "ADMIN");
  });

  it("adds a holiday entered in Hijri or Gregorian, and refuses the same day twice", async () => {
    const g = hijriToGregorian({ year: 1460, month: 1, day: 1 });
    const iso = `${g.year}-${String(g.month).padStart(2, "0")}-${String(g.day).padStart(2, "0")}`;
    const { state } = await run("qader", admin, A.addHoliday, { calendar: "HIJRI", year: "1460", month: "1", day: "1", nameAr: "رأس السنة الهجرية", nameEn: "" });
    expect(state).toMatchObject({ ok: true, notice: "settings.notices.holidayAdded" });
    expect(await holidayOn("qader", iso)).toMatchObject({ nameAr: "رأس السنة الهجرية", nameEn: null });
    expect((await lastAudit("qader")).action).toBe("intake.holiday_added");
    const again = await unchanged("qader", () =>
      run("qader", admin, A.addHoliday, { calendar: "GREGORIAN", year: String(g.year), month: String(g.month), day: String(g.day), nameAr: "مكرر" }),
    );
    expect(again.state.fieldErrors?.day).toBe("settings.errors.holidayExists");
    expect((await run("qader", admin, A.addHoliday, { calendar: "GREGORIAN", year: "2040", month: "3", day: "15", nameAr: "يوم الجمعية" })).state.ok).toBe(true);
    expect(await holidayOn("qader", "2040-03-15")).not.toBeNull();
  });

  it("refuses invalid dates and names with localized keys", async () => {
    const base = { calendar: "GREGORIAN", year: "2040", month: "2", day: "20", nameAr: "عطلة" };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, day: "30" }, "day", "validation.dateInvalid"],
      [{ ...base, calendar: "HIJRI", year: "1460", month: "2", day: "31" }, "day", "validation.dateInvalid"],
      [{ ...base, month: "13" }, "month", "validation.dateInvalid"],
      [{ ...base, year: "" }, "year", "validation.dateInvalid"],
      [{ ...base, year: "1460" }, "year", "validation.dateTooOld"],
      [{ ...base, calendar: "JULIAN" }, "calendar", "validation.invalid"],
      [{ ...base, nameAr: "" }, "nameAr", "validation.required"],
      [{ ...base, nameAr: "Holiday" }, "nameAr", "validation.arabicRequired"],
    ];
    for (const [raw, field, key] of cases) {
      const { state } = await unchanged("qader", () => run("qader", admin, A.addHoliday, raw));
      expect({ raw, error: state.fieldErrors?.[field] }).toEqual({ raw, error: key });
    }
    expect((await unchanged("qader", () => run("qader", admin, A.importHolidays, { hijriYear: "99" }))).state.fieldErrors?.hijriYear).toBe("validation.hijriYear");
    expect((await unchanged("qader", () => run("qader", admin, A.removeHoliday, { date: "soon" }))).state.fieldErrors?.date).toBe("validation.invalid");
  });

  it("removes a holiday; an unknown date is NOT_FOUND", async () => {
    expect((await run("qader", admin, A.removeHoliday, { date: "2040-03-15" })).state).toMatchObject({ ok: true, notice: "settings.notices.holidayRemoved" });
    expect(await holidayOn("qader", "2040-03-15")).toBeNull();
    expect((await lastAudit("qader")).action).toBe("intake.holiday_removed");
    expect((await unchanged("qader", () => run("qader", admin, A.removeHoliday, { date: "2040-03-15" }))).state.error).toBe("errors.NOT_FOUND");
  });

  it("lists upcoming holidays from today in Riyadh, not today in UTC", async () => {
    const id = await associationId("alhilah");
    await db.prisma.holiday.createMany({ data: ["2042-05-10", "2042-05-11"].map((iso) => ({ associationId: id, date: day(iso), nameAr: "عطلة" })) });
    const listed = async (now: string) =>
      (await readIntakeSettings(db.prisma, id, new Date(now))).holidays.map((h) => h.date.toISOString().slice(0, 10)).filter((iso) => iso.startsWith("2042-05-1"));
    // 23:00 on 10 May in Riyadh: the 10th is still upcoming.
    expect(await listed("2042-05-10T20:00:00Z")).toEqual(["2042-05-10", "2042-05-11"]);
    // 01:30 on 11 May in Riyadh (still the 10th in UTC): the 10th is over.
    expect(await listed("2042-05-10T22:30:00Z")).toEqual(["2042-05-11"]);
  });

  it("adds the Saudi public holidays of a Hijri year, skipping days already listed", async () => {
    const year = 1458;
    const days = saudiHolidays(year);
    // One of them is already there under the association's own name: it is kept.
    const [first] = days;
    const [y, m, d] = first!.date.split("-");
    await run("qader", admin, A.addHoliday, { calendar: "GREGORIAN", year: y, month: String(Number(m)), day: String(Number(d)), nameAr: "اسم الجمعية لهذا اليوم" });
    const { state } = await run("qader", admin, A.importHolidays, { hijriYear: String(year) });
    expect(state).toMatchObject({ ok: true, data: { added: String(days.length - 1) } });
    for (const holiday of days.slice(1)) expect((await holidayOn("qader", holiday.date))?.nameAr).toBe(holiday.nameAr);
    expect((await holidayOn("qader", first!.date))?.nameAr).toBe("اسم الجمعية لهذا اليوم");
    expect((await lastAudit("qader")).action).toBe("intake.holidays_imported");
    const again = await run("qader", admin, A.importHolidays, { hijriYear: String(year) });
    expect(again.state).toMatchObject({ ok: true, notice: "settings.notices.holidaysNone", data: { added: "0" } });
  });
});

// ---------------------------------------------------------------------------------------------

describe(`one association's settings are out of another's reach (${engineName()})`, () => {
  it("Qader's admin cannot touch Al-Hilah's types: keys resolve in the host's association", async () => {
    const admin = await user("qader", "ADMIN");
    const before = await snapshot("alhilah");
    // food-basket exists only at Al-Hilah.
    for (const [action, raw] of [
      [A.renameType, { key: "food-basket", labelAr: "مسروق" }],
      [A.moveType, { key: "food-basket", direction: "up" }],
      [A.setTypeActive, { key: "food-basket", active: "false" }],
    ] as const) {
      expect((await unchanged("qader", () => run("qader", admin, action, raw))).state.error).toBe("errors.NOT_FOUND");
    }
    // financial-aid exists in both: Qader's admin changes Qader's only.
    expect((await run("qader", admin, A.renameType, { key: "financial-aid", labelAr: "مساعدة علاجية" })).state.ok).toBe(true);
    expect((await run("qader", admin, A.setTypeActive, { key: "financial-aid", active: "false" })).state.ok).toBe(true);
    expect((await types("qader")).find((t) => t.key === "financial-aid")).toMatchObject({ labelAr: "مساعدة علاجية", active: false });
    expect(await snapshot("alhilah")).toEqual(before);
  });

  it("Qader's admin removes Qader's holiday on a date, never Al-Hilah's", async () => {
    const admin = await user("qader", "ADMIN");
    const date = saudiHolidays(SEEDED_YEAR)[0]!.date;
    expect(await holidayOn("alhilah", date)).not.toBeNull();
    const before = await snapshot("alhilah");
    expect((await run("qader", admin, A.removeHoliday, { date })).state.ok).toBe(true);
    expect(await holidayOn("qader", date)).toBeNull();
    expect(await snapshot("alhilah")).toEqual(before);
    // Al-Hilah-only holiday: not found from Qader's site.
    await db.prisma.holiday.create({ data: { associationId: await associationId("alhilah"), date: day("2041-01-05"), nameAr: "يوم الحلة" } });
    expect((await unchanged("qader", () => run("qader", admin, A.removeHoliday, { date: "2041-01-05" }))).state.error).toBe("errors.NOT_FOUND");
    expect(await holidayOn("alhilah", "2041-01-05")).not.toBeNull();
  });

  it("a privacy notice saved at Qader is a Qader version only", async () => {
    const admin = await user("qader", "ADMIN");
    const alhilahBefore = await snapshot("alhilah");
    const current = await latestNotice("qader");
    const { state } = await run("qader", admin, A.privacy, { baseVersion: String(current.version), textAr: `${current.textAr} ٢`, healthTextAr: current.healthTextAr });
    expect(state.ok).toBe(true);
    expect(await snapshot("alhilah")).toEqual(alhilahBefore);
  });
});
