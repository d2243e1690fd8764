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

/** The public record: every version that was in force, newest first, with its board decision. */
export async function listPublishedHistory(db: DbClient, associationId: string) {
  const chain = await policyRepository(db).approvedChain(associationId);
  return chain
    .filter((v) => v.status !== "APPROVED")
    .reverse()
    .map((v) => ({ number: v.number, status: v.status, publishedAt: v.publishedAt, contentHash: v.contentHash, decision: v.boardDecisions[0] ?? null }));
}

/** One version that was published (current or superseded), shaped like the published policy. */
export async function getPublishedVersion(db: DbClient, associationId: string, number: number): Promise<(PublishedPolicy & { status: string }) | null> {
  const version = (await policyRepository(db).approvedChain(associationId)).find((v) => v.number === number && v.status !== "APPROVED");
  if (!version) return null;
  const decision = version.boardDecisions[0] ?? null;
  return {
    status: version.status,
    versionNumber: version.number,
    content: policyContentSchema.parse(version.content),
    contentHash: version.contentHash,
    publishedAt: version.publishedAt,
    boardDecision: decision && { ...decision, attendees: decision.attendees ?? [] },
  };
}
