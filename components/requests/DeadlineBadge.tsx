import { useTranslations } from "next-intl";
import { countdown, deadlineState, type DeadlineState } from "@/lib/requests/due-date";

// Where a request stands against its due date, with the time left (or late) while undecided.

const COLORS: Record<DeadlineState, string> = {
  ON_TIME: "bg-emerald-100 text-emerald-900",
  DUE_SOON: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-800",
  MET: "bg-sky-100 text-sky-900",
  MISSED: "bg-stone-200 text-stone-800",
};

export function DeadlineBadge({ dueAt, decidedAt, now }: { dueAt: Date; decidedAt: Date | null; now: Date }) {
  const t = useTranslations("requests.deadline");
  const state = deadlineState(dueAt, now, decidedAt);
  const left = countdown(dueAt, now);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="deadline" data-state={state}>
      <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${COLORS[state]}`}>{t(state)}</span>
      {!decidedAt && <span className="text-xs text-stone-600">{t(left.overdue ? "late" : "left", { days: left.days, hours: left.hours })}</span>}
    </span>
  );
}
