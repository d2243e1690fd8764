/** One usage line on the billing page: "used of limit" with a bar; red once over the plan's limit. */
export function UsageBar({ label, used, limit, text }: { label: string; used: number; limit: number | null; text: string }) {
  const over = limit !== null && used > limit;
  const full = limit !== null && used >= limit;
  // An unlimited plan shows a short bar: usage without a ceiling.
  const width = limit === null ? 8 : limit === 0 ? (used > 0 ? 100 : 0) : Math.min(100, Math.round((used / limit) * 100));
  return (
    <div data-testid="usage">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium text-stone-800">{label}</span>
        <span className={over ? "font-semibold text-red-700" : "text-stone-700"}>{text}</span>
      </div>
      <div className="mt-1 h-2 w-full overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
        <div className={`h-full rounded-full ${over ? "bg-red-600" : full ? "bg-amber-500" : "bg-[var(--brand,#0f766e)]"}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
