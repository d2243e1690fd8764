import { SEED_ASSOCIATIONS, type SeedAssociation } from "../../prisma/seed";
import { CATALOG } from "../policy/catalog";
import { contentHash } from "../policy/hash";
import { policyContentSchema } from "../policy/schema";
import type { Db } from "./client";

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
    return association;
  });
}

export async function seed(db: Db, associations: SeedAssociation[] = SEED_ASSOCIATIONS) {
  await seedCatalog(db);
  for (const association of associations) await seedAssociation(db, association);
}
