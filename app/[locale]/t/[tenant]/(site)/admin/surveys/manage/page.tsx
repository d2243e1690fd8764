import { getTranslations } from "next-intl/server";
import { NewSurveyForm } from "@/components/surveys/builder/NewSurveyForm";
import { SettingSwitch } from "@/components/surveys/builder/SettingSwitch";
import { SharePanel } from "@/components/surveys/builder/SharePanel";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { pickColumn } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { listSurveys, SURVEY_SETTINGS } from "@/lib/surveys/builder";

export const generateMetadata = pageTitle("surveys.builder.manage.title");

type Props = { params: Promise<{ locale: string }> };

/** The association's surveys: status, version, responses, switches, share panel, and a new survey. */
export default async function ManageSurveys({ params }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("surveys.manage");
  const t = await getTranslations("surveys.builder.manage");
  const surveys = await listSurveys(await getDb(), member.tenant.id);
  // Without a post-service survey, nobody served is asked: said beside every such switch.
  const noPostService = !surveys.some((s) => s.postService);

  return (
    <main id="main" className="py-6">
      <div className="print:hidden">
        <p className="text-sm">
          <Link href="/admin/surveys" className="underline">{t("dashboard")}</Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>

      {surveys.length === 0 && <p className="mt-6 text-stone-600 print:hidden">{t("empty")}</p>}
      <ul className="mt-6 space-y-6">
        {surveys.map((survey) => {
          const title = pickColumn(survey.titleAr, survey.titleEn, locale);
          return (
            <li key={survey.id} className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5 print:border-0 print:p-0">
              <div className="flex flex-wrap items-start justify-between gap-3 print:hidden">
                <div className="min-w-0">
                  <h2 className="text-lg font-semibold">{title}</h2>
                  <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
                    <span>{survey.currentVersion === null ? t("unpublished") : t("version", { number: survey.currentVersion })}</span>
                    <span>{t("responses", { count: survey.responses })}</span>
                  </p>
                </div>
                <Link href={`/admin/surveys/${survey.id}/edit`} className="rounded-md bg-[var(--brand)] px-4 py-2 text-sm font-semibold text-white">
                  {t("edit")}
                </Link>
              </div>
              <section aria-label={`${t("settings")} — ${title}`} className="mt-3 print:hidden">
                {SURVEY_SETTINGS.map((setting) => (
                  <SettingSwitch
                    key={setting}
                    surveyId={survey.id}
                    surveyTitle={title}
                    setting={setting}
                    value={survey[setting]}
                    warning={setting === "postService" && noPostService ? t("noPostService") : undefined}
                  />
                ))}
              </section>
              <div className="mt-3">
                <SharePanel slug={member.tenant.slug} locale={locale} surveyId={survey.id} title={title} publicLink={survey.publicLink} />
              </div>
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="new-survey" className="mt-8 rounded-lg border border-stone-200 bg-white p-5 print:hidden">
        <h2 id="new-survey" className="mb-2 text-lg font-semibold">{t("new.title")}</h2>
        <NewSurveyForm />
      </section>
    </main>
  );
}
