import type { Role } from "../db/generated/enums";
import type { DbClient } from "../db/types";

// The only code that reads policies. Every query names the association.

export const APPROVED_STATUSES = ["APPROVED", "PUBLISHED", "SUPERSEDED"] as const;
export const OPEN_STATUSES = ["DRAFT", "PENDING_APPROVAL"] as const;

const decisionSelect = {
  outcome: true,
  round: true,
  sessionNumber: true,
  meetingDate: true,
  chairNameAr: true,
  chairNameEn: true,
  attendees: true,
  quorumRequired: true,
  approvals: true,
  rejections: true,
  decidedAt: true,
} as const;

export function policyRepository(db: DbClient) {
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
        where: { associationId, status: { in: ["PUBLISHED", ...OPEN_STATUSES] } },
        select: { number: true, status: true },
        orderBy: { number: "desc" },
      }),
    /** The draft or pending version, if any (there is at most one). */
    findOpen: (associationId: string) =>
      db.policyVersion.findFirst({ where: { associationId, status: { in: [...OPEN_STATUSES] } }, orderBy: { number: "desc" } }),
    findById: (associationId: string, id: string) => db.policyVersion.findUnique({ where: { associationId_id: { associationId, id } } }),
    /** A version that has been in force (published or superseded), with its approving decision. */
    findPublishedNumber: (associationId: string, number: number) =>
      db.policyVersion.findFirst({
        where: { associationId, number, status: { in: ["PUBLISHED", "SUPERSEDED"] } },
        include: { boardDecisions: { where: { associationId, outcome: "APPROVED" }, orderBy: { decidedAt: "desc" }, take: 1 } },
      }),
    findByNumber: (associationId: string, number: number) =>
      db.policyVersion.findFirst({ where: { associationId, number } }),
    /** Every version, newest first, with who started it and its board decisions. */
    listVersions: (associationId: string) =>
      db.policyVersion.findMany({
        where: { associationId },
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          createdById: true,
          createdAt: true,
          submittedAt: true,
          approvedAt: true,
          publishedAt: true,
          contentHash: true,
          boardDecisions: { where: { associationId }, orderBy: { decidedAt: "asc" }, select: decisionSelect },
        },
      }),
    /** Approved versions oldest first: the hash chain. */
    approvedChain: (associationId: string) =>
      db.policyVersion.findMany({
        where: { associationId, status: { in: [...APPROVED_STATUSES] } },
        orderBy: { number: "asc" },
        select: {
          number: true,
          status: true,
          content: true,
          contentHash: true,
          previousHash: true,
          approvedAt: true,
          publishedAt: true,
          boardDecisions: { where: { associationId, outcome: "APPROVED" }, orderBy: { decidedAt: "desc" }, take: 1, select: decisionSelect },
        },
      }),
    /** Votes of one submission round, oldest first, with the voter's name. */
    listVotes: (associationId: string, policyVersionId: string, round: number) =>
      db.boardVote.findMany({
        where: { associationId, policyVersionId, round },
        orderBy: { createdAt: "asc" },
        select: { userId: true, choice: true, comment: true, createdAt: true, user: { select: { name: true, email: true } } },
      }),
    /** Current board members (role BOARD), chair first. */
    listBoard: (associationId: string) => membersWithRole(db, associationId, ["BOARD"]),
  };
}

/** Members holding any of `roles`, chair first. Filtered here rather than with Prisma's `has`:
 * PGlite cannot bind an enum-array parameter ("malformed array literal"). An association has
 * tens of members, so reading them all is cheap. */
export async function membersWithRole(db: DbClient, associationId: string, roles: readonly Role[]) {
  const members = await db.membership.findMany({
    where: { associationId },
    orderBy: [{ isChair: "desc" }, { createdAt: "asc" }],
    select: { userId: true, isChair: true, roles: true, user: { select: { name: true, email: true } } },
  });
  return members.filter((m) => m.roles.some((role) => roles.includes(role)));
}

export type VersionListItem = Awaited<ReturnType<ReturnType<typeof policyRepository>["listVersions"]>>[number];
export type BoardDecisionRecord = VersionListItem["boardDecisions"][number];

/** How people are named in the console and the record: their name, or their e-mail. */
export const displayName = (user: { name: string | null; email: string }) => user.name?.trim() || user.email;
