import { SEED_ASSOCIATIONS, type SeedAssociation } from "../../prisma/seed";
import { CATALOG } from "../policy/catalog";
import { contentHash } from "../policy/hash";
import { policyContentSchema } from "../policy/schema";
import { hashPassword } from "../auth/password";
import { ROLES } from "../auth/permissions";
import type { Role } from "./generated/enums";
import type { Db } from "./client";
import type { DbClient } from "./types";
import { toHijri } from "../i18n/dates";
import { DEFAULT_PRIVACY_NOTICE, saudiHolidays } from "../requests/defaults";
import { ensureDefaultSurvey } from "../surveys/surveys";

// Idempotent: running it again updates profiles and catalog labels, and never touches an
// existing policy version (versions are immutable history).

export async function seedCatalog(db: Db) {
  for (const entry of CATALOG) {
    const data = { labelAr: entry.label.ar, labelEn: entry.label.en, sortOrder: entry.sortOrder };
    await db.catalogEntry.upsert({
      where: { kind_key: { kind: entry.kind, key: entry.key } },
      create: { kind: entry.kind, key: entry.key, ...data },
      update: data,
    });
  }
}

export async function seedAssociation(db: Db, seed: SeedAssociation, now = new Date()) {
  const content = policyContentSchema.parse(seed.policy);
  const profile = {
    nameAr: seed.name.ar,
    nameEn: seed.name.en,
    cityAr: seed.city.ar,
    cityEn: seed.city.en ?? null,
    registrationNumber: seed.registrationNumber,
    supervisingBodyAr: seed.supervisingBody?.ar ?? null,
    supervisingBodyEn: seed.supervisingBody?.en ?? null,
    phone: seed.contacts.phone,
    email: seed.contacts.email,
    website: seed.contacts.website,
    xHandle: seed.contacts.x,
    instagramHandle: seed.contacts.instagram,
    primaryColor: seed.primaryColor,
    healthRelated: seed.healthRelated,
  };

  return db.$transaction(async (tx) => {
    const association = await tx.association.upsert({
      where: { slug: seed.slug },
      create: { slug: seed.slug, ...profile },
      update: profile,
    });
    const associationId = association.id;
    const policy = await tx.policy.upsert({
      where: { associationId_kind: { associationId, kind: "BENEFICIARY_RELATIONS" } },
      create: { associationId, kind: "BENEFICIARY_RELATIONS" },
      update: {},
    });
    const hasVersion = await tx.policyVersion.count({ where: { associationId, policyId: policy.id } });
    if (hasVersion === 0) {
      const version = await tx.policyVersion.create({
        data: {
          associationId,
          policyId: policy.id,
          number: 1,
          status: "PUBLISHED",
          content,
          contentHash: contentHash(content),
          previousHash: null,
          publishedAt: now,
        },
      });
      if (seed.boardDecision) {
        await tx.boardDecision.create({
          data: {
            associationId,
            policyVersionId: version.id,
            outcome: "APPROVED",
            sessionNumber: seed.boardDecision.sessionNumber,
            meetingDate: new Date(`${seed.boardDecision.meetingDate}T00:00:00Z`),
            chairNameAr: seed.boardDecision.chairName.ar,
            chairNameEn: seed.boardDecision.chairName.en ?? null,
            decidedAt: new Date(`${seed.boardDecision.meetingDate}T00:00:00Z`),
          },
        });
      }
    }
    await seedIntakeSettings(tx, associationId, seed);
    await ensureDefaultSurvey(tx, associationId, now);
    // The platform's demo tenants get Plus from the platform; a row already there (changed on
    // the billing page or by hand) is left as it is.
    await tx.subscription.upsert({ where: { associationId }, create: { associationId, plan: "PLUS", source: "GRANTED" }, update: {} });
    return association;
  });
}

/** Support types, the first privacy notice and this year's and next year's holidays, each
 * only where the association has none yet (admins edit them afterwards). */
async function seedIntakeSettings(db: DbClient, associationId: string, seed: SeedAssociation) {
  if ((await db.supportType.count({ where: { associationId } })) === 0) {
    await db.supportType.createMany({
      data: seed.supportTypes.map((type, sortOrder) => ({ associationId, key: type.key, labelAr: type.ar, labelEn: type.en, sortOrder })),
    });
  }
  if ((await db.privacyNotice.count({ where: { associationId } })) === 0) {
    await db.privacyNotice.create({ data: { associationId, version: 1, ...DEFAULT_PRIVACY_NOTICE } });
  }
  if ((await db.holiday.count({ where: { associationId } })) === 0) {
    const year = toHijri(new Date()).year;
    const holidays = [...saudiHolidays(year), ...saudiHolidays(year + 1)];
    await db.holiday.createMany({
      data: holidays.map((h) => ({ associationId, date: new Date(`${h.date}T00:00:00Z`), nameAr: h.nameAr, nameEn: h.nameEn })),
      skipDuplicates: true,
    });
  }
}

export async function seed(db: Db, associations: SeedAssociation[] = SEED_ASSOCIATIONS) {
  await seedCatalog(db);
  for (const association of associations) await seedAssociation(db, association);
}

/** Demo accounts for development: one per role in each seed association, and one operator.
 * Never created when NODE_ENV=production or DEMO_ACCOUNTS=off. */
export const DEMO_PASSWORD = "Demo-2026-pass";
export const DEMO_OPERATOR_EMAIL = "operator@alaqa.demo";
export const demoEmail = (slug: string, role: Role) => `${role.toLowerCase()}@${slug}.demo`;

export const demoAccountsEnabled = (env: NodeJS.ProcessEnv = process.env) =>
  env.NODE_ENV !== "production" && env.DEMO_ACCOUNTS !== "off";

export async function seedDemoAccounts(db: Db, associations: SeedAssociation[] = SEED_ASSOCIATIONS) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const upsertUser = (email: string, name: string, isOperator = false) =>
    db.user.upsert({ where: { email }, create: { email, name, passwordHash, isOperator }, update: {}, select: { id: true } });

  await upsertUser(DEMO_OPERATOR_EMAIL, "مشغل المنصة (تجريبي)", true);
  for (const seedAssociation of associations) {
    const association = await db.association.findUnique({ where: { slug: seedAssociation.slug }, select: { id: true } });
    if (!association) continue;
    for (const role of ROLES) {
      const user = await upsertUser(demoEmail(seedAssociation.slug, role), `${DEMO_ROLE_NAMES[role]} (تجريبي)`);
      await db.membership.upsert({
        where: { associationId_userId: { associationId: association.id, userId: user.id } },
        create: { associationId: association.id, userId: user.id, roles: [role], isChair: role === "BOARD" },
        update: {},
      });
    }
  }
}

const DEMO_ROLE_NAMES: Record<Role, string> = {
  ADMIN: "مدير الجمعية",
  OFFICER: "مسؤول علاقات المستفيدين",
  RESEARCHER: "الباحث الاجتماعي",
  COMMITTEE: "عضو لجنة البحث",
  BOARD: "رئيس مجلس الإدارة",
};
