import { useTranslations } from "next-intl";
import { EVIDENCE_CALENDARS, YEAR_RANGE, type EvidenceYear } from "@/lib/evidence/year";

/** The pack's year: a plain GET form (works without JavaScript), Hijri by default. */
export function YearPicker({ year }: { year: EvidenceYear }) {
  const t = useTranslations("evidence.picker");
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 print:hidden" aria-label={t("label")}>
      <label className="flex flex-col gap-1 text-sm">
        {t("calendar")}
        <select name="calendar" defaultValue={year.calendar} className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
          {EVIDENCE_CALENDARS.map((calendar) => (
            <option key={calendar} value={calendar}>{t(`calendars.${calendar}`)}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("year")}
        <input
          type="number"
          name="year"
          inputMode="numeric"
          defaultValue={year.year}
          min={YEAR_RANGE.hijri.min}
          max={YEAR_RANGE.gregorian.max}
          className="w-28 rounded-md border border-stone-300 px-2 py-1.5"
          dir="ltr"
        />
      </label>
      <button type="submit" className="rounded-md bg-[var(--brand)] px-4 py-1.5 text-sm font-semibold text-white">{t("show")}</button>
      <p className="basis-full text-xs text-stone-600">{t("hint")}</p>
    </form>
  );
}
