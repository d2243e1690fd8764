import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/auth/guard";
import { COMPLAINT_STATUSES } from "@/lib/complaints/statuses";
import { listComplaints } from "@/lib/complaints/queries";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/dates";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { pageTitle } from "@/lib/i18n/metadata";

export const generateMetadata = pageTitle("complaints.inboxTitle");

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ComplaintsInboxPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("complaints.manage");
  const requested = (await searchParams).status;
  const status = COMPLAINT_STATUSES.find((s) => s === requested);
  const t = await getTranslations("complaints");
  const { items, counts } = await listComplaints(await getDb(), member.tenant.id, status);
  const total = COMPLAINT_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const filters = [{ key: undefined, label: t("all"), count: total }, ...COMPLAINT_STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), count: counts[s] }))];

  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold">{t("inboxTitle")}</h1>
      <nav aria-label={t("filterLabel")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          {filters.map((f) => (
            <li key={f.key ?? "all"}>
              <Link
                href={f.key ? `/admin/complaints?status=${f.key}` : "/admin/complaints"}
                aria-current={f.key === status ? "page" : undefined}
                className="block rounded-full border border-stone-300 px-3 py-1 text-sm aria-[current=page]:border-[var(--brand)] aria-[current=page]:bg-[var(--brand)] aria-[current=page]:text-white"
              >
                {f.label} <span className="tabular-nums">({f.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {items.map((c) => (
            <li key={c.id} data-testid="complaint-row">
              <Link href={`/admin/complaints/${c.reference}`} className="flex flex-col gap-1 p-3 hover:bg-stone-50">
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <bdi dir="ltr" className="font-semibold">{c.reference}</bdi>
                  <span className="rounded bg-stone-100 px-2 py-0.5">{t(`kinds.${c.kind}`)}</span>
                  <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">{t(`status.${c.status}`)}</span>
                  <span className="text-stone-600">{formatDateTime(c.createdAt, locale)}</span>
                </span>
                <span className="text-sm text-stone-700">{c.name ?? t("anonymous")}</span>
                <span className="line-clamp-2 break-words text-stone-900">{c.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
