// A face for each point of a 1–5 satisfaction scale, from very unhappy (1) to very happy (5).
// Drawn rather than an emoji, so it looks the same on every phone and needs no emoji font.

const MOUTH = {
  1: "M11 26 Q18 18 25 26",
  2: "M11 25 Q18 21 25 25",
  3: "M11 23.5 L25 23.5",
  4: "M11 22 Q18 27 25 22",
  5: "M10.5 21 Q18 30 25.5 21",
} as const;

export const FACE_COLOR = { 1: "#dc2626", 2: "#ea580c", 3: "#ca8a04", 4: "#65a30d", 5: "#16a34a" } as const;

export function Face({ level, active }: { level: 1 | 2 | 3 | 4 | 5; active: boolean }) {
  const color = active ? FACE_COLOR[level] : "#a8a29e";
  return (
    <svg viewBox="0 0 36 36" className="size-9" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="16" fill={active ? `${color}22` : "white"} stroke={color} strokeWidth="2" />
      <circle cx="12.5" cy="14" r="2" fill={color} />
      <circle cx="23.5" cy="14" r="2" fill={color} />
      <path d={MOUTH[level]} fill="none" stroke={color} strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
