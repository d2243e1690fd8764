import { useTranslations } from "next-intl";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { RequestDetail } from "@/lib/requests/queries";

// The request's append-only history, oldest first, in the reader's language.

type Event = RequestDetail["events"][number];
type Data = { assigneeId?: string; researcherId?: string; position?: number; choice?: string; decision?: string; reason?: string; text?: string; visitedOn?: string };

export function Timeline({ events, names, locale }: { events: Event[]; names: Record<string, string>; locale: Locale }) {
  const t = useTranslations("requests");
  const label = (event: Event) => {
    const data = (event.data ?? {}) as Data;
    const key = `events.${event.type}`;
    if (!t.has(key)) return event.type;
    const choice = data.choice ?? data.decision;
    return t(key, {
      name: names[data.assigneeId ?? data.researcherId ?? ""] ?? "—",
      position: (data.position ?? 0) + 1,
      choice: choice ? t(`choice.${choice as "ACCEPT"}`) : "",
    });
  };
  return (
    <ol className="space-y-3 border-s-2 border-stone-200 ps-4" data-testid="timeline">
      {events.map((event) => {
        const data = (event.data ?? {}) as Data;
        return (
          <li key={event.id} className="relative">
            <span className="absolute -start-[1.4rem] top-1.5 size-3 rounded-full bg-[var(--brand,#0f766e)]" aria-hidden />
            <p className="font-medium">{label(event)}</p>
            <p className="text-xs text-stone-600">
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, locale)}</time>
              {" · "}
              {event.actorName ? t("timeline.by", { name: event.actorName }) : t("timeline.system")}
            </p>
            {data.visitedOn && <p className="text-sm text-stone-700">{t("detail.visitedOn", { date: formatDualDate(new Date(`${data.visitedOn}T12:00:00+03:00`), locale) })}</p>}
            {(data.text || data.reason) && <p dir="auto" className="mt-1 whitespace-pre-wrap break-words text-sm">{data.text ?? data.reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
