import { contentHash } from "./hash";

// Tamper evidence. Each approved version stores the sha256 of its canonical content and the
// hash of the version approved before it. Recomputing every hash and following the links shows
// whether any approved text was altered after the fact, even by someone who bypassed the
// database's trigger (changing a text changes its hash; changing the stored hash as well
// breaks the next version's link to it).

export type ChainLink = { number: number; content: unknown; contentHash: string; previousHash: string | null };

export type LinkCheck = {
  number: number;
  contentHash: string;
  /** The stored hash equals the hash of the stored content. */
  contentIntact: boolean;
  /** previousHash names the version approved just before (null for the first). */
  linkIntact: boolean;
};

/** Checks approved versions given oldest first. */
export function verifyChain(links: readonly ChainLink[]): { intact: boolean; checks: LinkCheck[] } {
  const checks = links.map((link, i) => ({
    number: link.number,
    contentHash: link.contentHash,
    contentIntact: contentHash(link.content) === link.contentHash,
    linkIntact: link.previousHash === (i === 0 ? null : links[i - 1].contentHash),
  }));
  return { intact: checks.every((c) => c.contentIntact && c.linkIntact), checks };
}
