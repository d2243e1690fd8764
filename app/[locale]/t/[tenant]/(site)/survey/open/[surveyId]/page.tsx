import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { RespondentPage } from "@/components/surveys/respond/RespondentPage";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { getTenant } from "@/lib/tenancy/current";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("surveys.respond.pageTitle");

type Props = { params: Promise<{ tenant: string; locale: string; surveyId: string }> };

/** Public: a survey's open link and QR code, for walk-ins; answers are never linked to anyone. */
export default async function PublicSurveyPage({ params }: Props) {
  const { tenant: key, locale: segment, surveyId } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  return <RespondentPage tenant={tenant} locale={locale} by={{ surveyId }} />;
}
