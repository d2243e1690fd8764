"use client";

import { useLocale } from "next-intl";
import { SurveyForm } from "@/components/surveys/respond/SurveyForm";
import { Text } from "@/components/ui/Text";
import { asLocale } from "@/lib/i18n/routing";
import type { SurveyContent } from "@/lib/surveys/schema";

/** The draft as respondents will see it: the respondent's own form in preview mode (answerable, never sent). */
export function Preview({ content }: { content: SurveyContent }) {
  const locale = asLocale(useLocale());
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="preview">
      <h2 className="text-xl font-bold">
        <Text text={content.title} locale={locale} />
      </h2>
      {content.intro?.ar && (
        <p className="text-stone-700">
          <Text text={content.intro} locale={locale} />
        </p>
      )}
      <SurveyForm content={content} preview />
    </div>
  );
}
