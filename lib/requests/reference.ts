import type { DbClient } from "../db/types";
import { toHijri } from "../i18n/dates";
import { latinDigits } from "./identity";

// Reference numbers, per association and Hijri year:
//   requests    1448-00042   (Hijri year, dash, 5-digit sequence; 6 digits past 99 999)
//   complaints  C-1448-0007  (C, Hijri year, dash, 4-digit sequence)
// The sequence is one counter row per association, series and year, advanced by a single
// INSERT … ON CONFLICT DO UPDATE … RETURNING: the row lock makes concurrent submissions wait
// for each other, so no number is given twice. A rolled-back submission leaves a gap.

export type Series = "R" | "C";

export async function nextReference(db: DbClient, associationId: string, series: Series, at: Date = new Date()): Promise<string> {
  const year = toHijri(at).year;
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("associationId", "series", "year", "last")
    VALUES (${associationId}::uuid, ${series}, ${year}, 1)
    ON CONFLICT ("associationId", "series", "year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  const sequence = Number(rows[0].last);
  return series === "R" ? `${year}-${String(sequence).padStart(5, "0")}` : `C-${year}-${String(sequence).padStart(4, "0")}`;
}

/** Accepts what people type (Arabic-Indic digits, spaces, lower case) → the stored form. */
export function normalizeReference(raw: string): string {
  return latinDigits(raw)
    .replace(/[\s\u200e\u200f]/g, "")
    .replace(/[–—_]/g, "-")
    .toUpperCase();
}
