import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SurveyBuilder } from "@/components/surveys/builder/SurveyBuilder";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { pickText } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { surveyForBuilder } from "@/lib/surveys/builder";

export const generateMetadata = pageTitle("surveys.builder.edit.title");

type Props = { params: Promise<{ locale: string; surveyId: string }> };

/** The builder for one of this association's surveys (another association's id is a 404). */
export default async function EditSurvey({ params }: Props) {
  const { locale: segment, surveyId } = await params;
  const locale = asLocale(segment);
  const member = await requireMember("surveys.manage");
  const t = await getTranslations("surveys.builder.edit");
  const survey = await surveyForBuilder(await getDb(), member.tenant.id, surveyId).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <main id="main" className="py-6">
      <p className="text-sm">
        <Link href="/admin/surveys/manage" className="underline">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("heading", { title: pickText(survey.draft.title, locale).value })}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <SurveyBuilder surveyId={survey.id} initialContent={survey.draft} updatedAt={survey.updatedAt.toISOString()} currentVersion={survey.currentVersion} published={survey.published} />
    </main>
  );
}
