import type { Db } from "../db";

// The only code that reads associations for routing. Both lookups are by unique keys.

const tenantSelect = {
  id: true,
  slug: true,
  nameAr: true,
  nameEn: true,
  cityAr: true,
  cityEn: true,
  registrationNumber: true,
  supervisingBodyAr: true,
  supervisingBodyEn: true,
  phone: true,
  email: true,
  website: true,
  xHandle: true,
  instagramHandle: true,
  primaryColor: true,
  status: true,
  /** Whether the home page shows "the policy in practice": read on every home page view. */
  publicFigures: true,
  updatedAt: true,
} as const;

export function tenancyRepository(db: Db) {
  return {
    findBySlug: (slug: string) => db.association.findUnique({ where: { slug }, select: tenantSelect }),
    findByDomain: async (hostname: string) =>
      (await db.associationDomain.findUnique({ where: { hostname }, select: { association: { select: tenantSelect } } }))
        ?.association ?? null,
    listActive: () =>
      db.association.findMany({ where: { status: "ACTIVE" }, select: tenantSelect, orderBy: { createdAt: "asc" } }),
  };
}

export type Tenant = NonNullable<Awaited<ReturnType<ReturnType<typeof tenancyRepository>["findBySlug"]>>>;
