import { useTranslations } from "next-intl";
import { Text } from "@/components/ui/Text";
import { PrintButton } from "@/components/ui/PrintButton";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickColumn, pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { verificationCode } from "@/lib/policy/code";
import type { PublishedPolicy } from "@/lib/policy/service";
import type { Tenant } from "@/lib/tenancy/repository";
import { ContactList, type Contacts } from "./ContactList";
import { PolicySection } from "./PolicySection";

type Props = {
  tenant: DocumentTenant;
  policy: PublishedPolicy;
  locale: Locale;
  /** The editor's live preview of a draft: no approval yet, no print button. */
  preview?: boolean;
  /** The official document (/policy/print): letterhead on screen too, QR code to the verify page. */
  official?: { verifyUrl: string; qrSvg: string };
};

export type DocumentTenant = Pick<Tenant, "nameAr" | "nameEn" | "registrationNumber" | "supervisingBodyAr" | "supervisingBodyEn" | "primaryColor"> & Contacts;

/** The policy as a web page and, printed, as the association's official A4 document. It renders
 * on the server (public pages) and in the browser (the editor's live preview) alike. */
export function PolicyDocument({ tenant, policy, locale, preview, official }: Props) {
  const t = useTranslations("policy");
  const tc = useTranslations("common");
  const { content, boardDecision } = policy;
  const name = pickColumn(tenant.nameAr, tenant.nameEn, locale);
  const supervisingBody = tenant.supervisingBodyAr && pickColumn(tenant.supervisingBodyAr, tenant.supervisingBodyEn, locale);

  return (
    <article className="mx-auto max-w-4xl bg-white px-5 py-8 shadow-sm sm:my-6 sm:rounded-lg sm:px-10 print:m-0 print:max-w-none print:p-0 print:shadow-none">
      <header className="border-b-4 border-[var(--brand)] pb-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            {/* On screen the site header already names the association; the letterhead is for print
                and for the official document. */}
            <p className={official ? "text-lg font-bold text-[var(--brand)] print:text-black" : "hidden text-base font-bold print:block print:text-black"}>
              {name}
            </p>
            {tenant.registrationNumber && (
              <p className="text-sm text-stone-600">{t("registration", { number: tenant.registrationNumber })}</p>
            )}
            {supervisingBody && (
              <p className="text-sm text-stone-600">
                {t("supervisingBody")}: {supervisingBody}
              </p>
            )}
          </div>
          {!preview && <PrintButton label={tc("print")} />}
        </div>
        <h1 className="mt-5 text-2xl font-bold leading-snug sm:text-3xl">
          <Text text={content.title} locale={locale} />
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
          <span>{t("version", { number: policy.versionNumber })}</span>
          {policy.publishedAt && <span>{t("publishedOn", { date: formatDualDate(policy.publishedAt, locale) })}</span>}
          {/* A draft has no code yet: it is the hash of the text the board approves. */}
          {!preview && (
            <span>
              {t("verificationCode")}:{" "}
              <code dir="ltr" className="font-mono">
                {verificationCode(policy.contentHash)}
              </code>
            </span>
          )}
        </p>
      </header>

      <PolicySection id="preamble" title={t("sections.preamble")}>
        {content.preamble.map((paragraph, i) => (
          <p key={i} className="mb-3">
            <Text text={paragraph} locale={locale} />
          </p>
        ))}
      </PolicySection>

      <PolicySection id="general-goal" title={t("sections.generalGoal")}>
        <p>
          <Text text={content.generalGoal} locale={locale} />
        </p>
      </PolicySection>

      <PolicySection id="detailed-goals" title={t("sections.detailedGoals")}>
        <ul className="list-disc space-y-2 ps-6">
          {content.detailedGoals.map((goal, i) => (
            <li key={i}>
              <Text text={goal} locale={locale} />
            </li>
          ))}
        </ul>
      </PolicySection>

      <PolicySection id="trust-measures" title={t("sections.trustMeasures")}>
        <p>
          <Text text={content.trustMeasures.intro} locale={locale} />
        </p>
        <ol className="mt-2 list-decimal space-y-2 ps-6">
          {content.trustMeasures.items.map((item, i) => (
            <li key={i}>
              <Text text={item} locale={locale} />
            </li>
          ))}
        </ol>
      </PolicySection>

      <PolicySection id="channels" title={t("sections.channels")}>
        <ol className="grid list-decimal gap-x-8 gap-y-1 ps-6 sm:grid-cols-2">
          {content.channels.map((channel) => (
            <li key={channel.key} data-key={channel.key}>
              <Text text={channel.label} locale={locale} />
            </li>
          ))}
        </ol>
      </PolicySection>

      <PolicySection id="officer-tools" title={t("sections.officerTools")}>
        <ol className="list-decimal space-y-1 ps-6">
          {content.officerTools.map((tool) => (
            <li key={tool.key} data-key={tool.key}>
              <Text text={tool.label} locale={locale} />
            </li>
          ))}
        </ol>
      </PolicySection>

      <PolicySection id="procedure" title={t("sections.procedure")}>
        <p>
          <Text text={content.procedure.intro} locale={locale} />
        </p>
        <ol className="mt-2 list-decimal space-y-2 ps-6">
          {content.procedure.steps.map((step, i) => (
            <li key={i} data-key={step.key}>
              <Text text={step.text} locale={locale} />
            </li>
          ))}
        </ol>
      </PolicySection>

      <PolicySection id="response-deadline" title={t("sections.responseDeadline")}>
        <p className="font-semibold">
          {t("deadlineMaximum", {
            duration: t(`duration.${content.responseDeadline.unit}`, { amount: content.responseDeadline.amount }),
          })}{" "}
          <span className="font-normal text-stone-600">
            (
            {[content.responseDeadline.businessDays && t("businessDays"), t(`calendar.${content.responseDeadline.calendar}`)]
              .filter(Boolean)
              .join(locale === "ar" ? "، " : ", ")}
            )
          </span>
        </p>
        <p className="mt-1 text-stone-700">
          {t("deadlineOwnWording", { wording: pickText(content.responseDeadline.wording, locale).value })}
        </p>
      </PolicySection>

      <PolicySection id="approval" title={t("sections.approval")}>
        {boardDecision ? (
          <div className="rounded-md border border-stone-200 bg-stone-50 p-4 print:border-black print:bg-white">
            <p>{t("approvedBy", { name })}</p>
            <p className="mt-2 font-semibold" data-testid="approval-line">
              {t("session", { number: boardDecision.sessionNumber })} — {formatDualDate(boardDecision.meetingDate, locale)}
            </p>
            {!!boardDecision.attendees?.length && (
              <p className="mt-2 text-sm text-stone-700">
                {t("attendees")}: {boardDecision.attendees.join(locale === "ar" ? "، " : ", ")}
              </p>
            )}
            <p className="mt-4 text-sm text-stone-600">{t("chair")}</p>
            <p className="font-semibold">{pickColumn(boardDecision.chairNameAr, boardDecision.chairNameEn, locale)}</p>
          </div>
        ) : (
          <p className="rounded-md border border-dashed border-stone-300 p-4 text-stone-700">
            {preview ? t("approvalPending") : t("approvalNotRecorded")}
          </p>
        )}
      </PolicySection>

      <PolicySection id="contacts" title={t("sections.contacts")}>
        <ContactList tenant={tenant} />
      </PolicySection>

      {official && (
        <footer className="mt-10 flex items-center gap-4 border-t-2 border-[var(--brand)] pt-4 break-inside-avoid print:border-black">
          <div className="h-24 w-24 shrink-0" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: official.qrSvg }} />
          <div className="text-sm text-stone-700">
            <p>{t("verifyHint")}</p>
            <p className="mt-1 break-all font-mono" dir="ltr">
              {official.verifyUrl}
            </p>
            <p className="mt-1">
              {t("verificationCode")}:{" "}
              <code dir="ltr" className="font-mono font-semibold">
                {verificationCode(policy.contentHash)}
              </code>
            </p>
          </div>
        </footer>
      )}
    </article>
  );
}
