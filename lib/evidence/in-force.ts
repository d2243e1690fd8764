// Which policy versions governed an association during a period. A version is in force from its
// publication until the next version's publication (which supersedes it), so it counts for the
// period when it was published before the period's end and not superseded before its start.

export type Published = { number: number; publishedAt: Date | null };

/** The versions in force during [gte, lte], oldest first. Versions never published are ignored. */
export function versionsInForce<T extends Published>(versions: readonly T[], bounds: { gte: Date; lte: Date }): T[] {
  const published = versions
    .filter((v): v is T & { publishedAt: Date } => v.publishedAt !== null)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.number - b.number);
  return published.filter((version, i) => {
    const supersededAt = published[i + 1]?.publishedAt;
    return version.publishedAt <= bounds.lte && (!supersededAt || supersededAt > bounds.gte);
  });
}
