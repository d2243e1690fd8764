// A table of groups (months or channels) with their responses, CSAT and NPS; a group without
// figures (empty, or under the minimum size) shows one cell saying why instead. NPS is signed:
// a left-to-right isolate keeps "-20" from showing as "20-" in Arabic.

export type GroupRow = { key: string; label: string; responses: string; csat: string; nps: string; hidden?: string };

type Props = {
  caption: string;
  groupLabel: string;
  labels: { responses: string; csat: string; nps: string };
  rows: GroupRow[];
  testId: string;
};

export function GroupTable({ caption, groupLabel, labels, rows, testId }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-1 pe-2 text-start font-semibold">{groupLabel}</th>
            <th scope="col" className="px-2 py-1 text-end font-semibold">{labels.responses}</th>
            <th scope="col" className="px-2 py-1 text-end font-semibold">{labels.csat}</th>
            <th scope="col" className="py-1 ps-2 text-end font-semibold">{labels.nps}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-stone-100">
              <th scope="row" className="py-1 pe-2 text-start font-normal">{row.label}</th>
              {row.hidden ? (
                <td colSpan={3} className="py-1 ps-2 text-end text-stone-600">{row.hidden}</td>
              ) : (
                <>
                  <td className="px-2 py-1 text-end tabular-nums">{row.responses}</td>
                  <td className="px-2 py-1 text-end tabular-nums">{row.csat}</td>
                  <td className="py-1 ps-2 text-end tabular-nums"><bdi dir="ltr">{row.nps}</bdi></td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
