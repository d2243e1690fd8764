import type { Db } from "../db";

// The only code that reads policies. Every query names the association.

export function policyRepository(db: Db) {
  return {
    /** The version in force: the published one of the association's policy of this kind. */
    findPublished: (associationId: string, kind: "BENEFICIARY_RELATIONS" = "BENEFICIARY_RELATIONS") =>
      db.policyVersion.findFirst({
        where: { associationId, status: "PUBLISHED", policy: { associationId, kind } },
        orderBy: { number: "desc" },
        include: {
          boardDecisions: {
            where: { associationId, outcome: "APPROVED" },
            orderBy: { decidedAt: "desc" },
            take: 1,
          },
        },
      }),
    /** Number and status of the published version and of the one in the works, newest first. */
    listCurrentVersions: (associationId: string) =>
      db.policyVersion.findMany({
        where: { associationId, status: { in: ["PUBLISHED", "DRAFT", "PENDING_APPROVAL"] } },
        select: { number: true, status: true },
        orderBy: { number: "desc" },
      }),
  };
}
