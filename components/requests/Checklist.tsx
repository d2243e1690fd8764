"use client";

import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useRef } from "react";
import { FormAlert } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { formatDateTime } from "@/lib/i18n/dates";
import { pickColumn } from "@/lib/i18n/localized";
import { asLocale } from "@/lib/i18n/routing";
import { toggleStepAction } from "@/lib/requests/actions";

// The policy's procedure steps for one request. Each step is its own small form: ticking the
// box sends it at once, and the page shows who ticked it and when.

export type ChecklistStep = { position: number; textAr: string; textEn: string | null; doneAt: string | null; doneByName: string | null };

export function Checklist({ requestId, steps, canEdit }: { requestId: string; steps: ChecklistStep[]; canEdit: boolean }) {
  const t = useTranslations("requests.checklist");
  return (
    <div>
      {!canEdit && <p className="mb-2 text-sm text-stone-600">{t("readOnly")}</p>}
      <ol className="space-y-2">
        {steps.map((step) => (
          <StepRow key={step.position} requestId={requestId} step={step} canEdit={canEdit} />
        ))}
      </ol>
    </div>
  );
}

function StepRow({ requestId, step, canEdit }: { requestId: string; step: ChecklistStep; canEdit: boolean }) {
  const t = useTranslations("requests.checklist");
  const locale = asLocale(useLocale());
  const [state, run, pending] = useActionState(toggleStepAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const done = !!step.doneAt;
  // While the server works the box shows the new state; the refreshed page confirms it.
  const checked = pending ? !done : done;
  return (
    <li className="rounded-md border border-stone-200 bg-white p-3" data-testid="checklist-step">
      {/* Not a form action: React resets a form after its action, which unticks a controlled box. */}
      <form ref={form} className="flex flex-col gap-1">
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="position" value={step.position} />
        <input type="hidden" name="done" value={String(!done)} />
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            checked={checked}
            disabled={!canEdit || pending}
            aria-describedby={done ? `${id}-by` : undefined}
            onChange={() => startTransition(() => run(new FormData(form.current!)))}
            className="mt-1 size-5 shrink-0"
          />
          <span>
            <span className="font-medium">{step.position + 1}. </span>
            {pickColumn(step.textAr, step.textEn, locale)}
          </span>
        </label>
        {step.doneAt && (
          <p id={`${id}-by`} className="ms-8 text-xs text-stone-600">
            {t("doneBy", { name: step.doneByName ?? "—", at: formatDateTime(new Date(step.doneAt), locale) })}
          </p>
        )}
        <div className="ms-8">
          <FormAlert state={state.ok ? {} : state} />
        </div>
      </form>
    </li>
  );
}
