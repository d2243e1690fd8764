"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FieldError, FormAlert, SubmitButton } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { complaintStatusAction, replyComplaintAction } from "@/lib/complaints/actions";
import { COMPLAINT_STATUSES } from "@/lib/complaints/statuses";

export function ReplyForm({ complaintId, canNotify }: { complaintId: string; canNotify: boolean }) {
  const t = useTranslations("complaints");
  const [state, action] = useActionState(replyComplaintAction, initialFormState);
  const id = useId();
  const error = state.fieldErrors?.body;
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("replyLabel")}>
      <FormAlert state={state} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <label htmlFor={id} className="text-sm font-medium">{t("replyLabel")}</label>
      <textarea
        id={id}
        name="body"
        rows={4}
        maxLength={4000}
        // Cleared after a reply is saved; kept after an error.
        key={state.ok ? "sent" : String(state.values?.body ?? "")}
        defaultValue={!state.ok && typeof state.values?.body === "string" ? state.values.body : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className="w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-hint`} className="text-xs text-stone-600">{canNotify ? t("replyHintNotify") : t("replyHintInternal")}</p>
      <FieldError name="body" state={state} id={`${id}-error`} />
      <div>
        <SubmitButton>{t("sendReply")}</SubmitButton>
      </div>
    </form>
  );
}

export function StatusButtons({ complaintId, current }: { complaintId: string; current: string }) {
  const t = useTranslations("complaints");
  const [state, action] = useActionState(complaintStatusAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={t("changeStatus")}>
      <input type="hidden" name="complaintId" value={complaintId} />
      <div className="flex flex-wrap gap-2">
        {COMPLAINT_STATUSES.filter((s) => s !== current).map((status) => (
          <button
            key={status}
            type="submit"
            name="status"
            value={status}
            className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50"
          >
            {t("markAs", { status: t(`status.${status}`) })}
          </button>
        ))}
      </div>
      <FormAlert state={state} />
    </form>
  );
}
