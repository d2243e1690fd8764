import type { ReactNode } from "react";

/** One labelled value of a <dl>: stacked on phones, label beside the value from `sm` up. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}
