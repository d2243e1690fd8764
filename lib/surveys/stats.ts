import { share } from "../reports/stats";

// Pure survey figures: no database, so they are tested on known answers. The dashboard reads
// counts from SQL and turns them into figures with the *Of functions; the list forms below go
// through the same functions, so there is one definition of each figure.

/** Groups smaller than this show no figures: a handful of answers could point to a person. */
export const MIN_GROUP = 5;
export const suppressed = (n: number) => n < MIN_GROUP;

/** Which groups of a breakdown (months, channels) to hide, by index: those under MIN_GROUP, and,
 * when exactly one non-empty group is hidden, also the smallest shown one, since the hidden
 * group's figures would otherwise follow from the total minus the groups shown. */
export function hiddenGroups(sizes: readonly number[]): Set<number> {
  const hidden = new Set(sizes.flatMap((n, i) => (suppressed(n) ? [i] : [])));
  if (sizes.filter((n) => n > 0 && suppressed(n)).length === 1) {
    const shown = sizes.map((n, i) => ({ n, i })).filter(({ i }) => !hidden.has(i));
    if (shown.length > 0) hidden.add(shown.reduce((a, b) => (b.n < a.n ? b : a)).i);
  }
  return hidden;
}

/** Satisfied (a 1–5 score of 4 or more) over rated: a fraction in [0, 1]; null with no ratings. */
export const csatOf = (counts: { satisfied: number; rated: number }) => share(counts.satisfied, counts.rated);

/** % promoters (9–10) minus % detractors (0–6) as an integer in -100..100; null with no scores. */
export function npsOf(counts: { promoters: number; detractors: number; scored: number }): number | null {
  if (counts.scored === 0) return null;
  // +0 turns -0 into 0.
  return Math.round(((counts.promoters - counts.detractors) * 100) / counts.scored) + 0;
}

/** A response is satisfied when its 1–5 score (the overall answer or a mean of ratings) is 4 or more. */
export const SATISFIED_FROM = 4;
export const PROMOTER_FROM = 9;
export const DETRACTOR_UP_TO = 6;

/** CSAT of 1–5 scores (others ignored). */
export function csat(scores: readonly number[]): number | null {
  const rated = scores.filter((s) => s >= 1 && s <= 5);
  return csatOf({ satisfied: rated.filter((s) => s >= SATISFIED_FROM).length, rated: rated.length });
}

/** NPS of 0–10 scores (others ignored). */
export function nps(scores: readonly number[]): number | null {
  const scored = scores.filter((s) => s >= 0 && s <= 10);
  return npsOf({
    promoters: scored.filter((s) => s >= PROMOTER_FROM).length,
    detractors: scored.filter((s) => s <= DETRACTOR_UP_TO).length,
    scored: scored.length,
  });
}

/** The arithmetic mean; null when empty. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The mean of a distribution given as value → count. */
export function meanOfCounts(counts: ReadonlyMap<number, number>): number | null {
  let n = 0;
  let sum = 0;
  for (const [value, count] of counts) {
    n += count;
    sum += value * count;
  }
  return n === 0 ? null : sum / n;
}

/** Counts per category in the given order, zero for categories nobody chose; values outside are ignored. */
export function distribution<K extends string | number>(values: readonly K[], categories: readonly K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>(categories.map((c) => [c, 0]));
  for (const v of values) if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
  return categories.map((key) => ({ key, count: counts.get(key)! }));
}

/** The whole numbers min..max: the categories of a score scale. */
export const scaleOf = (scale: { min: number; max: number }) =>
  Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);

/** Invitations answered over invitations sent; null when none was sent. */
export const responseRate = (responded: number, invited: number) => share(responded, invited);

/** Month `YYYY-MM` of a day `YYYY-MM-DD`. */
const monthOf = (day: string) => day.slice(0, 7);

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Every month from..to, both included. */
export function monthsBetween(range: { from: string; to: string }): string[] {
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = nextMonth(m)) months.push(m);
  return months;
}

/** A period of days as months (responses keep only their month): the months whose 15th lies
 * within the period, so that consecutive years share no month; when no 15th does (a short
 * period), the months the period touches. The current month counts as soon as it starts when
 * `today` (YYYY-MM-DD) lies in the period: this month's answers show before the 15th. */
export function monthRange(period: { from: string; to: string }, today?: string): { from: string; to: string } {
  const first = monthOf(period.from);
  const last = monthOf(period.to);
  const from = `${first}-15` >= period.from ? first : nextMonth(first);
  let to = `${last}-15` <= period.to ? last : previousMonth(last);
  if (today && period.from <= today && today <= period.to && monthOf(today) > to) to = monthOf(today);
  return from <= to ? { from, to } : { from: first, to: last };
}

function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
