"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FormAlert, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
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

/** A select of people, with a placeholder that cannot be chosen. */
function PersonSelect({ name, label, people, state, current }: { name: string; label: string; people: Person[]; state: FormState; current?: string | null }) {
  const t = useTranslations("requests.forms");
  return (
    <SelectField name={name} label={label} state={state} defaultValue={current ?? ""}>
      <option value="" disabled>{t("choose")}</option>
      {people.map((p) => (
        <option key={p.userId} value={p.userId}>{p.name}</option>
      ))}
    </SelectField>
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
  const [kind, setKind] = useState("NOTE");
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("note")}>
      <input type="hidden" name="requestId" value={requestId} />
      <RadioGroup
        name="kind"
        legend={t("kind")}
        options={(["NOTE", "FIELD_VISIT"] as const).map((k) => ({ value: k, label: t(`kind${k}`) }))}
        state={state}
        value={kind}
        onChange={setKind}
      />
      {kind === "FIELD_VISIT" && (
        <TextField name="visitedOn" type="date" label={t("visitedOn")} max={today} state={state} className="w-fit rounded-md border border-stone-300 px-3 py-2 aria-[invalid=true]:border-red-600" />
      )}
      <TextAreaField name="text" label={t("text")} rows={4} state={state} />
      <div><SubmitButton>{t("noteSubmit")}</SubmitButton></div>
      <FormAlert state={state} />
    </form>
  );
}

export function VoteForm({ requestId }: { requestId: string }) {
  const t = useTranslations("requests");
  const [state, action] = useActionState(committeeVoteAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("forms.vote")}>
      <input type="hidden" name="requestId" value={requestId} />
      <RadioGroup
        name="choice"
        legend={t("forms.choiceLegend")}
        options={(["ACCEPT", "REJECT"] as const).map((choice) => ({ value: choice, label: t(`choice.${choice}`) }))}
        state={state}
      />
      <TextAreaField name="reason" label={t("forms.reason")} hint={t("forms.reasonHint")} rows={3} state={state} />
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
