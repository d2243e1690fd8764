import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { EvidencePack as Pack } from "@/lib/evidence/pack";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickColumn, pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { CHANNEL_LABELS, type ChannelKey } from "@/lib/policy/catalog";
import { periodBounds } from "@/lib/reports/requests";
import { round1 } from "@/lib/reports/stats";

const COMPLAINT_KINDS = ["COMPLAINT", "SUGGESTION"] as const;
const COMPLAINT_STATUSES = ["NEW", "IN_PROGRESS", "CLOSED"] as const;

const th = "border border-stone-300 bg-stone-100 px-2 py-1 text-start font-semibold print:bg-white";
const td = "border border-stone-300 px-2 py-1 align-top";

// Sections flow across printed pages (a whole-section break left half pages empty);
// rows, items and headings stay unbroken (here and in app/globals.css).
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`ev-${id}`} className="mt-6" data-testid={`evidence-${id}`}>
      <h2 id={`ev-${id}`} className="border-b border-stone-300 pb-1 text-lg font-bold text-[var(--brand)] print:text-black">{title}</h2>
      {children}
    </section>
  );
}

function Figures({ rows }: { rows: { label: string; value: string; detail?: string; ltr?: boolean }[] }) {
  return (
    <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2 print:grid-cols-2">
      {rows.map((r) => (
        <div key={r.label} className="break-inside-avoid">
          <dt className="text-sm text-stone-600">{r.label}</dt>
          <dd className={r.ltr ? "break-all font-semibold" : "font-semibold"} dir={r.ltr ? "ltr" : undefined}>{r.value}</dd>
          {r.detail && <dd className="text-xs text-stone-600">{r.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** A wide table scrolls on its own on a phone, so the page never scrolls sideways; on paper it shows whole. */
function Table({ children }: { children: ReactNode }) {
  return (
    <div className="mt-2 overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  );
}

/** A URL inside a sentence stays left to right in Arabic (a left-to-right isolate). */
const isolate = (text: string) => `\u2066${text}\u2069`;

/** The evidence pack's sections, on screen and on the printed A4 document alike. */
export function EvidencePack({ pack, locale }: { pack: Pack; locale: Locale }) {
  const t = useTranslations("evidence");
  const tr = useTranslations("reports");
  const troles = useTranslations("roles");
  const numberLocale = locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB";
  const number = (value: number) => new Intl.NumberFormat(numberLocale).format(value);
  const percent = (value: number) => new Intl.NumberFormat(numberLocale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  // Counts go to the messages as numbers: ICU plurals pick the word form and format the digits.
  const days = (value: number | null) => (value === null ? t("none") : t("days", { count: round1(value) }));
  const date = (value: Date) => formatDualDate(value, locale);
  const { association: a, requests: r, satisfaction: s, complaints: c, attestation } = pack;
  const name = pickColumn(a.nameAr, a.nameEn, locale);
  const supervising = a.supervisingBodyAr && pickColumn(a.supervisingBodyAr, a.supervisingBodyEn, locale);
  const bounds = periodBounds(pack.year.period);
  const channel = (key: string, label: (typeof r.byChannel)[number]["label"]) =>
    label ? pickText(label, locale).value : (CHANNEL_LABELS[key as ChannelKey]?.[locale] ?? key);
  const complaintCount = (kind: string, status: string) => c.byKindStatus.find((k) => k.kind === kind && k.status === status)?.count ?? 0;

  return (
    <div>
      <header className="border-b-4 border-[var(--brand)] pb-4 print:border-black">
        <p className="text-lg font-bold text-[var(--brand)] print:text-black">{name}</p>
        {a.registrationNumber && <p className="text-sm text-stone-600">{t("registration", { number: a.registrationNumber })}</p>}
        {supervising && <p className="text-sm text-stone-600">{t("supervisingBody", { name: supervising })}</p>}
        <h1 className="mt-4 text-2xl font-bold leading-snug">{t("title")}</h1>
        <p className="mt-1 font-semibold" data-testid="evidence-year">
          {t(`yearLabel.${pack.year.calendar}`, { year: String(pack.year.year) })}
        </p>
        <p className="mt-1 text-sm text-stone-600">{t("period", { from: date(bounds.gte), to: date(bounds.lte) })}</p>
        <p className="text-sm text-stone-600">{t("generatedOn", { date: date(pack.generatedAt) })}</p>
      </header>

      <Section id="identity" title={t("sections.identity")}>
        <Figures
          rows={[
            { label: t("identity.nameAr"), value: a.nameAr },
            { label: t("identity.nameEn"), value: a.nameEn },
            ...(a.cityAr ? [{ label: t("identity.city"), value: pickColumn(a.cityAr, a.cityEn, locale) }] : []),
            pack.urls ? { label: t("identity.publicUrl"), value: pack.urls[locale], ltr: true } : { label: t("identity.publicUrl"), value: t("identity.notReachable") },
          ]}
        />
      </Section>

      <Section id="policy" title={t("sections.policy")}>
        {pack.policyVersions.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("policy.none")}</p>
        ) : (
          pack.policyVersions.map((v) => (
            <div key={v.number} className="mt-3 break-inside-avoid" data-testid="evidence-version">
              <h3 className="font-semibold">{t("policy.version", { number: v.number })}</h3>
              <p className="text-sm text-stone-700">
                {t("policy.published", { date: date(v.publishedAt) })}
                {" — "}
                {v.supersededAt ? t("policy.superseded", { date: date(v.supersededAt) }) : t("policy.inForce")}
              </p>
              {v.decisions.length === 0 ? (
                <p className="text-sm text-stone-600">{t("policy.noDecision")}</p>
              ) : (
                <Table>
                  <thead>
                    <tr>
                      <th className={th}>{t("policy.session")}</th>
                      <th className={th}>{t("policy.meetingDate")}</th>
                      <th className={th}>{t("policy.chair")}</th>
                      <th className={th}>{t("policy.outcome")}</th>
                      <th className={th}>{t("policy.votes")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.decisions.map((d, i) => (
                      <tr key={i} className="break-inside-avoid">
                        <td className={td}>{number(d.sessionNumber)}</td>
                        <td className={td}>{date(d.meetingDate)}</td>
                        <td className={td}>{pickColumn(d.chairNameAr, d.chairNameEn, locale)}</td>
                        <td className={td}>{t(`policy.outcomes.${d.outcome}`)}</td>
                        <td className={td}>
                          {d.approvals === null && d.rejections === null
                            ? t("none")
                            : t("policy.votesValue", { for: number(d.approvals ?? 0), against: number(d.rejections ?? 0) })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </div>
          ))
        )}
      </Section>

      <Section id="channels" title={t("sections.channels")}>
        {r.total === 0 ? (
          <p className="mt-2 text-stone-700">{t("requests.none")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <th className={th}>{t("requests.channel")}</th>
                <th className={th}>{t("requests.count")}</th>
              </tr>
            </thead>
            <tbody>
              {r.byChannel.map((row) => (
                <tr key={row.key} className="break-inside-avoid">
                  <td className={td}>{channel(row.key, row.label)}</td>
                  <td className={td}>{number(row.count)}</td>
                </tr>
              ))}
              <tr className="font-semibold">
                <td className={td}>{t("requests.total")}</td>
                <td className={td}>{number(r.total)}</td>
              </tr>
            </tbody>
          </Table>
        )}
      </Section>

      <Section id="deadline" title={t("sections.deadline")}>
        <Figures
          rows={[
            { label: t("deadline.promised"), value: pack.deadline ? pickText(pack.deadline.wording, locale).value : t("none") },
            { label: t("deadline.median"), value: days(r.medianDaysToDecision) },
            {
              label: t("deadline.within"),
              value: r.shareWithin === null ? t("deadline.noDecisions") : percent(r.shareWithin),
              detail: t("deadline.withinDetail", { within: r.decidedWithin, decided: r.decided }),
            },
          ]}
        />
      </Section>

      <Section id="satisfaction" title={t("sections.satisfaction")}>
        <Figures
          rows={[
            { label: t("satisfaction.responses"), value: number(s.responses) },
            {
              label: t("satisfaction.responseRate"),
              value: s.responseRate === null ? t("none") : percent(s.responseRate),
              detail: t("satisfaction.rateDetail", { responded: s.invitationResponses, invited: s.invitations }),
            },
            { label: t("satisfaction.csat"), value: s.suppressed || s.csat === null ? t("suppressed") : percent(s.csat) },
            { label: t("satisfaction.nps"), value: s.suppressed || s.nps === null ? t("suppressed") : number(s.nps) },
          ]}
        />
      </Section>

      <Section id="complaints" title={t("sections.complaints")}>
        {c.total === 0 ? (
          <p className="mt-2 text-stone-700">{t("complaints.none")}</p>
        ) : (
          <>
            <Table>
              <thead>
                <tr>
                  <th className={th}>{t("complaints.kind")}</th>
                  {COMPLAINT_STATUSES.map((status) => (
                    <th key={status} className={th}>{tr(`complaintStatus.${status}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPLAINT_KINDS.map((kind) => (
                  <tr key={kind} className="break-inside-avoid">
                    <td className={td}>{tr(`complaintKind.${kind}`)}</td>
                    {COMPLAINT_STATUSES.map((status) => (
                      <td key={status} className={td}>{number(complaintCount(kind, status))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
            <Figures
              rows={[
                { label: t("complaints.closed"), value: c.shareClosed === null ? t("none") : percent(c.shareClosed), detail: t("complaints.closedDetail", { closed: number(c.closed), total: number(c.total) }) },
                { label: t("complaints.median"), value: days(c.medianDaysToClose) },
              ]}
            />
          </>
        )}
      </Section>

      <Section id="attestation" title={t("sections.attestation")}>
        {attestation.versionNumber === null ? (
          <p className="mt-2 text-stone-700">{t("policy.none")}</p>
        ) : (
          <>
            <p className="mt-2 font-semibold" data-testid="evidence-coverage">
              {t("attestation.coverage", { attested: attestation.attested, required: attestation.required, number: attestation.versionNumber })}
            </p>
            {attestation.staff.length > 0 && (
              <Table>
                <thead>
                  <tr>
                    <th className={th}>{t("attestation.name")}</th>
                    <th className={th}>{t("attestation.roles")}</th>
                    <th className={th}>{t("attestation.attestedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {attestation.staff.map((member, i) => (
                    <tr key={i} className="break-inside-avoid">
                      <td className={td}>{member.name}</td>
                      <td className={td}>{member.roles.map((role) => troles(role)).join(locale === "ar" ? "، " : ", ")}</td>
                      <td className={td}>{member.attestedAt ? date(member.attestedAt) : t("attestation.notYet")}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )}
      </Section>

      <Section id="readiness" title={t("sections.readiness")}>
        <ul className="mt-2 flex flex-col gap-2">
          {pack.readiness.map((item) => {
            const values = Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, typeof v === "number" ? v : isolate(v)]));
            return (
              <li key={item.key} className="flex items-start gap-2 break-inside-avoid" data-testid={`readiness-${item.key}`} data-present={item.present}>
                <span aria-hidden className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${item.present ? "bg-emerald-700" : "bg-red-700"} print:border print:border-black print:bg-white print:text-black`}>
                  {item.present ? "✓" : "✗"}
                </span>
                <span>
                  <span className="font-semibold">{t(`readiness.${item.key}.label`, values)}</span>
                  <span className={`ms-2 rounded px-1.5 text-xs font-semibold ${item.present ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"} print:bg-white print:text-black`}>
                    {item.present ? t("readiness.present") : t("readiness.missing")}
                  </span>
                  <span className="block text-sm text-stone-700">
                    {t(`readiness.${item.key}.${item.present ? "yes" : "no"}`, values)}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}
