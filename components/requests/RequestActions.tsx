"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FieldError, FormAlert, SubmitButton } from "@/components/forms/fields";
import { selectClass } from "@/components/policy/editor/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";
import {
  assignAction,
  committeeVoteAction,
  completeRegistrationAction,
  deliverServiceAction,
  referToResearchAction,
  researchNoteAction,
  sendToCommitteeAction,
} from "@/lib/requests/actions";

// The forms that move a request on. The page decides which ones this member sees (by
// permission and status); the server checks again.

type Person = { userId: string; name: string };
const textareaClass = "w-full rounded-md border border-stone-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600";

/** A labelled select of people, with its error linked. */
function PersonSelect({ name, label, people, state, current }: { name: string; label: string; people: Person[]; state: FormState; current?: string | null }) {
  const t = useTranslations("requests.forms");
  const id = useId();
  const error = state.fieldErrors?.[name];
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <select id={id} name={name} defaultValue={current ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={selectClass}>
        <option value="" disabled>{t("choose")}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>{p.name}</option>
        ))}
      </select>
      <FieldError name={name} state={state} id={`${id}-error`} />
    </div>
  );
}

export function AssignForm({ requestId, officers, current }: { requestId: string; officers: Person[]; current: string | null }) {
  const t = useTranslations("requests.forms");
  const [state, action] = useActionState(assignAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-2" aria-label={t("assign")}>
      <input type="hidden" name="requestId" value={requestId} />
      <PersonSelect name="assigneeId" label={t("assignee")} people={officers} state={state} current={current} />
      <div><SubmitButton variant="secondary">{t("assignSubmit")}</SubmitButton></div>
      <FormAlert state={state} />
    </form>
  );
}

export function ReferForm({ requestId, researchers }: { requestId: string; researchers: Person[] }) {
  const t = useTranslations("requests.forms");
  const [state, action] = useActionState(referToResearchAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-2" aria-label={t("refer")}>
      <input type="hidden" name="requestId" value={requestId} />
      <PersonSelect name="researcherId" label={t("researcher")} people={researchers} state={state} />
      <div><SubmitButton>{t("referSubmit")}</SubmitButton></div>
      <FormAlert state={state} />
    </form>
  );
}

export function ResearchNoteForm({ requestId, today }: { requestId: string; today: string }) {
  const t = useTranslations("requests.forms");
  const [state, action] = useActionState(researchNoteAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const [kind, setKind] = useState(typeof values.kind === "string" ? values.kind : "NOTE");
  const id = useId();
  const textError = state.fieldErrors?.text;
  const dateError = state.fieldErrors?.visitedOn;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("note")}>
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">{t("kind")}</legend>
        {(["NOTE", "FIELD_VISIT"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-4" />
            {t(`kind${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === "FIELD_VISIT" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-date`} className="text-sm font-medium">{t("visitedOn")}</label>
          <input
            id={`${id}-date`}
            type="date"
            name="visitedOn"
            max={today}
            defaultValue={typeof values.visitedOn === "string" ? values.visitedOn : ""}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-date-error` : undefined}
            className="w-fit rounded-md border border-stone-300 px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          <FieldError name="visitedOn" state={state} id={`${id}-date-error`} />
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-text`} className="text-sm font-medium">{t("text")}</label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={4}
          defaultValue={typeof values.text === "string" ? values.text : ""}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${id}-text-error` : undefined}
          className={textareaClass}
        />
        <FieldError name="text" state={state} id={`${id}-text-error`} />
      </div>
      <div><SubmitButton>{t("noteSubmit")}</SubmitButton></div>
      <FormAlert state={state} />
    </form>
  );
}

export function VoteForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requests");
  const [state, action] = useActionState(committeeVoteAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const id = useId();
  const error = state.fieldErrors?.reason;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("forms.vote")}>
      <input type="hidden" name="requestId" value={requestId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("forms.choiceLegend")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["ACCEPT", "REJECT"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-2">
              <input type="radio" name="choice" value={choice} defaultChecked={values.choice === choice} className="size-4" />
              {t(`choice.${choice}`)}
            </label>
          ))}
        </div>
        <FieldError name="choice" state={state} />
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">{t("forms.reason")}</label>
        <textarea
          id={id}
          name="reason"
          rows={3}
          defaultValue={typeof values.reason === "string" ? values.reason : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className={textareaClass}
        />
        <p id={`${id}-hint`} className="text-xs text-stone-600">{t("forms.reasonHint")}</p>
        <FieldError name="reason" state={state} id={`${id}-error`} />
      </div>
      <div><SubmitButton>{t("forms.voteSubmit")}</SubmitButton></div>
      <FormAlert state={state} />
    </form>
  );
}

/** One-button moves: to the committee, registration completed, service delivered. */
export function MoveButton({ requestId, move }: { requestId: string; move: "sendToCommittee" | "register" | "deliver" }) {
  const t = useTranslations("requests.forms");
  const action = { sendToCommittee: sendToCommitteeAction, register: completeRegistrationAction, deliver: deliverServiceAction }[move];
  return (
    <ButtonForm action={action} fields={{ requestId }} label={t(move)} variant="secondary">
      {t(move)}
    </ButtonForm>
  );
}
