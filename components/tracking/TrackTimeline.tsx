import { useTranslations } from "next-intl";
import { formatDualDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { TrackingView } from "@/lib/tracking/view";

type Step = { key: string; title: string; at: Date | null; detail?: string; done: boolean };

/** The beneficiary's view of their request, in plain words (server component). */
export function TrackTimeline({ view, locale }: { view: TrackingView; locale: Locale }) {
  const t = useTranslations("track");
  const decided = view.decision;
  const steps: Step[] = [
    { key: "received", title: t("step.received"), at: view.receivedAt, done: true },
    {
      key: "study",
      title: t("step.underStudy"),
      at: view.underStudy?.at ?? null,
      done: !!view.underStudy,
      detail: view.underStudy ? undefined : t("step.notYet"),
    },
    {
      key: "decision",
      title: decided ? t(`step.decision.${decided.outcome}`) : t("step.decisionPending"),
      at: decided?.at ?? null,
      done: !!decided,
      detail: decided?.reason ? t("step.reason", { reason: decided.reason }) : undefined,
    },
  ];
  if (view.registeredAt) steps.push({ key: "registered", title: t("step.registered"), at: view.registeredAt, done: true });
  if (view.deliveredAt) steps.push({ key: "delivered", title: t("step.delivered"), at: view.deliveredAt, done: true });

  return (
    <div className="flex flex-col gap-6" data-testid="track-view">
      <dl className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{t("reference")}</dt>
          <dd className="text-lg font-semibold"><bdi dir="ltr">{view.reference}</bdi></dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{t("dueDate")}</dt>
          <dd className="font-medium">{formatDualDate(view.dueAt, locale)}</dd>
          <dd className="mt-1 text-sm">
            <span className={`rounded px-2 py-0.5 ${view.deadline === "OVERDUE" || view.deadline === "MISSED" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}>
              {t(`deadline.${view.deadline}`)}
            </span>
          </dd>
        </div>
      </dl>
      <ol className="flex flex-col gap-4 border-s-2 border-stone-200 ps-4">
        {steps.map((step) => (
          <li key={step.key} className="relative">
            <span
              aria-hidden
              className={`absolute -start-[1.4rem] top-1.5 size-3 rounded-full ${step.done ? "bg-[var(--brand,#0f766e)]" : "border-2 border-stone-300 bg-white"}`}
            />
            <p className={`font-semibold ${step.done ? "" : "text-stone-500"}`}>{step.title}</p>
            {step.at && <p className="text-sm text-stone-700">{formatDualDate(step.at, locale)}</p>}
            {step.detail && <p className="mt-1 text-sm text-stone-700">{step.detail}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
