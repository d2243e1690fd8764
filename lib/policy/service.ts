import type { Db } from "../db";
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
  } | null;
};

/** The association's published beneficiary-relations policy, or null when none is published. */
export async function getPublishedPolicy(db: Db, associationId: string): Promise<PublishedPolicy | null> {
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
    },
  };
}

/** A short code for people to compare: the first 8 hex digits of the content hash, in two groups. */
export function verificationCode(contentHash: string): string {
  return `${contentHash.slice(0, 4)}-${contentHash.slice(4, 8)}`.toUpperCase();
}
