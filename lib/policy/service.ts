import type { DbClient } from "../db/types";
import { verifyChain } from "./chain";
import { policyRepository } from "./repository";
import { policyContentSchema, type PolicyContent } from "./schema";

export type PublishedPolicy = {
  versionNumber: number;
  content: PolicyContent;
  contentHash: string;
  publishedAt: Date | null;
  boardDecision: {
    sessionNumber: number;
    meetingDate: Date;
    chairNameAr: string;
    chairNameEn: string | null;
    attendees?: string[];
  } | null;
};

type StoredVersion = NonNullable<Awaited<ReturnType<ReturnType<typeof policyRepository>["findPublished"]>>>;

/** A stored version with its approving decision, as the policy document shows it. */
function toPublished(version: StoredVersion): PublishedPolicy & { status: string } {
  const decision = version.boardDecisions[0] ?? null;
  return {
    status: version.status,
    versionNumber: version.number,
    // Stored content was validated on write; parsing again keeps the type honest.
    content: policyContentSchema.parse(version.content),
    contentHash: version.contentHash,
    publishedAt: version.publishedAt,
    boardDecision: decision && {
      sessionNumber: decision.sessionNumber,
      meetingDate: decision.meetingDate,
      chairNameAr: decision.chairNameAr,
      chairNameEn: decision.chairNameEn,
      attendees: decision.attendees ?? [],
    },
  };
}

/** The association's published beneficiary-relations policy, or null when none is published. */
export async function getPublishedPolicy(db: DbClient, associationId: string): Promise<PublishedPolicy | null> {
  const version = await policyRepository(db).findPublished(associationId);
  return version && toPublished(version);
}

/** One version that has been in force (current or superseded), or null. */
export async function getPublishedVersion(db: DbClient, associationId: string, number: number) {
  const version = await policyRepository(db).findPublishedNumber(associationId, number);
  return version && toPublished(version);
}

/** Recomputes the association's hash chain from the stored approved versions. */
export async function verifyPolicyChain(db: DbClient, associationId: string) {
  const chain = await policyRepository(db).approvedChain(associationId);
  const result = verifyChain(chain);
  return {
    ...result,
    versions: chain.map((version, i) => ({
      ...result.checks[i],
      status: version.status,
      publishedAt: version.publishedAt,
      decision: version.boardDecisions[0] ?? null,
    })),
  };
}

/** The public record: every version that was in force, newest first, with its board decision. */
export async function listPublishedHistory(db: DbClient, associationId: string) {
  const chain = await policyRepository(db).approvedChain(associationId);
  return chain
    .filter((v) => v.status !== "APPROVED")
    .reverse()
    .map((v) => ({ number: v.number, status: v.status, publishedAt: v.publishedAt, contentHash: v.contentHash, decision: v.boardDecisions[0] ?? null }));
}
