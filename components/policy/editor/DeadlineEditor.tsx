"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { CALENDARS, DEADLINE_UNITS, type ResponseDeadline } from "@/lib/policy/schema";
import { BilingualField, selectClass, useFieldError, type Errors } from "./fields";

/** The research committee's response deadline: amount and unit, the calendar months are
 * counted in, working days (Sunday–Thursday) or calendar days, and the policy's own words. */
export function DeadlineEditor({ value, onChange, errors }: { value: ResponseDeadline; onChange: (value: ResponseDeadline) => void; errors: Errors }) {
  const t = useTranslations("editor.deadline");
  const tp = useTranslations("policy");
  const id = useId();
  const err = useFieldError(errors);
  const amountError = err("responseDeadline.amount");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-amount`} className="text-sm font-medium">{t("amount")}</label>
          <input
            id={`${id}-amount`}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={Number.isFinite(value.amount) ? value.amount : ""}
            onChange={(e) => onChange({ ...value, amount: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? `${id}-amount-error` : undefined}
            className="w-24 rounded-md border border-stone-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-unit`} className="text-sm font-medium">{t("unit")}</label>
          <select id={`${id}-unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as ResponseDeadline["unit"] })} className={selectClass}>
            {DEADLINE_UNITS.map((unit) => (
              <option key={unit} value={unit}>{t(`units.${unit}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-calendar`} className="text-sm font-medium">{t("calendar")}</label>
          <select id={`${id}-calendar`} value={value.calendar} onChange={(e) => onChange({ ...value, calendar: e.target.value as ResponseDeadline["calendar"] })} className={selectClass}>
            {CALENDARS.map((calendar) => (
              <option key={calendar} value={calendar}>{tp(`calendar.${calendar}`)}</option>
            ))}
          </select>
        </div>
      </div>
      {amountError && <p id={`${id}-amount-error`} className="text-sm text-red-700">{amountError}</p>}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("dayCount")}</legend>
        {[true, false].map((business) => (
          <label key={String(business)} className="flex items-center gap-2">
            <input type="radio" name={`${id}-days`} checked={value.businessDays === business} onChange={() => onChange({ ...value, businessDays: business })} className="size-4" />
            {t(business ? "businessDays" : "calendarDays")}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-stone-700" data-testid="deadline-summary">
        {tp("deadlineMaximum", { duration: tp(`duration.${value.unit}`, { amount: Number.isFinite(value.amount) ? value.amount : 0 }) })}
      </p>
      <BilingualField label={t("wording")} value={value.wording} onChange={(wording) => onChange({ ...value, wording })} path="responseDeadline.wording" errors={errors} />
    </div>
  );
}
