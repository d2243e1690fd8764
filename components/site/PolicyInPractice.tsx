import { useTranslations } from "next-intl";
import type { PublicFigures } from "@/lib/evidence/public-figures";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { round1 } from "@/lib/reports/stats";

/** "The policy in practice": three figures of this Hijri year on the public home page. A figure
 * from fewer than five cases shows "not enough data yet" instead. */
export function PolicyInPractice({ figures, locale }: { figures: PublicFigures; locale: Locale }) {
  const t = useTranslations("figures.public");
  const numberLocale = locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB";
  const number = (value: number) => new Intl.NumberFormat(numberLocale).format(value);
  const percent = (value: number) => new Intl.NumberFormat(numberLocale, { style: "percent", maximumFractionDigits: 0 }).format(value);
  const items = [
    {
      id: "decision",
      label: t("medianDecision"),
      value: figures.medianDays === null ? null : t("days", { count: number(round1(figures.medianDays)) }),
      detail: figures.deadlineWording ? t("promised", { wording: pickText(figures.deadlineWording, locale).value }) : null,
    },
    { id: "satisfaction", label: t("satisfaction"), value: figures.csat === null ? null : percent(figures.csat), detail: t("satisfactionDetail") },
    { id: "served", label: t("served"), value: figures.served === null ? null : number(figures.served), detail: t("servedDetail") },
  ];
  return (
    <section aria-labelledby="in-practice" className="mx-auto max-w-4xl px-5 pt-6 print:hidden" data-testid="policy-in-practice">
      <h2 id="in-practice" className="text-lg font-bold">{t("title")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        {items.map((item) => (
          <div key={item.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`practice-${item.id}`}>
            <dt className="text-sm text-stone-600">{item.label}</dt>
            <dd className={item.value === null ? "mt-1 text-base font-medium text-stone-500" : "mt-1 text-2xl font-bold text-[var(--brand,#0f766e)]"}>
              {item.value ?? t("notEnough")}
            </dd>
            {item.detail && <dd className="mt-1 text-xs text-stone-600">{item.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
