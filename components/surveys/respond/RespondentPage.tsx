import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Text } from "@/components/ui/Text";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { pickColumn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { openSurvey, type SurveyTarget } from "@/lib/surveys/responses";
import type { Tenant } from "@/lib/tenancy/repository";
import { SurveyForm, type SurveyPrivacy } from "./SurveyForm";

// The respondent's page, for an invitation link or a survey's public link: the association, the
// survey's title and intro, and the form; or, when the link cannot be answered, a plain message
// saying why. A link that names no survey of this association (unknown, another association's,
// or closed) answers 404, with ./SurveyNotFound as its page; a used or expired invitation is
// this association's own and gets its message.

const CLOSED = ["SURVEY_LINK_USED", "SURVEY_LINK_EXPIRED"] as const;
const NOT_HERE = ["SURVEY_LINK_INVALID", "SURVEY_UNAVAILABLE"];
type Closed = (typeof CLOSED)[number];

type Props = { tenant: Tenant; locale: Locale; by: { token: string } | { surveyId: string } };

export async function RespondentPage({ tenant, locale, by }: Props) {
  const association = pickColumn(tenant.nameAr, tenant.nameEn, locale);
  let target: SurveyTarget;
  try {
    target = await openSurvey(await getDb(), tenant.id, by);
  } catch (error) {
    if (isAppError(error) && NOT_HERE.includes(error.code)) notFound();
    if (isAppError(error) && (CLOSED as readonly string[]).includes(error.code)) return <SurveyClosed code={error.code as Closed} />;
    throw error;
  }
  const { content } = target.version;
  const privacy: SurveyPrivacy = !target.invitation ? "anonymousPublic" : target.anonymous ? "anonymousInvitation" : "consent";
  const t = await getTranslations("surveys.respond");
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-6">
      <p className="text-sm text-stone-600">{t("byAssociation", { association })}</p>
      <h1 className="mt-1 text-2xl font-bold leading-snug">
        <Text text={content.title} locale={locale} />
      </h1>
      {content.intro && (
        <p className="mt-2 leading-7 text-stone-700">
          <Text text={content.intro} locale={locale} />
        </p>
      )}
      <div className="mt-4">
        <SurveyForm content={content} via={"token" in by ? { token: by.token } : { surveyId: target.surveyId }} versionId={target.version.id} privacy={privacy} association={association} />
      </div>
    </main>
  );
}

export async function SurveyClosed({ code }: { code: Closed | "SURVEY_UNAVAILABLE" }) {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto w-full max-w-md px-4 py-12 text-center">
      <h1 className="text-2xl font-bold">{t(`surveys.respond.closedTitle.${code}`)}</h1>
      <p role="alert" className="mt-3 leading-7 text-stone-700">{t(`errors.${code}`)}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-[var(--brand)] px-4 py-2 font-medium text-white">
        {t("surveys.respond.backHome")}
      </Link>
    </main>
  );
}
