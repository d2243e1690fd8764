"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId, useState, type ReactNode } from "react";
import { FieldError, FormAlert, Honeypot, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { initialFormState, type FormState } from "@/lib/auth/form";
import { formatDualDate } from "@/lib/i18n/dates";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { enterRequestAction, submitRequestAction } from "@/lib/requests/intake-actions";
import { ID_TYPES } from "@/lib/requests/identity";

// The support request form: the public /request page, and the staff console for walk-in,
// phone and letter requests (`staff`: the officer picks the channel and confirms the consents
// the applicant gave). The result is rendered inline: a tenant route cannot be redirected to.

export type IntakeOption = { key: string; label: string };

export type IntakeFormProps = {
  staff?: boolean;
  channels: IntakeOption[];
  defaultChannel?: string;
  supportTypes: IntakeOption[];
  notice: { version: number; text: string; healthText: string | null };
  healthRelated: boolean;
  /** The policy's own data-accuracy step, in the page's language; null when it has none. */
  accuracyText: string | null;
};

export function IntakeForm(props: IntakeFormProps) {
  // A new key gives the officer an empty form for the next applicant.
  const [round, setRound] = useState(0);
  return <IntakeRound key={round} {...props} onAnother={() => setRound(round + 1)} />;
}

function IntakeRound({ onAnother, ...props }: IntakeFormProps & { onAnother: () => void }) {
  const [state, action] = useActionState(props.staff ? enterRequestAction : submitRequestAction, initialFormState);
  if (state.ok && state.data?.reference) return <Confirmation data={state.data} staff={!!props.staff} onAnother={onAnother} />;
  if (state.ok && state.data?.existing) return <Duplicate reference={state.data.existing} staff={!!props.staff} onAnother={onAnother} />;
  return <Form {...props} state={state} action={action} />;
}

function Form({ state, action, staff, channels, defaultChannel, supportTypes, notice, healthRelated, accuracyText }: IntakeFormProps & { state: FormState; action: (form: FormData) => void }) {
  const t = useTranslations("intake");
  const staffLabel = (key: "PrivacyConsent" | "HealthConsent" | "AccuracyDeclaration", publicKey: string) => (staff ? t(`staff${key}`) : t(publicKey));
  return (
    <form action={action} noValidate className="flex flex-col gap-6" aria-label={staff ? t("staffTitle") : t("title")}>
      <FormAlert state={state} />
      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("sections.applicant")}</legend>
        <TextField name="applicantName" label={t("fields.applicantName")} state={state} autoComplete={staff ? "off" : "name"} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="idType" label={t("fields.idType")} state={state} defaultValue="NATIONAL_ID" required>
            {ID_TYPES.map((type) => (
              <option key={type} value={type}>{t(`idTypes.${type}`)}</option>
            ))}
          </SelectField>
          <TextField name="idNumber" label={t("fields.idNumber")} state={state} inputMode="numeric" dir="ltr" autoComplete="off" required />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="phone" type="tel" label={t("fields.phone")} hint={t("fields.phoneHint")} state={state} inputMode="tel" dir="ltr" autoComplete={staff ? "off" : "tel"} required />
          <TextField name="email" type="email" label={t("fields.email")} state={state} dir="ltr" autoComplete={staff ? "off" : "email"} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="city" label={t("fields.city")} state={state} autoComplete={staff ? "off" : "address-level2"} required />
          <TextField name="householdSize" label={t("fields.householdSize")} state={state} inputMode="numeric" required />
        </div>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("sections.request")}</legend>
        <SelectField name="supportTypeKey" label={t("fields.supportTypeKey")} state={state} defaultValue="" required>
          <option value="">{t("fields.choose")}</option>
          {supportTypes.map((type) => (
            <option key={type.key} value={type.key}>{type.label}</option>
          ))}
        </SelectField>
        <TextAreaField name="description" label={t("fields.description")} hint={t("fields.descriptionHint")} state={state} rows={5} required />
        <SelectField name="channelKey" label={t("fields.channelKey")} state={state} defaultValue={staff ? "" : (defaultChannel ?? "")} required>
          <option value="">{t("fields.choose")}</option>
          {channels.map((channel) => (
            <option key={channel.key} value={channel.key}>{channel.label}</option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("sections.consents")}</legend>
        {staff && <p className="text-sm text-stone-700">{t("staffConsentNote")}</p>}
        <details className="rounded-md border border-stone-200 bg-stone-50 p-3">
          <summary className="cursor-pointer font-medium">{t("privacyTitle", { version: notice.version })}</summary>
          <p className="mt-2 text-sm leading-7 text-stone-800">{notice.text}</p>
        </details>
        <Checkbox name="privacyConsent" state={state} label={staffLabel("PrivacyConsent", "privacyConsent")} />
        {healthRelated && (
          <div className="flex flex-col gap-2">
            {notice.healthText && <p className="text-sm leading-7 text-stone-800">{notice.healthText}</p>}
            <Checkbox name="healthConsent" state={state} label={staffLabel("HealthConsent", "healthConsent")} />
          </div>
        )}
        <div className="flex flex-col gap-2">
          {accuracyText ? (
            <blockquote className="border-s-4 border-stone-300 ps-3 text-sm leading-7 text-stone-800">
              <span className="block font-medium">{t("accuracyFromPolicy")}</span>
              {accuracyText}
            </blockquote>
          ) : (
            <p className="text-sm leading-7 text-stone-800">{t("accuracyGeneric")}</p>
          )}
          <Checkbox name="accuracyDeclaration" state={state} label={staffLabel("AccuracyDeclaration", "accuracyDeclaration")} />
        </div>
      </fieldset>

      {!staff && <Honeypot label={t("fields.website")} />}
      <div>
        <SubmitButton>{staff ? t("staffSubmit") : t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

function Checkbox({ name, label, state }: { name: string; label: string; state: FormState }) {
  const id = useId();
  const checked = state.values?.[name] === "on";
  const error = !!state.fieldErrors?.[name];
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input id={id} type="checkbox" name={name} defaultChecked={checked} key={String(checked)} required aria-invalid={error || undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 size-5 shrink-0" />
        <label htmlFor={id} className="text-base leading-7">{label}</label>
      </div>
      <FieldError name={name} state={state} id={`${id}-error`} />
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section role="status" aria-labelledby="intake-result" className="flex flex-col gap-4 rounded-lg border border-emerald-200 bg-emerald-50 p-5">
      <h2 id="intake-result" className="text-xl font-bold text-emerald-900">{title}</h2>
      {children}
    </section>
  );
}

function Reference({ value }: { value: string }) {
  return (
    <p dir="ltr" className="text-center font-mono text-3xl font-bold tracking-wider text-stone-900 sm:text-4xl" data-testid="reference">
      {value}
    </p>
  );
}

function Confirmation({ data, staff, onAnother }: { data: Record<string, string>; staff: boolean; onAnother: () => void }) {
  const t = useTranslations("intake");
  const locale = useLocale() as Locale;
  return (
    <Panel title={staff ? t("done.staffTitle") : t("done.title")}>
      <div>
        <p className="text-center text-sm text-stone-700">{t("done.reference")}</p>
        <Reference value={data.reference} />
        {!staff && <p className="mt-1 text-center text-sm text-stone-700">{t("done.keepIt")}</p>}
      </div>
      <p className="font-medium">{t("done.due", { date: formatDualDate(new Date(data.dueAt), locale) })}</p>
      {!staff && (
        <div>
          <h3 className="font-semibold">{t("done.nextTitle")}</h3>
          <p className="mt-1 leading-7">{t("done.next")}</p>
        </div>
      )}
      <NextStep staff={staff} onAnother={onAnother} track={t("done.track")} />
    </Panel>
  );
}

function Duplicate({ reference, staff, onAnother }: { reference: string; staff: boolean; onAnother: () => void }) {
  const t = useTranslations("intake");
  return (
    <Panel title={t("duplicate.title")}>
      <p className="leading-7">{t("duplicate.body")}</p>
      <Reference value={reference} />
      <NextStep staff={staff} onAnother={onAnother} track={t("duplicate.track")} />
    </Panel>
  );
}

/** The officer goes on to the next applicant; the applicant, to following the request. */
function NextStep({ staff, onAnother, track }: { staff: boolean; onAnother: () => void; track: string }) {
  const t = useTranslations("intake");
  const className = "rounded-md bg-[var(--brand,#0f766e)] px-4 py-2 text-sm font-semibold text-white";
  return (
    <p className="flex flex-wrap gap-4">
      {staff ? (
        <button type="button" onClick={onAnother} className={className}>{t("done.another")}</button>
      ) : (
        <Link href="/track" className={className}>{track}</Link>
      )}
    </p>
  );
}
