"use client";

import { useTranslations } from "next-intl";

/** "3 of 8 answered" and a bar that fills from the reading start (the right, in Arabic). */
export function Progress({ answered, total }: { answered: number; total: number }) {
  const t = useTranslations("surveys.respond");
  const text = t("progress", { answered, total });
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <div className="flex flex-col gap-1.5">
      <p className="text-sm font-medium text-stone-700" aria-hidden="true">{text}</p>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-[var(--brand,#0f766e)] transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
