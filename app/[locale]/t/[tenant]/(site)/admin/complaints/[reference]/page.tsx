import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReplyForm, StatusButtons } from "@/components/complaints/InboxForms";
import { requireMember } from "@/lib/auth/guard";
import { getComplaint } from "@/lib/complaints/queries";
import { getDb } from "@/lib/db";
import { formatDateTime, formatDualDate } from "@/lib/i18n/dates";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";
import { formatSaudiMobile } from "@/lib/requests/phone";

export const generateMetadata = pageTitle("complaints.inboxTitle");

type Props = { params: Promise<{ locale: string; reference: string }> };

export default async function ComplaintPage({ params }: Props) {
  const { locale: segment, reference } = await params;
  const locale = asLocale(segment);
  const member = await requireMember("complaints.manage");
  const complaint = await getComplaint(await getDb(), member.tenant.id, decodeURIComponent(reference).slice(0, 20));
  if (!complaint) notFound();
  const t = await getTranslations("complaints");
  const contact = complaint.phone || complaint.email;

  return (
    <main id="main" className="flex flex-col gap-6 py-6">
      <div>
        <Link href="/admin/complaints" className="text-sm underline">{t("back")}</Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-bold">
          <bdi dir="ltr">{complaint.reference}</bdi>
          <span className="rounded bg-stone-100 px-2 py-0.5 text-sm font-medium">{t(`kinds.${complaint.kind}`)}</span>
          <span className="rounded bg-amber-50 px-2 py-0.5 text-sm font-medium text-amber-900">{t(`status.${complaint.status}`)}</span>
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("receivedOn")}: {formatDualDate(complaint.createdAt, locale)}
          {complaint.closedAt && <> · {t("closedAt", { date: formatDualDate(complaint.closedAt, locale) })}</>}
        </p>
      </div>

      <section className="rounded-lg border border-stone-200 bg-white p-4">
        {complaint.requestReference && (
          <p className="mb-2 text-sm text-stone-700">{t("relatedRequest", { reference: complaint.requestReference })}</p>
        )}
        <p className="whitespace-pre-wrap break-words">{complaint.body}</p>
      </section>

      <section aria-labelledby="contact" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="contact" className="font-semibold">{t("contact")}</h2>
        <p className="mt-1">{complaint.name ?? t("anonymous")}</p>
        {complaint.phone && <p dir="ltr" className="text-start">{formatSaudiMobile(complaint.phone)}</p>}
        {complaint.email && <p dir="ltr" className="text-start break-all">{complaint.email}</p>}
        {!contact && <p className="mt-1 text-sm text-stone-600">{t("noContact")}</p>}
      </section>

      <section aria-labelledby="replies" className="flex flex-col gap-3">
        <h2 id="replies" className="font-semibold">{t("replies")}</h2>
        {complaint.replies.length === 0 ? (
          <p className="text-stone-600">{t("noReplies")}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {complaint.replies.map((r) => (
              <li key={r.id} className="rounded-lg border border-stone-200 bg-stone-50 p-3" data-testid="complaint-reply">
                <p className="flex flex-wrap gap-x-3 text-sm text-stone-600">
                  <span className="font-medium text-stone-800">{r.author}</span>
                  <span>{formatDateTime(r.createdAt, locale)}</span>
                  {r.notified && <span className="text-emerald-800">{t("notifiedBadge")}</span>}
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words">{r.body}</p>
              </li>
            ))}
          </ol>
        )}
        <ReplyForm complaintId={complaint.id} canNotify={!!contact} />
      </section>

      <section aria-labelledby="status" className="flex flex-col gap-2">
        <h2 id="status" className="font-semibold">{t("changeStatus")}</h2>
        <StatusButtons complaintId={complaint.id} current={complaint.status} />
      </section>
    </main>
  );
}
