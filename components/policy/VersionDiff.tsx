import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { pickText } from "@/lib/i18n/localized";
import type { ItemDiff, Part, SectionDiff, TextDiff } from "@/lib/policy/diff";
import type { ResponseDeadline } from "@/lib/policy/schema";

// Two versions side by side, section by section: insertions underlined in green, deletions
// struck through in red, with a text label for screen readers and for print.

function Parts({ parts, lang }: { parts: Part[]; lang: "ar" | "en" }) {
  const t = useTranslations("diff");
  return (
    <span lang={lang} dir={lang === "ar" ? "rtl" : "ltr"}>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 underline decoration-emerald-600" title={t("added")}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-800 line-through" title={t("removed")}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </span>
  );
}

function TextChange({ diff }: { diff: TextDiff }) {
  const t = useTranslations("diff");
  return (
    <div className="space-y-1">
      {diff.ar && <p><Parts parts={diff.ar} lang="ar" /></p>}
      {diff.en && (
        <p className="text-sm text-stone-700">
          <span className="font-medium">{t("english")}: </span>
          <Parts parts={diff.en} lang="en" />
        </p>
      )}
    </div>
  );
}

function Item({ item, locale }: { item: ItemDiff; locale: Locale }) {
  const t = useTranslations("diff");
  const styles = { same: "text-stone-500", added: "border-s-4 border-emerald-500 bg-emerald-50", removed: "border-s-4 border-red-400 bg-red-50", changed: "border-s-4 border-amber-400 bg-amber-50" }[item.status];
  return (
    <li className={`rounded px-3 py-2 ${styles}`} data-status={item.status}>
      {item.status !== "same" && <span className="me-2 text-xs font-semibold uppercase">{t(`status.${item.status}`)}</span>}
      {item.status === "changed" ? (
        <TextChange diff={item.diff} />
      ) : item.status === "removed" ? (
        <del className="no-underline">{pickText(item.text, locale).value}</del>
      ) : (
        <span>{pickText(item.text, locale).value}</span>
      )}
    </li>
  );
}

function Deadline({ value }: { value: ResponseDeadline }) {
  const t = useTranslations("policy");
  const parts = [t(`duration.${value.unit}`, { amount: value.amount }), value.businessDays ? t("businessDays") : null, t(`calendar.${value.calendar}`)];
  return <>{parts.filter(Boolean).join(" · ")}</>;
}

export function VersionDiff({ sections, locale }: { sections: SectionDiff[]; locale: Locale }) {
  const t = useTranslations("diff");
  if (sections.length === 0) return <p className="text-stone-600">{t("identical")}</p>;
  return (
    <div className="space-y-5" data-testid="version-diff">
      {sections.map((section) => (
        <section key={section.section} aria-labelledby={`diff-${section.section}`} className="rounded-lg border border-stone-200 bg-white p-4">
          <h3 id={`diff-${section.section}`} className="mb-2 font-semibold">{t(`sections.${section.section}`)}</h3>
          {section.kind === "text" && <TextChange diff={section.diff} />}
          {section.kind === "list" && (
            <ol className="space-y-1">
              {section.items.map((item, i) => <Item key={i} item={item} locale={locale} />)}
            </ol>
          )}
          {section.kind === "deadline" && (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="font-medium">{t("before")}</dt>
              <dd><del className="text-red-800"><Deadline value={section.before} /></del></dd>
              <dt className="font-medium">{t("after")}</dt>
              <dd><ins className="text-emerald-900"><Deadline value={section.after} /></ins></dd>
              {section.before.wording.ar !== section.after.wording.ar && (
                <>
                  <dt className="font-medium">{t("wording")}</dt>
                  <dd>{pickText(section.after.wording, locale).value}</dd>
                </>
              )}
            </dl>
          )}
        </section>
      ))}
    </div>
  );
}
