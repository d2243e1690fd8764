import type { DbClient } from "../db/types";
import { displayName, membersWithRole, policyRepository, type BoardDecisionRecord } from "./repository";
import { ATTESTING_ROLES } from "./workflow";

// What the console's policy pages show, read in one place. Every query names the association.

/** Versions with who started each, the one in the works, and the one approved but unpublished. */
export async function policyOverview(db: DbClient, associationId: string) {
  const repo = policyRepository(db);
  const versions = await repo.listVersions(associationId);
  const creatorIds = [...new Set(versions.map((v) => v.createdById).filter((id): id is string => !!id))];
  const creators = await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(creators.map((u) => [u.id, displayName(u)]));
  const list = versions.map((v) => ({ ...v, createdBy: v.createdById ? (nameOf.get(v.createdById) ?? null) : null }));
  return {
    versions: list,
    published: list.find((v) => v.status === "PUBLISHED") ?? null,
    open: list.find((v) => v.status === "DRAFT" || v.status === "PENDING_APPROVAL") ?? null,
    approved: list.find((v) => v.status === "APPROVED") ?? null,
  };
}

/** The board's comments on a draft's last round, when the board sent it back. */
export async function lastRejection(db: DbClient, associationId: string, version: { id: string; status: string; boardDecisions: BoardDecisionRecord[] }) {
  const last = version.boardDecisions.at(-1);
  if (version.status !== "DRAFT" || last?.outcome !== "REJECTED") return null;
  const votes = await policyRepository(db).listVotes(associationId, version.id, last.round);
  return { decision: last, comments: votes.filter((v) => v.comment).map((v) => ({ name: displayName(v.user), choice: v.choice, comment: v.comment! })) };
}

/** Staff who must read the published version, and whether each has confirmed it. */
export async function attestationCoverage(db: DbClient, associationId: string, policyVersionId: string) {
  const staff = await membersWithRole(db, associationId, ATTESTING_ROLES);
  const attested = await db.policyAttestation.findMany({
    where: { associationId, policyVersionId, userId: { in: staff.map((s) => s.userId) } },
    select: { userId: true, attestedAt: true },
  });
  const at = new Map(attested.map((a) => [a.userId, a.attestedAt]));
  return staff.map((s) => ({ userId: s.userId, name: displayName(s.user), roles: s.roles, attestedAt: at.get(s.userId) ?? null }));
}

/** Whether this member still has to confirm reading the published version. */
export async function needsAttestation(db: DbClient, associationId: string, userId: string, roles: readonly string[]) {
  if (!roles.some((role) => (ATTESTING_ROLES as readonly string[]).includes(role))) return null;
  const published = await db.policyVersion.findFirst({ where: { associationId, status: "PUBLISHED" }, select: { id: true, number: true } });
  if (!published) return null;
  const done = await db.policyAttestation.findUnique({
    where: { associationId_policyVersionId_userId: { associationId, policyVersionId: published.id, userId } },
  });
  return done ? null : { versionId: published.id, number: published.number };
}
