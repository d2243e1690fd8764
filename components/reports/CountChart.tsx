"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// A bar chart with the same figures as a plain table beside it: the chart is for the eye, the
// table for screen readers and for reading exact numbers. In Arabic the X axis runs right to
// left and the value axis sits on the right; its numbers are drawn left to right (direction
// "ltr") so that, anchored at the axis, they grow away from it rather than over the bars.

export type CountDatum = { key: string; label: string; count: number };

type Props = {
  id: string;
  title: string;
  rows: CountDatum[];
  rtl: boolean;
  columnLabel: string;
  countLabel: string;
  totalLabel: string;
  chartLabel: string;
  color?: string;
};

export function CountChart({ id, title, rows, rtl, columnLabel, countLabel, totalLabel, chartLabel, color = "var(--brand, #0f766e)" }: Props) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`report-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div role="img" aria-label={chartLabel} className="h-64 min-w-0">
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" reversed={rtl} tick={{ fontSize: 11 }} height={48} />
              <YAxis allowDecimals={false} orientation={rtl ? "right" : "left"} width={32} tick={{ direction: "ltr" }} />
              <Tooltip formatter={(value) => [value, countLabel]} />
              <Bar dataKey="count" name={countLabel} fill={color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="w-full self-start text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-1 text-start font-semibold">{columnLabel}</th>
              <th scope="col" className="py-1 text-end font-semibold">{countLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-stone-100">
                <th scope="row" className="py-1 text-start font-normal">{row.label}</th>
                <td className="py-1 text-end tabular-nums">{row.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="py-1 text-start">{totalLabel}</th>
              <td className="py-1 text-end font-semibold tabular-nums">{total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
