import { getTranslations } from "next-intl/server";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { consentRecord } from "@/lib/pdpl/consents";
import { NoticeText } from "./NoticeText";

type Props = {
  locale: Locale;
  record: Awaited<ReturnType<typeof consentRecord>>;
  request: { privacyNoticeVersion: number; healthConsent: boolean | null; accuracyDeclaredAt: Date; submittedAt: Date; anonymisedAt: Date | null };
  channel: string;
};

/** What the applicant agreed to and when (PDPL): the notice version with its text, health data,
 * accuracy, survey links, and how the request arrived. */
export async function ConsentRecord({ locale, record, request, channel }: Props) {
  const t = await getTranslations("requests");
  const { notice, surveyLinks } = record;
  const version = request.privacyNoticeVersion;
  const health = request.healthConsent === null ? t("detail.healthNotAsked") : request.healthConsent ? t("detail.healthYes") : t("detail.healthNo");
  return (
    <div data-testid="consent-record">
      <h3 className="mt-4 font-semibold">{t("detail.consentTitle")}</h3>
      <ul className="mt-1 list-disc space-y-1 ps-5 text-sm">
        <li>{t("detail.submission", { channel, at: formatDateTime(request.submittedAt, locale) })}</li>
        <li>
          {notice ? t("detail.noticeVersion", { version, date: formatDualDate(notice.createdAt, locale) }) : t("detail.noticeMissing", { version })}
          {notice && (
            <details className="mt-1">
              <summary className="cursor-pointer underline">{t("detail.noticeText", { version })}</summary>
              <div className="mt-2 space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3 leading-relaxed">
                <NoticeText notice={notice} showHealth={request.healthConsent !== null} />
              </div>
            </details>
          )}
        </li>
        <li>{t("detail.healthConsent")}: {health}</li>
        <li>{t("detail.accuracy", { at: formatDateTime(request.accuracyDeclaredAt, locale) })}</li>
        <li>
          {t("detail.surveyLinks", { count: surveyLinks.length })}
          {surveyLinks.length > 0 && (
            <ul className="mt-1 list-[circle] ps-5">
              {surveyLinks.map((link) => (
                <li key={link.responseId}>{t("detail.surveyLinkedOn", { at: formatDateTime(link.consentedAt, locale) })}</li>
              ))}
            </ul>
          )}
        </li>
      </ul>
    </div>
  );
}
