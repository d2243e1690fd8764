import { getTranslations } from "next-intl/server";
import { HealthRelatedForm } from "@/components/settings/HealthRelatedForm";
import { AddHolidayForm, ImportHolidaysForm, RemoveHolidayForm } from "@/components/settings/HolidayForms";
import { PrivacyNoticeForm } from "@/components/settings/PrivacyNoticeForm";
import { PublicFiguresForm } from "@/components/settings/PublicFiguresForm";
import { AddSupportTypeForm, RenameSupportTypeForm, SupportTypeActions } from "@/components/settings/SupportTypeForms";
import { currentHijriYear, readIntakeSettings } from "@/lib/associations/intake-settings";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickColumn } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";

export const generateMetadata = pageTitle("settings.title");

const card = "mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-5";

/** The admin's intake settings: support types, health-related service, public figures, privacy notice, holidays. */
export default async function IntakeSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("intake.configure");
  const t = await getTranslations("settings");
  const tf = await getTranslations("figures.settings");
  const { supportTypes, healthRelated, publicFigures, notice, holidays } = await readIntakeSettings(await getDb(), member.tenant.id);
  const hijriYear = currentHijriYear();

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>

      <section aria-labelledby="types" className={card}>
        <h2 id="types" className="text-lg font-semibold">{t("types.title")}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("types.intro")}</p>
        {supportTypes.length === 0 ? (
          <p className="mt-3 text-stone-600">{t("types.none")}</p>
        ) : (
          <ol className="mt-4 flex flex-col gap-3">
            {supportTypes.map((type, index) => {
              const label = pickColumn(type.labelAr, type.labelEn, locale);
              return (
                <li key={type.key} className="rounded-md border border-stone-200 p-3" data-testid="support-type">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className={`font-semibold ${type.active ? "" : "text-stone-500 line-through"}`}>
                      {label}
                      {!type.active && <span className="ms-2 rounded bg-stone-100 px-2 py-0.5 text-xs font-normal text-stone-700 no-underline">{t("types.inactive")}</span>}
                    </p>
                    <p className="text-xs text-stone-500">{t("types.key", { key: type.key })}</p>
                  </div>
                  <div className="mt-2">
                    <SupportTypeActions type={type} label={label} first={index === 0} last={index === supportTypes.length - 1} />
                  </div>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium underline">{t("types.rename")}</summary>
                    <div className="mt-3">
                      <RenameSupportTypeForm type={type} label={label} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
        <h3 className="mt-6 font-semibold">{t("types.addTitle")}</h3>
        <div className="mt-2">
          <AddSupportTypeForm />
        </div>
      </section>

      <section aria-labelledby="health" className={card}>
        <h2 id="health" className="mb-3 text-lg font-semibold">{t("health.title")}</h2>
        <HealthRelatedForm current={healthRelated} />
      </section>

      <section aria-labelledby="public-figures" className={card}>
        <h2 id="public-figures" className="mb-3 text-lg font-semibold">{tf("title")}</h2>
        <PublicFiguresForm current={publicFigures} />
      </section>

      <section aria-labelledby="privacy" className={card}>
        <h2 id="privacy" className="text-lg font-semibold">{t("privacy.title")}</h2>
        {notice ? (
          <>
            <p className="mt-1 text-sm text-stone-700" data-testid="privacy-version">
              {t("privacy.current", { version: notice.version, date: formatDualDate(notice.createdAt, locale) })}
            </p>
            <div className="mt-3 flex flex-col gap-3 text-sm leading-relaxed">
              <p lang="ar" dir="rtl">{notice.textAr}</p>
              {notice.textEn ? <p lang="en" dir="ltr">{notice.textEn}</p> : <p className="text-stone-500">{t("privacy.noEnglish")}</p>}
              {(notice.healthTextAr || notice.healthTextEn) && (
                <div className="border-s-4 border-amber-300 ps-3">
                  <h3 className="font-semibold">{t("privacy.healthHeading")}</h3>
                  {notice.healthTextAr && <p lang="ar" dir="rtl">{notice.healthTextAr}</p>}
                  {notice.healthTextEn && <p lang="en" dir="ltr">{notice.healthTextEn}</p>}
                </div>
              )}
            </div>
          </>
        ) : (
          <p className="mt-1 text-stone-700">{t("privacy.none")}</p>
        )}
        <details className="mt-4" open={!notice}>
          <summary className="cursor-pointer text-sm font-medium underline">{t("privacy.edit")}</summary>
          <div className="mt-3">
            <PrivacyNoticeForm current={notice} healthRelated={healthRelated} />
          </div>
        </details>
      </section>

      <section aria-labelledby="holidays" className={card}>
        <h2 id="holidays" className="text-lg font-semibold">{t("holidays.title")}</h2>
        <p className="mt-1 text-sm text-stone-700">{t("holidays.explain")}</p>
        <p className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("holidays.effect")}</p>
        <h3 className="mt-4 font-semibold">{t("holidays.upcoming")}</h3>
        {holidays.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("holidays.none")}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {holidays.map((holiday) => {
              const iso = holiday.date.toISOString().slice(0, 10);
              const name = pickColumn(holiday.nameAr, holiday.nameEn, locale);
              const date = formatDualDate(holiday.date, locale);
              return (
                <li key={iso} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-200 p-3 text-sm" data-testid="holiday">
                  <span className="min-w-0">
                    <span className="font-medium">{name}</span> — {date}
                  </span>
                  <RemoveHolidayForm date={iso} label={t("holidays.removeLabel", { name, date })} />
                </li>
              );
            })}
          </ul>
        )}
        <h3 className="mt-6 font-semibold">{t("holidays.addTitle")}</h3>
        <div className="mt-2">
          <AddHolidayForm />
        </div>
        <h3 className="mt-6 font-semibold">{t("holidays.importTitle")}</h3>
        <p className="mt-1 text-sm text-stone-700">{t("holidays.importExplain")}</p>
        <div className="mt-3 flex flex-wrap gap-4">
          <ImportHolidaysForm hijriYear={hijriYear} />
          <ImportHolidaysForm hijriYear={hijriYear + 1} />
        </div>
      </section>
    </main>
  );
}
