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

/** The association's published beneficiary-relations policy, or null when none is published. */
export async function getPublishedPolicy(db: DbClient, associationId: string): Promise<PublishedPolicy | null> {
  const version = await policyRepository(db).findPublished(associationId);
  if (!version) return null;
  const decision = version.boardDecisions[0] ?? null;
  return {
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
