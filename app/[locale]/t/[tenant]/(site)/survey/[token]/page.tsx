import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { RespondentPage } from "@/components/surveys/respond/RespondentPage";
import { pageTitle } from "@/lib/i18n/metadata";
import { asLocale } from "@/lib/i18n/routing";
import { getTenant } from "@/lib/tenancy/current";

export const dynamic = "force-dynamic";

/** A fixed title (never the token), not indexed, and no Referer that would carry the token away. */
export async function generateMetadata(props: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { ...(await pageTitle("surveys.respond.pageTitle")(props)), referrer: "no-referrer" };
}

type Props = { params: Promise<{ tenant: string; locale: string; token: string }> };

/** Public: the survey a beneficiary was invited to after service, through the link's token. */
export default async function InvitationSurveyPage({ params }: Props) {
  const { tenant: key, locale: segment, token } = await params;
  const locale = asLocale(segment);
  setRequestLocale(locale);
  const tenant = await getTenant(key);
  if (!tenant) notFound();
  return <RespondentPage tenant={tenant} locale={locale} by={{ token }} />;
}
