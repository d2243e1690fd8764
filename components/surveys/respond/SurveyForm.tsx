"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormAlert, Honeypot, SubmitButton } from "@/components/forms/fields";
import { Text } from "@/components/ui/Text";
import { Link } from "@/lib/i18n/navigation";
import { initialFormState, type FormState } from "@/lib/auth/form";
import { asLocale } from "@/lib/i18n/routing";
import { submitSurveyAction } from "@/lib/surveys/respond-actions";
import { answerField, type SurveyContent } from "@/lib/surveys/schema";
import { countAnswered, echoedAnswers, type FormAnswers } from "./answers";
import { Progress } from "./Progress";
import { QuestionField } from "./QuestionField";

// The respondent's form: one fieldset per question, a progress indicator, the privacy note (or
// the consent to link the answers to the request), and the thank-you in place of the form once
// sent. The answers are held in state, so a rejected submission keeps every one of them.

export type SurveyPrivacy =
  /** Non-anonymous survey through an invitation: the respondent may link the answers to the request. */
  | "consent"
  | "anonymousInvitation"
  | "anonymousPublic";

export type SurveyFormProps = {
  content: SurveyContent;
  /** How the respondent came: an invitation's token or the survey's public link. */
  via?: { token: string } | { surveyId: string };
  /** The published version shown, sent back so that a newer publication refuses these answers. */
  versionId?: string;
  privacy?: SurveyPrivacy;
  /** The association's name, in the page's language, for the thank-you. */
  association?: string;
  /** The builder's preview: the same form, answerable, never sent. */
  preview?: boolean;
};

export function SurveyForm(props: SurveyFormProps) {
  const [state, action, pending] = useActionState(submitSurveyAction, initialFormState);
  if (state.ok && !props.preview) return <ThankYou association={props.association} />;
  return <Form {...props} state={state} action={action} pending={pending} />;
}

type FormProps = SurveyFormProps & { state: FormState; action: (form: FormData) => void; pending: boolean };

function Form({ content, via, versionId, privacy, preview, state, action, pending }: FormProps) {
  const t = useTranslations("surveys.respond");
  const formId = useId();
  const [answers, setAnswers] = useState<FormAnswers>(() => echoedAnswers(content.questions, state.values));
  const [linkConsent, setLinkConsent] = useState(state.values?.linkConsent === "on");
  const errors = state.fieldErrors ?? {};
  const questionId = (key: string) => `${formId}-${key}`;
  const invalid = content.questions.filter((q) => errors[answerField(q.key)]);

  // After a refusal, focus goes to the first question to fix (the summary above names them all).
  const refused = useRef<FormState | null>(null);
  useEffect(() => {
    if (invalid.length === 0 || refused.current === state) return;
    refused.current = state;
    const fieldset = document.getElementById(questionId(invalid[0].key));
    const target = fieldset?.querySelector<HTMLElement>("input:checked, input, textarea") ?? fieldset;
    target?.focus();
  });

  // Sent by hand rather than by the form's action: React resets a form after its action, which
  // would clear the answers held in state (the action stays for a page not yet hydrated).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (preview) return;
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  return (
    <form action={action} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t("pageTitle")}>
      {preview && <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("preview")}</p>}
      <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-white/95 px-4 py-3 backdrop-blur">
        <Progress answered={countAnswered(content.questions, answers)} total={content.questions.length} />
      </div>
      <p className="text-sm text-stone-600">{t("requiredNote")}</p>
      {invalid.length > 0 ? <ErrorSummary questions={invalid.map((q) => ({ id: questionId(q.key), label: q.label }))} /> : <FormAlert state={state} />}

      {content.questions.map((question) => (
        <QuestionField
          key={question.key}
          id={questionId(question.key)}
          question={question}
          value={answers[answerField(question.key)]}
          onChange={(value) => setAnswers((prior) => ({ ...prior, [answerField(question.key)]: value }))}
          error={errors[answerField(question.key)]}
        />
      ))}

      {privacy === "consent" ? (
        <div className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-stone-50 p-4">
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="linkConsent"
              checked={linkConsent}
              onChange={(event) => setLinkConsent(event.target.checked)}
              aria-describedby={`${formId}-consent-hint`}
              className="mt-1 size-5 shrink-0"
            />
            <span className="text-base leading-7">{t("linkConsent")}</span>
          </label>
          <p id={`${formId}-consent-hint`} className="ps-8 text-sm text-stone-600">{t("linkConsentHint")}</p>
        </div>
      ) : privacy ? (
        <p className="rounded-lg border border-stone-200 bg-stone-50 p-4 text-sm leading-7 text-stone-700">{t(privacy)}</p>
      ) : null}

      {via && "token" in via && <input type="hidden" name="token" value={via.token} />}
      {via && "surveyId" in via && <input type="hidden" name="surveyId" value={via.surveyId} />}
      {versionId && <input type="hidden" name="versionId" value={versionId} />}
      <Honeypot label={t("honeypot")} />
      {!preview && (
        <div>
          <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
        </div>
      )}
    </form>
  );
}

/** Names every question to fix, each a link to it. */
function ErrorSummary({ questions }: { questions: { id: string; label: SurveyContent["questions"][number]["label"] }[] }) {
  const t = useTranslations("surveys.respond");
  const locale = asLocale(useLocale());
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p className="font-semibold">{t("errorSummary")}</p>
      <ul className="mt-1 list-disc ps-5">
        {questions.map((q) => (
          <li key={q.id}>
            <a href={`#${q.id}`} className="underline">
              <Text text={q.label} locale={locale} />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ThankYou({ association }: { association?: string }) {
  const t = useTranslations("surveys.respond");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The next step (the association's home page) sits outside the status, which announces only the thanks.
  return (
    <div className="flex flex-col items-center gap-4">
      <div role="status" className="flex w-full flex-col items-center gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-8 text-center text-emerald-950">
        <span aria-hidden="true" className="text-4xl">✓</span>
        <h2 ref={heading} tabIndex={-1} className="text-xl font-bold focus:outline-none">{t("thanks")}</h2>
        {association && <p>{t("thanksBody", { association })}</p>}
      </div>
      <Link href="/" className="rounded-md bg-[var(--brand)] px-4 py-2 font-medium text-white">
        {t("backHome")}
      </Link>
    </div>
  );
}
