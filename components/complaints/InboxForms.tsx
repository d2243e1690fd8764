"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { initialFormState } from "@/lib/auth/form";
import { complaintStatusAction, replyComplaintAction } from "@/lib/complaints/actions";
import { COMPLAINT_STATUSES } from "@/lib/complaints/statuses";

export function ReplyForm({ complaintId, canNotify }: { complaintId: string; canNotify: boolean }) {
  const t = useTranslations("complaints");
  const [state, action] = useActionState(replyComplaintAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={t("replyLabel")}>
      <FormAlert state={state} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <TextAreaField
        name="body"
        label={t("replyLabel")}
        hint={canNotify ? t("replyHintNotify") : t("replyHintInternal")}
        state={state}
        rows={4}
        maxLength={4000}
      />
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
