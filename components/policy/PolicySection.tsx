import type { ReactNode } from "react";

export function PolicySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8 break-inside-auto">
      <h2 id={id} className="border-b-2 border-[var(--brand)] pb-1 text-lg font-bold text-[var(--brand)] print:text-black">
        {title}
      </h2>
      <div className="mt-3 leading-loose">{children}</div>
    </section>
  );
}
