// The dashboard's headline figures as a definition list: two columns on phones, four on wide screens.
// A signed value (NPS) is a left-to-right isolate, so "-20" never shows as "20-" in Arabic.

export type Headline = { id: string; label: string; value: string; detail?: string; signed?: boolean };

export function HeadlineCards({ title, figures }: { title: string; figures: Headline[] }) {
  return (
    <section aria-labelledby="headline-title" className="mt-4">
      <h2 id="headline-title" className="sr-only">{title}</h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures.map((f) => (
          <div key={f.id} className="rounded-lg border border-stone-200 bg-white p-3 sm:p-4" data-testid={`survey-figure-${f.id}`}>
            <dt className="text-sm text-stone-600">{f.label}</dt>
            <dd className="mt-1 text-xl font-bold sm:text-2xl">{f.signed ? <bdi dir="ltr">{f.value}</bdi> : f.value}</dd>
            {f.detail && <dd className="mt-1 text-xs text-stone-600">{f.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
