/** @jest-environment node */
import type { Database } from "@/lib/db/client";
import { seed } from "@/lib/db/seed";
import { getPublishedPolicy } from "@/lib/policy/service";
import { invalidateTenant, lookupTenant } from "@/lib/tenancy/lookup";
import { engineName, freshDatabase } from "../../helpers/db";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
  await seed(db.prisma);
});
afterAll(() => db.close());
beforeEach(() => invalidateTenant());

describe(`tenant lookup (${engineName()})`, () => {
  it("finds an association by subdomain slug and by custom domain", async () => {
    const qader = await lookupTenant(db.prisma, "qader");
    expect(qader?.nameEn).toMatch(/Qader/);
    await db.prisma.associationDomain.create({ data: { associationId: qader!.id, hostname: "qader.org.sa" } });
    expect((await lookupTenant(db.prisma, "qader.org.sa"))?.id).toBe(qader!.id);
  });

  it("answers null for unknown, malformed and reserved keys", async () => {
    for (const key of ["nope", "www", "api", "-", "Qader", "a..b", "x".repeat(64), "unknown.example.org"]) {
      expect(await lookupTenant(db.prisma, key)).toBeNull();
    }
  });

  it("returns a suspended association with its status, so its site can say so", async () => {
    invalidateTenant();
    await db.prisma.association.update({ where: { slug: "alhilah" }, data: { status: "SUSPENDED" } });
    expect((await lookupTenant(db.prisma, "alhilah"))?.status).toBe("SUSPENDED");
    await db.prisma.association.update({ where: { slug: "alhilah" }, data: { status: "ACTIVE" } });
    invalidateTenant();
  });

  it("serves from cache until the association is invalidated", async () => {
    const before = (await lookupTenant(db.prisma, "qader"))!;
    await db.prisma.association.update({ where: { id: before.id }, data: { nameEn: "Renamed" } });
    expect((await lookupTenant(db.prisma, "qader"))!.nameEn).toBe(before.nameEn); // cached
    invalidateTenant({ id: before.id });
    expect((await lookupTenant(db.prisma, "qader"))!.nameEn).toBe("Renamed");
  });

  it("expires cached entries after the TTL", async () => {
    const t0 = Date.now();
    const before = (await lookupTenant(db.prisma, "alhilah", t0))!;
    await db.prisma.association.update({ where: { id: before.id }, data: { nameEn: "Later" } });
    expect((await lookupTenant(db.prisma, "alhilah", t0 + 1_000))!.nameEn).toBe(before.nameEn);
    expect((await lookupTenant(db.prisma, "alhilah", t0 + 61_000))!.nameEn).toBe("Later");
  });

  it("forgets a cached miss when a new association takes that slug", async () => {
    expect(await lookupTenant(db.prisma, "newcomer")).toBeNull();
    const created = await db.prisma.association.create({ data: { slug: "newcomer", nameAr: "جديدة", nameEn: "Newcomer" } });
    invalidateTenant({ id: created.id, keys: ["newcomer"] });
    expect((await lookupTenant(db.prisma, "newcomer"))?.id).toBe(created.id);
  });
});

describe(`tenant isolation of policy reads (${engineName()})`, () => {
  it("never returns one association's version for another's id", async () => {
    const qader = (await lookupTenant(db.prisma, "qader"))!;
    const alhilah = (await lookupTenant(db.prisma, "alhilah"))!;
    const alhilahVersion = await db.prisma.policyVersion.findFirstOrThrow({ where: { associationId: alhilah.id } });
    // The composite key makes "by id" impossible without the association.
    expect(
      await db.prisma.policyVersion.findUnique({ where: { associationId_id: { associationId: qader.id, id: alhilahVersion.id } } }),
    ).toBeNull();
    expect((await getPublishedPolicy(db.prisma, qader.id))!.contentHash).not.toBe(alhilahVersion.contentHash);
    expect((await getPublishedPolicy(db.prisma, alhilah.id))!.contentHash).toBe(alhilahVersion.contentHash);
  });

  it("rejects a version or decision that points at another association's rows", async () => {
    const qader = (await lookupTenant(db.prisma, "qader"))!;
    const alhilahPolicy = await db.prisma.policy.findFirstOrThrow({ where: { association: { slug: "alhilah" } } });
    await expect(
      db.prisma.policyVersion.create({
        data: { associationId: qader.id, policyId: alhilahPolicy.id, number: 99, content: {}, contentHash: "0".repeat(64) },
      }),
    ).rejects.toThrow();
  });
});
