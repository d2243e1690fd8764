// Complaints and suggestions by kind (rows) and status (columns): a small table reads better
// than a chart for six numbers. Server component.

export type ComplaintsMatrix = {
  kinds: { key: string; label: string }[];
  statuses: { key: string; label: string }[];
  counts: Record<string, number>; // "KIND:STATUS" → count
};

type Props = { id: string; title: string; intro: string; empty: string; kindLabel: string; totalLabel: string; matrix: ComplaintsMatrix };

export function ComplaintsTable({ id, title, intro, empty, kindLabel, totalLabel, matrix }: Props) {
  const count = (kind: string, status: string) => matrix.counts[`${kind}:${status}`] ?? 0;
  const rowTotal = (kind: string) => matrix.statuses.reduce((sum, s) => sum + count(kind, s.key), 0);
  const all = matrix.kinds.reduce((sum, k) => sum + rowTotal(k.key), 0);
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`report-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-stone-600">{intro}</p>
      {all === 0 ? (
        <p className="mt-3 text-stone-600">{empty}</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-1 text-start font-semibold">{kindLabel}</th>
              {matrix.statuses.map((s) => (
                <th key={s.key} scope="col" className="px-1 py-1 text-end font-semibold">{s.label}</th>
              ))}
              <th scope="col" className="py-1 text-end font-semibold">{totalLabel}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.kinds.map((k) => (
              <tr key={k.key} className="border-b border-stone-100">
                <th scope="row" className="py-1 text-start font-normal">{k.label}</th>
                {matrix.statuses.map((s) => (
                  <td key={s.key} className="px-1 py-1 text-end tabular-nums">{count(k.key, s.key)}</td>
                ))}
                <td className="py-1 text-end font-semibold tabular-nums">{rowTotal(k.key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
