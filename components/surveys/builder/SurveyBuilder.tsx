"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useMessage } from "@/components/forms/fields";
import { BilingualField, ListEditor, Section, selectClass, useFieldError, type Errors } from "@/components/policy/editor/fields";
import { fieldErrorsOf, type FormState } from "@/lib/auth/form";
import { publishSurveyAction, saveSurveyDraftAction } from "@/lib/surveys/builder-actions";
import { QUESTION_TYPES, surveyContentSchema, type Question, type QuestionType, type SurveyContent } from "@/lib/surveys/schema";
import { newKey } from "./keys";
import { Preview } from "./Preview";
import { QuestionEditor } from "./QuestionEditor";
import { ViewTabs, type EditorView } from "@/components/forms/ViewTabs";

type Call = (input: unknown) => Promise<FormState>;

type Props = {
  surveyId: string;
  initialContent: SurveyContent;
  updatedAt: string;
  currentVersion: number | null;
  /** Server actions; tests pass their own. */
  save?: Call;
  publish?: Call;
};

/** An intro left blank is no intro (the schema would otherwise ask for its Arabic text). */
function normalize(content: SurveyContent): SurveyContent {
  const { intro, ...rest } = content;
  return intro && (intro.ar.trim() || intro.en?.trim()) ? { ...rest, intro } : rest;
}

function validate(content: SurveyContent): Errors {
  const parsed = surveyContentSchema.safeParse(normalize(content));
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

function newQuestion(type: QuestionType, taken: string[]): Question {
  const base = { key: newKey("q", taken), label: { ar: "", en: "" }, required: true };
  switch (type) {
    case "RATING":
      return { ...base, type, style: "STARS", overall: false };
    case "SINGLE":
    case "MULTIPLE": {
      const first = newKey("o", []);
      return { ...base, type, options: [first, newKey("o", [first])].map((key) => ({ key, label: { ar: "", en: "" } })) };
    }
    default:
      return { ...base, type };
  }
}

/** The survey builder: title, intro and questions edited as a draft, checked field by field as
 * the manager types, saved on demand (refused over someone else's newer save), published as a
 * new version, and previewed as respondents will see it. */
export function SurveyBuilder({ surveyId, initialContent, updatedAt, currentVersion, save = saveSurveyDraftAction, publish = publishSurveyAction }: Props) {
  const t = useTranslations("surveys.builder");
  const message = useMessage();
  const id = useId();
  const [content, setContent] = useState(initialContent);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const [result, setResult] = useState<{ notice?: string; error?: string; fields: Errors } | null>(null);
  const [version, setVersion] = useState(currentVersion);
  const [tab, setTab] = useState<EditorView>("edit");
  const [newType, setNewType] = useState<QuestionType>("RATING");
  const base = useRef(updatedAt);
  const clientErrors = useMemo(() => validate(content), [content]);
  const valid = Object.keys(clientErrors).length === 0;
  const errors = valid ? (result?.fields ?? {}) : clientErrors;
  const err = useFieldError(errors);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (change: (draft: SurveyContent) => void) => {
    setContent((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setDirty(true);
    setResult(null);
  };

  const run = async (kind: "save" | "publish") => {
    setBusy(kind);
    const state =
      kind === "save" ? await save({ surveyId, content: normalize(content), baseUpdatedAt: base.current }) : await publish({ surveyId, baseUpdatedAt: base.current });
    setBusy(null);
    if (state.ok) {
      if (state.data?.updatedAt) base.current = state.data.updatedAt;
      if (state.data?.version) setVersion(Number(state.data.version));
      if (kind === "save") setDirty(false);
      setResult({ notice: state.notice, fields: {} });
      return;
    }
    const fields = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^content\./, ""), v]));
    setResult({ error: state.error ?? (Object.keys(fields).length ? "errors.INVALID_INPUT" : "errors.UNEXPECTED"), fields });
  };

  const status = !valid ? t("status.invalid", { count: Object.keys(clientErrors).length }) : dirty ? t("status.dirty") : t("status.saved");
  const button = "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50";

  return (
    <div className="mt-4">
      <div className={`${tab === "edit" ? "sticky top-0 z-10" : ""} -mx-4 space-y-2 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ViewTabs label={t("edit.title")} view={tab} onChange={setTab} names={{ edit: t("tabs.edit"), preview: t("tabs.preview") }} />
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => run("save")} disabled={!valid || !dirty || busy !== null} className={`${button} bg-[var(--brand)] text-white`}>
              {busy === "save" ? t("saving") : t("save")}
            </button>
            <button
              type="button"
              onClick={() => run("publish")}
              disabled={!valid || dirty || busy !== null}
              aria-describedby={dirty ? `${id}-publish-hint` : undefined}
              className={`${button} border border-stone-300 bg-white text-stone-900`}
            >
              {busy === "publish" ? t("publishing") : t("publish")}
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p role="status" data-testid="builder-status" data-state={!valid ? "invalid" : dirty ? "dirty" : "saved"} className={!valid ? "font-medium text-red-700" : "text-stone-600"}>
            {status}
            {dirty && valid && <span id={`${id}-publish-hint`}> — {t("publishHint")}</span>}
          </p>
          <p className="text-stone-600">{version === null ? t("edit.neverPublished") : t("edit.currentVersion", { number: version })}</p>
        </div>
        {result?.notice && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{message(result.notice)}</p>}
        {result?.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{message(result.error)}</p>}
      </div>

      {tab === "preview" ? (
        <div className="mt-4">
          <Preview content={normalize(content)} />
        </div>
      ) : (
        <div className="mt-4 space-y-6">
          <Section title={t("sections.general")}>
            <BilingualField label={t("fields.title")} value={content.title} onChange={(v) => update((d) => void (d.title = v))} path="title" errors={errors} />
            <BilingualField label={t("fields.intro")} value={content.intro ?? { ar: "", en: "" }} onChange={(v) => update((d) => void (d.intro = v))} path="intro" errors={errors} multiline />
          </Section>

          <Section title={t("sections.questions")} error={err("questions")}>
            <ListEditor
              items={content.questions}
              onChange={(questions) => update((d) => void (d.questions = questions))}
              itemLabel={(i) => t("question", { n: i + 1 })}
              render={(question, i, set) => <QuestionEditor question={question} index={i} onChange={set} errors={errors} />}
            />
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-0 max-w-full flex-col gap-1">
                <label htmlFor={`${id}-type`} className="text-sm font-medium">{t("newType")}</label>
                <select id={`${id}-type`} value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)} className={selectClass}>
                  {QUESTION_TYPES.map((type) => (
                    <option key={type} value={type}>{t(`types.${type}`)}</option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                onClick={() => update((d) => void d.questions.push(newQuestion(newType, d.questions.map((q) => q.key))))}
                className="rounded-md border border-dashed border-stone-400 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-50"
              >
                + {t("addQuestion")}
              </button>
            </div>
          </Section>
        </div>
      )}
    </div>
  );
}
