"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useMessage } from "@/components/forms/fields";
import { BilingualField, Section, useFieldError, type Errors } from "@/components/policy/editor/fields";
import { ViewTabs, type EditorView } from "@/components/forms/ViewTabs";
import { fieldErrorsOf, type FormState } from "@/lib/auth/form";
import { publishSurveyAction, saveSurveyDraftAction } from "@/lib/surveys/builder-actions";
import { changes, errorShown, fieldId, sameContent } from "@/lib/surveys/builder-draft";
import { surveyContentSchema, type SurveyContent } from "@/lib/surveys/schema";
import { Preview } from "./Preview";
import { QuestionList } from "./QuestionList";

type Call = (input: unknown) => Promise<FormState>;

type Props = {
  surveyId: string;
  initialContent: SurveyContent;
  updatedAt: string;
  currentVersion: number | null;
  /** The current version's content: publishing the same again is not offered. */
  published: SurveyContent | null;
  /** Server actions; tests pass their own. */
  save?: Call;
  publish?: Call;
};

/** An intro left blank is no intro (the schema would otherwise ask for its Arabic text). */
function normalize(content: SurveyContent): SurveyContent {
  const { intro, ...rest } = content;
  return intro && (intro.ar.trim() || intro.en?.trim()) ? { ...rest, intro } : rest;
}

/** The survey builder: title, intro and questions edited as a draft, checked field by field as
 * the manager types, saved on demand (refused over someone else's newer save), published as a
 * new version after a confirmation, and previewed as respondents will see it. */
export function SurveyBuilder({ surveyId, initialContent, updatedAt, currentVersion, published: initialPublished, save = saveSurveyDraftAction, publish = publishSurveyAction }: Props) {
  const t = useTranslations("surveys.builder");
  const message = useMessage();
  const id = useId();
  const [content, setContent] = useState(initialContent);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const [result, setResult] = useState<{ notice?: string; error?: string; fields: Errors } | null>(null);
  const [version, setVersion] = useState(currentVersion);
  const [published, setPublished] = useState(initialPublished);
  const [confirming, setConfirming] = useState(false);
  const [tab, setTab] = useState<EditorView>("edit");
  // Errors of newly added questions wait until their fields are edited or saving is tried.
  const [touched, setTouched] = useState<{ added: Set<string>; edited: Set<string>; all: boolean }>({ added: new Set(), edited: new Set(), all: false });
  const base = useRef(updatedAt);
  const editor = useRef<HTMLDivElement>(null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const parsed = useMemo(() => surveyContentSchema.safeParse(normalize(content)), [content]);
  const clientErrors: Errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const valid = parsed.success;
  const unchanged = parsed.success && published !== null && sameContent(parsed.data, published);
  const shownErrors = Object.fromEntries(
    Object.entries(clientErrors).filter(([path]) => touched.all || errorShown(fieldId(content, path), touched.added, touched.edited)),
  );
  const errors = valid ? (result?.fields ?? {}) : shownErrors;
  const err = useFieldError(errors);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const update = (change: (draft: SurveyContent) => void) => {
    const next = structuredClone(content);
    change(next);
    const { edited, added } = changes(content, next);
    setTouched((old) => ({ all: old.all, added: new Set([...old.added, ...added]), edited: new Set([...old.edited, ...edited]) }));
    setContent(next);
    setDirty(true);
    setResult(null);
    setConfirming(false);
  };

  // A refused save attempt marks every field and takes the manager to the first one.
  const [reveal, setReveal] = useState(0);
  useEffect(() => {
    if (reveal) editor.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [reveal]);

  const run = async (kind: "save" | "publish") => {
    if (kind === "save" && !valid) {
      setTouched((old) => ({ ...old, all: true }));
      setTab("edit");
      setReveal((n) => n + 1);
      return;
    }
    setConfirming(false);
    setBusy(kind);
    const state =
      kind === "save" ? await save({ surveyId, content: normalize(content), baseUpdatedAt: base.current }) : await publish({ surveyId, baseUpdatedAt: base.current });
    setBusy(null);
    if (state.ok) {
      if (state.data?.updatedAt) base.current = state.data.updatedAt;
      if (state.data?.version) {
        setVersion(Number(state.data.version));
        if (parsed.success) setPublished(parsed.data);
      }
      if (kind === "save") {
        setDirty(false);
        setTouched({ added: new Set(), edited: new Set(), all: false });
      }
      setResult({ notice: state.notice, fields: {} });
      if (kind === "publish") publishButton.current?.focus();
      return;
    }
    const fields = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^content\./, ""), v]));
    setResult({ error: state.error ?? (Object.keys(fields).length ? "errors.INVALID_INPUT" : "errors.UNEXPECTED"), fields });
  };

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const cancelPublish = () => {
    setConfirming(false);
    publishButton.current?.focus();
  };

  // Why publishing is not offered: unsaved changes first, then nothing new since the current version.
  const publishHint = dirty && valid ? t("publishHint") : !dirty && unchanged && version !== null ? t("noChanges", { number: version }) : null;
  const status = !valid ? t("status.invalid", { count: Object.keys(clientErrors).length }) : dirty ? t("status.dirty") : t("status.saved");
  const button = "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50";

  return (
    <div className="mt-4">
      <div className={`${tab === "edit" ? "sticky top-0 z-10" : ""} -mx-4 space-y-2 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ViewTabs label={t("edit.title")} view={tab} onChange={setTab} names={{ edit: t("tabs.edit"), preview: t("tabs.preview") }} />
          <div className="flex flex-wrap gap-2">
            {/* Enabled while invalid: trying to save shows every error and goes to the first. */}
            <button type="button" onClick={() => run("save")} disabled={!dirty || busy !== null} className={`${button} bg-[var(--brand)] text-white`}>
              {busy === "save" ? t("saving") : t("save")}
            </button>
            <button
              ref={publishButton}
              type="button"
              onClick={() => setConfirming(true)}
              disabled={!valid || dirty || unchanged || busy !== null}
              aria-describedby={publishHint ? `${id}-publish-hint` : undefined}
              aria-expanded={confirming}
              className={`${button} border border-stone-300 bg-white text-stone-900`}
            >
              {busy === "publish" ? t("publishing") : t("publish")}
            </button>
          </div>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p role="status" data-testid="builder-status" data-state={!valid ? "invalid" : dirty ? "dirty" : "saved"} className={!valid ? "font-medium text-red-700" : "text-stone-600"}>
            {status}
            {publishHint && <span id={`${id}-publish-hint`}> — {publishHint}</span>}
          </p>
          <p className="text-stone-600">{version === null ? t("edit.neverPublished") : t("edit.currentVersion", { number: version })}</p>
        </div>
        {confirming && (
          <div role="group" aria-labelledby={`${id}-confirm`} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            <p id={`${id}-confirm`} className="text-amber-950">{t("confirmPublish", { number: (version ?? 0) + 1 })}</p>
            <div className="flex flex-wrap gap-2">
              <button ref={confirmButton} type="button" onClick={() => run("publish")} className={`${button} bg-[var(--brand)] text-white`}>
                {t("confirmPublishButton", { number: (version ?? 0) + 1 })}
              </button>
              <button type="button" onClick={cancelPublish} className={`${button} border border-stone-300 bg-white text-stone-900`}>
                {t("cancel")}
              </button>
            </div>
          </div>
        )}
        {result?.notice && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{message(result.notice)}</p>}
        {result?.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">{message(result.error)}</p>}
      </div>

      {tab === "preview" ? (
        <div className="mt-4">
          <Preview content={normalize(content)} />
        </div>
      ) : (
        <div ref={editor} className="mt-4 space-y-6">
          <Section title={t("sections.general")}>
            <BilingualField label={t("fields.title")} value={content.title} onChange={(v) => update((d) => void (d.title = v))} path="title" errors={errors} />
            <div className="space-y-1">
              <BilingualField label={t("fields.intro")} value={content.intro ?? { ar: "", en: "" }} onChange={(v) => update((d) => void (d.intro = v))} path="intro" errors={errors} multiline />
              <p className="text-sm text-stone-600">{t("introHint")}</p>
            </div>
          </Section>

          <Section title={t("sections.questions")} error={err("questions")}>
            <QuestionList questions={content.questions} onChange={(questions) => update((d) => void (d.questions = questions))} errors={errors} />
          </Section>
        </div>
      )}
    </div>
  );
}
