"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { FieldError, FormAlert, RadioGroup, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { updateContactsAction } from "@/lib/associations/actions";
import { initialFormState } from "@/lib/auth/form";
import { formatGregorian, formatHijri, type YMD } from "@/lib/i18n/dates";
import { gregorianOf } from "@/lib/policy/meeting-date";
import type { Locale } from "@/lib/i18n/routing";
import { recordDecisionAction, setQuorumAction, voteAction } from "@/lib/policy/actions";
import { BOARD_QUORUMS } from "@/lib/policy/quorum";
import { selectClass } from "./editor/fields";


export function QuorumForm({ current }: { current: string }) {
  const t = useTranslations("policyAdmin");
  const [state, action] = useActionState(setQuorumAction, initialFormState);
  const id = useId();
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3" aria-label={t("quorumTitle")}>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">{t("quorumRule")}</label>
        <select id={id} name="quorum" defaultValue={current} className={selectClass}>
          {BOARD_QUORUMS.map((q) => (
            <option key={q} value={q}>{t(`quorum.${q}`)}</option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      <div className="w-full"><FormAlert state={state} /></div>
    </form>
  );
}

export function VoteForm({ versionId }: { versionId: string }) {
  const t = useTranslations("board");
  const [state, action] = useActionState(voteAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("voteTitle")}>
      <FormAlert state={state} />
      <input type="hidden" name="versionId" value={versionId} />
      <RadioGroup
        name="choice"
        legend={t("choiceLegend")}
        options={(["APPROVE", "REJECT"] as const).map((choice) => ({ value: choice, label: t(`choice.${choice}`) }))}
        state={state}
      />
      <TextAreaField name="comment" label={t("comment")} hint={t("commentHint")} rows={3} state={state} />
      <div>
        <SubmitButton>{t("castVote")}</SubmitButton>
      </div>
    </form>
  );
}

type Seat = { userId: string; name: string };

/** Both calendars' rendering of what the chair typed, or null while it is incomplete or invalid. */
function converted(calendar: string, ymd: YMD, locale: Locale): string | null {
  if (!ymd.year || !ymd.month || !ymd.day) return null;
  const date = gregorianOf({ calendar: calendar === "HIJRI" ? "HIJRI" : "GREGORIAN", ...ymd });
  return date && `${formatHijri(date, locale)} — ${formatGregorian(date, locale)}`;
}

export function DecisionForm({ versionId, board }: { versionId: string; board: Seat[] }) {
  const t = useTranslations("board");
  const locale = useLocale() as Locale;
  const [state, action] = useActionState(recordDecisionAction, initialFormState);
  const values = state.ok ? {} : (state.values ?? {});
  const [calendar, setCalendar] = useState(typeof values.calendar === "string" ? values.calendar : "HIJRI");
  const [ymd, setYmd] = useState<YMD>({ year: Number(values.year) || 0, month: Number(values.month) || 0, day: Number(values.day) || 0 });
  const attendees = values.attendeeIds === undefined ? board.map((s) => s.userId) : [values.attendeeIds].flat();
  const both = converted(calendar, ymd, locale);
  const part = (key: keyof YMD) => (event: React.ChangeEvent<HTMLInputElement>) => setYmd({ ...ymd, [key]: Number(event.target.value) });
  return (
    <form action={action} noValidate className="flex flex-col gap-4" aria-label={t("decisionTitle")}>
      <FormAlert state={state} />
      <input type="hidden" name="versionId" value={versionId} />
      <TextField name="sessionNumber" label={t("sessionNumber")} inputMode="numeric" state={state} className="w-32 rounded-md border border-stone-300 px-3 py-2 text-base" />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("meetingDate")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["HIJRI", "GREGORIAN"] as const).map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input type="radio" name="calendar" value={c} checked={calendar === c} onChange={() => setCalendar(c)} className="size-4" />
              {t(`calendar.${c}`)}
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-3">
          {(["day", "month", "year"] as const).map((key) => (
            <TextField
              key={key}
              name={key}
              label={t(`date.${key}`)}
              inputMode="numeric"
              state={state}
              onChange={part(key)}
              className={`${key === "year" ? "w-24" : "w-16"} rounded-md border border-stone-300 px-3 py-2 text-base`}
            />
          ))}
        </div>
        <p className="text-sm text-stone-700" aria-live="polite" data-testid="date-both">
          {both ? t("dateBoth", { date: both }) : t("dateHint")}
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("attendees")}</legend>
        {board.map((seat) => (
          <label key={seat.userId} className="flex items-center gap-2">
            <input type="checkbox" name="attendeeIds" value={seat.userId} defaultChecked={attendees.includes(seat.userId)} className="size-4" />
            {seat.name}
          </label>
        ))}
        <FieldError name="attendeeIds" state={state} />
      </fieldset>
      <div>
        <SubmitButton>{t("recordDecision")}</SubmitButton>
      </div>
    </form>
  );
}

type ContactValues = { phone: string | null; email: string | null; website: string | null; xHandle: string | null; instagramHandle: string | null };

export function ContactsForm({ current }: { current: ContactValues }) {
  const t = useTranslations("policyAdmin");
  const [state, action] = useActionState(updateContactsAction, initialFormState);
  const field = (name: keyof ContactValues, type = "text") => (
    <TextField name={name} type={type} dir="ltr" label={t(`contact.${name}`)} state={state} defaultValue={current[name] ?? ""} />
  );
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("contactsTitle")}>
      <div className="sm:col-span-2"><FormAlert state={state} /></div>
      {field("phone", "tel")}
      {field("email", "email")}
      {field("website", "url")}
      {field("xHandle")}
      {field("instagramHandle")}
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary">{t("saveContacts")}</SubmitButton>
      </div>
    </form>
  );
}

