/** @jest-environment node */
import type { Database } from "@/lib/db/client";
import { seed } from "@/lib/db/seed";
import { CATALOG } from "@/lib/policy/catalog";
import { contentHash } from "@/lib/policy/hash";
import { getPublishedPolicy } from "@/lib/policy/service";
import { engineName, freshDatabase } from "../../helpers/db";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

async function snapshot() {
  const p = db.prisma;
  return {
    associations: await p.association.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } }),
    versions: await p.policyVersion.findMany({ select: { id: true, contentHash: true }, orderBy: { id: "asc" } }),
    decisions: await p.boardDecision.count(),
    catalog: await p.catalogEntry.count(),
  };
}

describe(`seed (${engineName()})`, () => {
  it("is idempotent: a second run changes nothing", async () => {
    await seed(db.prisma);
    const first = await snapshot();
    await seed(db.prisma);
    expect(await snapshot()).toEqual(first);
    expect(first.associations.map((a) => a.slug)).toEqual(["alhilah", "qader"]);
    expect(first.versions).toHaveLength(2);
    expect(first.decisions).toBe(1);
    expect(first.catalog).toBe(CATALOG.length);
  });

  it("publishes Qader's policy as approved in the 8th session on 1442/12/22 AH (2021-08-01)", async () => {
    const qader = await db.prisma.association.findUniqueOrThrow({ where: { slug: "qader" } });
    const policy = (await getPublishedPolicy(db.prisma, qader.id))!;
    expect(policy.content.channels).toHaveLength(7);
    expect(policy.content.officerTools).toHaveLength(4);
    expect(policy.content.procedure.steps).toHaveLength(6);
    expect(policy.content.responseDeadline).toMatchObject({ amount: 1, unit: "MONTHS" });
    expect(policy.contentHash).toBe(contentHash(policy.content));
    expect(policy.boardDecision).toEqual({
      sessionNumber: 8,
      meetingDate: new Date("2021-08-01T00:00:00Z"),
      chairNameAr: "إبراهيم بن لافي العنزي",
      chairNameEn: expect.any(String),
      attendees: [],
    });
  });

  it("publishes Al-Hilah's policy with no invented board decision", async () => {
    const alhilah = await db.prisma.association.findUniqueOrThrow({ where: { slug: "alhilah" } });
    expect(alhilah).toMatchObject({ registrationNumber: "300", phone: "+966556880045", xHandle: "alhalahMCS", instagramHandle: "alhalah18" });
    const policy = (await getPublishedPolicy(db.prisma, alhilah.id))!;
    expect(policy.content.channels.map((c) => c.key)).toContain("BRANCH_REPRESENTATIVE");
    expect(policy.content.channels).toHaveLength(8);
    expect(policy.content.officerTools).toHaveLength(6);
    expect(policy.content.procedure.steps).toHaveLength(7);
    expect(policy.content.responseDeadline).toMatchObject({ amount: 2, unit: "WEEKS" });
    expect(policy.boardDecision).toBeNull();
  });

  it("stores the source text cleaned: no tatweel anywhere", async () => {
    const versions = await db.prisma.policyVersion.findMany({ select: { content: true } });
    for (const v of versions) expect(JSON.stringify(v.content)).not.toMatch(/\u0640/);
  });
});
