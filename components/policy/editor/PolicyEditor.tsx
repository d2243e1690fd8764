"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { fieldErrorsOf } from "@/lib/auth/form";
import type { Locale } from "@/lib/i18n/routing";
import { saveDraftAction } from "@/lib/policy/actions";
import { CATALOG } from "@/lib/policy/catalog";
import { PROCEDURE_STEP_KEYS, policyContentSchema, type LocalizedText, type PolicyContent } from "@/lib/policy/schema";
import { PolicyDocument, type DocumentTenant } from "../PolicyDocument";
import { useMessage } from "@/components/forms/fields";
import { BilingualField, ListEditor, Section, selectClass, useFieldError, type Errors } from "./fields";
import { DeadlineEditor } from "./DeadlineEditor";
import { ViewTabs, type EditorView } from "@/components/forms/ViewTabs";

type SaveState = "saved" | "pending" | "saving" | "invalid" | "failed";

type Props = {
  versionId: string;
  versionNumber: number;
  initialContent: PolicyContent;
  updatedAt: string;
  tenant: DocumentTenant;
  /** Where to autosave; tests pass their own. */
  save?: typeof saveDraftAction;
  /** Milliseconds of quiet before saving. */
  delay?: number;
};

const empty = (): LocalizedText => ({ ar: "", en: "" });

/** Zod errors of the content keyed by path ("channels.2.label.ar"), or {} when it is valid. */
function validate(content: PolicyContent): Errors {
  const parsed = policyContentSchema.safeParse(content);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

/** The structured policy editor: every section of the content, checked as the admin types and
 * saved after a pause when valid. Invalid content stays in the editor, marked field by field,
 * and is not saved until fixed; a tab shows the live preview of the public page. */
export function PolicyEditor({ versionId, versionNumber, initialContent, updatedAt, tenant, save = saveDraftAction, delay = 1200 }: Props) {
  const t = useTranslations("editor");
  const message = useMessage();
  const locale = useLocale() as Locale;
  const [content, setContent] = useState(initialContent);
  const [revision, setRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ key: string; fields: Errors } | null>(null);
  const [tab, setTab] = useState<EditorView>("edit");
  const base = useRef(updatedAt);
  const clientErrors = useMemo(() => validate(content), [content]);
  const valid = Object.keys(clientErrors).length === 0;
  const errors = valid ? (failure?.fields ?? {}) : clientErrors;
  const saveState: SaveState = failure ? "failed" : !valid ? "invalid" : saving ? "saving" : revision !== savedRevision ? "pending" : "saved";

  // Save a valid edit after a pause; each new edit restarts the pause.
  useEffect(() => {
    if (revision === savedRevision || !valid) return;
    const timer = setTimeout(async () => {
      setSaving(true);
      const result = await save({ versionId, content, baseUpdatedAt: base.current });
      setSaving(false);
      if (result.ok && result.data?.updatedAt) {
        base.current = result.data.updatedAt;
        setSavedRevision(revision);
      } else {
        const fields = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^content\./, ""), v]));
        setFailure({ key: result.error ?? (Object.keys(fields).length ? "errors.INVALID_INPUT" : "errors.UNEXPECTED"), fields });
      }
    }, delay);
    return () => clearTimeout(timer);
  }, [content, delay, revision, save, savedRevision, valid, versionId]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (saveState === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saveState]);

  const update = (change: (draft: PolicyContent) => void) => {
    setContent((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setRevision((r) => r + 1);
    setFailure(null);
  };
  const errorCount = Object.keys(errors).length;
  const err = useFieldError(errors);

  const status = {
    saved: t("status.saved"),
    pending: t("status.pending"),
    saving: t("status.saving"),
    invalid: t("status.invalid", { count: errorCount }),
    failed: failure ? message(failure.key) : t("status.failed"),
  }[saveState];

  return (
    <div className="mt-4">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur">
        <ViewTabs label={t("view")} view={tab} onChange={setTab} names={{ edit: t("tabs.edit"), preview: t("tabs.preview") }} />
        <p
          role="status"
          data-testid="save-status"
          data-state={saveState}
          className={`text-sm ${saveState === "invalid" || saveState === "failed" ? "font-medium text-red-700" : "text-stone-600"}`}
        >
          {status}
        </p>
      </div>

      {tab === "preview" ? (
        <div className="mt-4" data-testid="preview">
          <PolicyDocument tenant={tenant} locale={locale} preview policy={{ versionNumber, content, contentHash: "", publishedAt: null, boardDecision: null }} />
        </div>
      ) : (
        <div className="mt-4 space-y-6">
          <Section title={t("sections.title")}>
            <BilingualField label={t("fields.title")} value={content.title} onChange={(v) => update((d) => void (d.title = v))} path="title" errors={errors} />
          </Section>

          <Section title={t("sections.preamble")} error={err("preamble")}>
            <ListEditor
              items={content.preamble}
              onChange={(items) => update((d) => void (d.preamble = items))}
              newItem={empty}
              itemLabel={(i) => t("paragraph", { n: i + 1 })}
              addLabel={t("addParagraph")}
              render={(item, i, set) => <BilingualField label={t("paragraph", { n: i + 1 })} value={item} onChange={set} path={`preamble.${i}`} errors={errors} multiline />}
            />
          </Section>

          <Section title={t("sections.generalGoal")}>
            <BilingualField label={t("fields.generalGoal")} value={content.generalGoal} onChange={(v) => update((d) => void (d.generalGoal = v))} path="generalGoal" errors={errors} multiline />
          </Section>

          <Section title={t("sections.detailedGoals")} error={err("detailedGoals")}>
            <ListEditor
              items={content.detailedGoals}
              onChange={(items) => update((d) => void (d.detailedGoals = items))}
              newItem={empty}
              itemLabel={(i) => t("goal", { n: i + 1 })}
              addLabel={t("addGoal")}
              render={(item, i, set) => <BilingualField label={t("goal", { n: i + 1 })} value={item} onChange={set} path={`detailedGoals.${i}`} errors={errors} multiline />}
            />
          </Section>

          <Section title={t("sections.trustMeasures")} error={err("trustMeasures.items")}>
            <BilingualField label={t("fields.intro")} value={content.trustMeasures.intro} onChange={(v) => update((d) => void (d.trustMeasures.intro = v))} path="trustMeasures.intro" errors={errors} multiline />
            <ListEditor
              items={content.trustMeasures.items}
              onChange={(items) => update((d) => void (d.trustMeasures.items = items))}
              newItem={empty}
              itemLabel={(i) => t("measure", { n: i + 1 })}
              addLabel={t("addMeasure")}
              render={(item, i, set) => <BilingualField label={t("measure", { n: i + 1 })} value={item} onChange={set} path={`trustMeasures.items.${i}`} errors={errors} multiline />}
            />
          </Section>

          <Section title={t("sections.channels")} error={err("channels")}>
            <CatalogList kind="CHANNEL" items={content.channels} onChange={(items) => update((d) => void (d.channels = items))} path="channels" errors={errors} />
          </Section>

          <Section title={t("sections.officerTools")} error={err("officerTools")}>
            <CatalogList kind="OFFICER_TOOL" items={content.officerTools} onChange={(items) => update((d) => void (d.officerTools = items))} path="officerTools" errors={errors} />
          </Section>

          <Section title={t("sections.procedure")} error={err("procedure.steps")}>
            <BilingualField label={t("fields.intro")} value={content.procedure.intro} onChange={(v) => update((d) => void (d.procedure.intro = v))} path="procedure.intro" errors={errors} multiline />
            <ListEditor<Step>
              items={content.procedure.steps}
              onChange={(items) => update((d) => void (d.procedure.steps = items))}
              newItem={() => ({ text: empty() })}
              itemLabel={(i) => t("step", { n: i + 1 })}
              addLabel={t("addStep")}
              render={(step, i, set) => (
                <div className="space-y-2">
                  <BilingualField label={t("step", { n: i + 1 })} value={step.text} onChange={(text) => set({ ...step, text })} path={`procedure.steps.${i}.text`} errors={errors} multiline />
                  <label className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
                    <span>{t("stepRole")}</span>
                    <select
                      value={step.key ?? ""}
                      onChange={(e) => set({ text: step.text, ...(e.target.value ? { key: e.target.value as (typeof PROCEDURE_STEP_KEYS)[number] } : {}) })}
                      className={selectClass}
                    >
                      <option value="">{t("stepRoles.none")}</option>
                      {PROCEDURE_STEP_KEYS.map((key) => (
                        <option key={key} value={key}>{t(`stepRoles.${key}`)}</option>
                      ))}
                    </select>
                  </label>
                </div>
              )}
            />
          </Section>

          <Section title={t("sections.responseDeadline")}>
            <DeadlineEditor value={content.responseDeadline} onChange={(v) => update((d) => void (d.responseDeadline = v))} errors={errors} />
          </Section>
        </div>
      )}
    </div>
  );
}

type Step = PolicyContent["procedure"]["steps"][number];
type CatalogItem = { key: string; label: LocalizedText };

/** Channels or officer tools: entries picked from the platform's catalog (stable keys that
 * reports compare across associations) or the association's own custom entries. */
function CatalogList({ kind, items, onChange, path, errors }: { kind: "CHANNEL" | "OFFICER_TOOL"; items: CatalogItem[]; onChange: (items: CatalogItem[]) => void; path: string; errors: Errors }) {
  const t = useTranslations("editor");
  const lang = useLocale() === "en" ? "en" : "ar";
  const id = useId();
  const [pick, setPick] = useState("");
  const available = CATALOG.filter((entry) => entry.kind === kind && !items.some((item) => item.key === entry.key));
  const add = () => {
    const entry = available.find((e) => e.key === pick);
    if (entry) onChange([...items, { key: entry.key, label: { ar: entry.label.ar, en: entry.label.en } }]);
    else onChange([...items, { key: `custom.${crypto.randomUUID().slice(0, 8)}`, label: empty() }]);
    setPick("");
  };
  return (
    <div className="space-y-3">
      <ListEditor
        items={items}
        onChange={onChange}
        itemLabel={(i) => t("entry", { n: i + 1 })}
        render={(item, i, set) => (
          <div className="space-y-1">
            <p className="text-xs text-stone-500">{item.key.startsWith("custom.") ? t("customEntry") : t("catalogEntry")}</p>
            <BilingualField label={t("entry", { n: i + 1 })} value={item.label} onChange={(label) => set({ ...item, label })} path={`${path}.${i}.label`} errors={errors} />
          </div>
        )}
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={`${id}-pick`} className="text-sm font-medium">{t(kind === "CHANNEL" ? "addChannel" : "addTool")}</label>
          <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)} className={selectClass}>
            <option value="">{t("customOption")}</option>
            {available.map((entry) => (
              <option key={entry.key} value={entry.key}>{entry.label[lang]}</option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-stone-50">
          {t("add")}
        </button>
      </div>
    </div>
  );
}
