"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FormAlert, SubmitButton, TextField } from "@/components/forms/fields";
import { addHolidayAction, addSaudiHolidaysAction, removeHolidayAction } from "@/lib/associations/intake-settings-actions";
import { initialFormState } from "@/lib/auth/form";
import { formatDualDate, type YMD } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { gregorianOf } from "@/lib/policy/meeting-date";

// Association holidays: one at a time (in either calendar), the Saudi public holidays of a
// Hijri year at once, and removal.

export function AddHolidayForm() {
  const t = useTranslations("settings.holidays");
  const locale = useLocale() as Locale;
  const [state, action] = useActionState(addHolidayAction, initialFormState);
  const [entered, setEntered] = useState<{ calendar: string } & YMD>({ calendar: "HIJRI", year: 0, month: 0, day: 0 });
  // The preview follows the uncontrolled inputs, also after React resets the form on success.
  const read = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const num = (name: string) => Number(data.get(name)) || 0;
    setEntered({ calendar: String(data.get("calendar") ?? "HIJRI"), year: num("year"), month: num("month"), day: num("day") });
  };
  const { calendar, ...ymd } = entered;
  const date = ymd.year && ymd.month && ymd.day ? gregorianOf({ calendar: calendar === "GREGORIAN" ? "GREGORIAN" : "HIJRI", ...ymd }) : null;
  const echoedCalendar = state.ok ? undefined : state.values?.calendar;
  return (
    <form
      action={action}
      onChange={(event) => read(event.currentTarget)}
      onReset={(event) => {
        const form = event.currentTarget;
        setTimeout(() => read(form));
      }}
      noValidate
      className="flex flex-col gap-4"
      aria-label={t("addTitle")}
    >
      <FormAlert state={state} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("date")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["HIJRI", "GREGORIAN"] as const).map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input type="radio" name="calendar" value={c} defaultChecked={(echoedCalendar ?? "HIJRI") === c} className="size-4" />
              {t(`calendar.${c}`)}
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-3">
          {(["day", "month", "year"] as const).map((key) => (
            <TextField
              key={key}
              name={key}
              label={t(key)}
              inputMode="numeric"
              state={state}
              className={`${key === "year" ? "w-24" : "w-16"} rounded-md border border-stone-300 px-3 py-2 text-base`}
            />
          ))}
        </div>
        <p className="text-sm text-stone-700" aria-live="polite" data-testid="holiday-date">
          {date ? t("dateBoth", { date: formatDualDate(date, locale) }) : t("dateHint")}
        </p>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="nameAr" label={t("nameAr")} state={state} dir="rtl" />
        <TextField name="nameEn" label={t("nameEn")} state={state} dir="ltr" />
      </div>
      <div>
        <SubmitButton variant="secondary">{t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveHolidayForm({ date, label }: { date: string; label: string }) {
  const t = useTranslations("settings.holidays");
  return (
    <ButtonForm action={removeHolidayAction} fields={{ date }} label={label} variant="danger">
      <span aria-hidden="true">{t("remove")}</span>
      <span className="sr-only">{label}</span>
    </ButtonForm>
  );
}

export function ImportHolidaysForm({ hijriYear }: { hijriYear: number }) {
  const t = useTranslations("settings.holidays");
  const [state, action] = useActionState(addSaudiHolidaysAction, initialFormState);
  const label = t("import", { year: hijriYear });
  const added = state.ok ? state.data?.added : undefined;
  return (
    <form action={action} className="flex flex-col items-start gap-2" aria-label={label}>
      <input type="hidden" name="hijriYear" value={hijriYear} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
      {added !== undefined ? (
        <p role="status" className="text-sm text-emerald-900">{t("imported", { count: Number(added) })}</p>
      ) : (
        <FormAlert state={state} />
      )}
    </form>
  );
}
