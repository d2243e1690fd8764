"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SCALE } from "@/lib/surveys/schema";
import { Face } from "./Face";

// The scored questions as native radio buttons (arrow keys move along the scale), drawn as
// stars, faces or numbered boxes. The scale runs in reading order: from the right in Arabic.

/** Radio groups carry their error on the fieldset (aria-describedby); other inputs also mark it. */
export type WidgetProps<V> = { name: string; value: V | undefined; onChange: (value: V) => void; invalid?: boolean };

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
const focusRing = "peer-focus-visible:ring-2 peer-focus-visible:ring-[var(--brand,#0f766e)] peer-focus-visible:ring-offset-2";

export function RatingInput({ name, value, onChange, style }: WidgetProps<string> & { style: "STARS" | "FACES" }) {
  const t = useTranslations("surveys.respond");
  const chosen = Number(value ?? 0);
  return (
    <div className="flex flex-wrap gap-1">
      {range(SCALE.RATING.min, SCALE.RATING.max).map((point) => {
        const level = Number(point) as 1 | 2 | 3 | 4 | 5;
        // Stars fill up to the choice; a face lights up alone.
        const lit = style === "STARS" ? level <= chosen : level === chosen;
        return (
          <ScalePoint key={point} name={name} point={point} checked={value === point} onChange={onChange} label={t("ratingOption", { value: level, meaning: t(`scale.${point}`) })}>
            <span
              aria-hidden="true"
              className={`flex size-12 items-center justify-center rounded-full ${focusRing} ${
                style === "STARS" ? `text-4xl leading-none ${lit ? "text-amber-500" : "text-stone-300"}` : lit ? "bg-stone-100" : ""
              }`}
            >
              {style === "STARS" ? "★" : <Face level={level} active={lit} />}
            </span>
          </ScalePoint>
        );
      })}
    </div>
  );
}

export function NpsInput({ name, value, onChange }: WidgetProps<string>) {
  const t = useTranslations("surveys.respond");
  const { min, max } = SCALE.NPS;
  const ends: Record<string, string> = { [min]: t("npsLow"), [max]: t("npsHigh") };
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-6 gap-2 sm:grid-cols-11">
        {range(min, max).map((point) => (
          <ScalePoint
            key={point}
            name={name}
            point={point}
            checked={value === point}
            onChange={onChange}
            label={ends[point] ? t("npsEnd", { value: point, meaning: ends[point] }) : t("npsOption", { value: point })}
          >
            <span
              aria-hidden="true"
              className={`flex h-11 items-center justify-center rounded-md border text-base font-semibold tabular-nums ${focusRing} ${
                value === point ? "border-[var(--brand,#0f766e)] bg-[var(--brand,#0f766e)] text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-50"
              }`}
            >
              {point}
            </span>
          </ScalePoint>
        ))}
      </div>
      <div aria-hidden="true" className="flex justify-between gap-4 text-xs text-stone-600">
        <span>{min} = {ends[min]}</span>
        <span>{max} = {ends[max]}</span>
      </div>
    </div>
  );
}

/** One point of a scale: a native radio (visually hidden, still focusable and reached with the
 * arrow keys), named for screen readers, drawn by its children. */
function ScalePoint({ name, point, checked, onChange, label, children }: { name: string; point: string; checked: boolean; onChange: (value: string) => void; label: string; children: ReactNode }) {
  return (
    <label className="relative cursor-pointer">
      <input type="radio" name={name} value={point} checked={checked} onChange={() => onChange(point)} className="peer sr-only" />
      <span className="sr-only">{label}</span>
      {children}
    </label>
  );
}
