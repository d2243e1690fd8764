"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// CSAT by month as a line (months under the minimum size are gaps), mirrored in Arabic: months
// run right to left and the value axis sits on the right. Its numbers are drawn left to right so
// they grow away from the axis, and the month axis is padded so the first month's label clears
// "0%". The table beside it (GroupTable) has the same figures for screen readers and exact reading.

export type TrendPoint = { month: string; label: string; csat: number | null };

type Props = { points: TrendPoint[]; rtl: boolean; chartLabel: string; seriesLabel: string; color?: string };

export function TrendChart({ points, rtl, chartLabel, seriesLabel, color = "var(--brand, #0f766e)" }: Props) {
  return (
    <div role="img" aria-label={chartLabel} className="h-56 min-w-0">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={rtl} tick={{ fontSize: 11 }} height={40} padding={{ left: 24, right: 24 }} />
          <YAxis domain={[0, 100]} unit="%" orientation={rtl ? "right" : "left"} width={44} tick={{ direction: "ltr" }} />
          <Tooltip formatter={(value) => [`${value}%`, seriesLabel]} />
          <Line type="monotone" dataKey="csat" name={seriesLabel} stroke={color} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
