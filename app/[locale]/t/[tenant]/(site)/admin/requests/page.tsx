import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AttestationNotice } from "@/components/requests/AttestationNotice";
import { DeadlineBadge } from "@/components/requests/DeadlineBadge";
import { RequestStatusBadge } from "@/components/requests/RequestStatusBadge";
import { requireMember } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDualDate } from "@/lib/i18n/dates";
import { pickText } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/metadata";
import { Link } from "@/lib/i18n/navigation";
import { asLocale } from "@/lib/i18n/routing";
import { needsAttestation } from "@/lib/policy/console";
import { displayName, membersWithRole } from "@/lib/policy/repository";
import { getPublishedPolicy } from "@/lib/policy/service";
import { countsByStatus, listRequests } from "@/lib/requests/queries";
import { REQUEST_STATUSES } from "@/lib/requests/status";

export const generateMetadata = pageTitle("requests.title");

// Filters arrive as a GET form: anything unknown is dropped rather than failing the page.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);
const filterSchema = z.object({
  status: optional(z.enum(REQUEST_STATUSES)),
  channel: optional(z.string().max(64)),
  assignee: optional(z.uuid()),
  overdue: optional(z.literal("1")),
  soon: optional(z.literal("1")),
  q: optional(z.string().trim().max(100)),
  cursor: optional(z.string().max(200)),
});

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = "min-w-0 rounded-md border border-stone-300 bg-white px-3 py-2 text-base";

export default async function RequestsPage({ params, searchParams }: Props) {
  const locale = asLocale((await params).locale);
  const member = await requireMember("requests.view");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = filterSchema.parse(raw);
  const t = await getTranslations("requests");
  const db = await getDb();
  const associationId = member.tenant.id;
  const now = new Date();
  const [page, counts, published, officers, toAttest] = await Promise.all([
    listRequests(
      db,
      associationId,
      { status: filter.status, channelKey: filter.channel, assigneeId: filter.assignee, overdue: !!filter.overdue, dueSoon: !!filter.soon, q: filter.q, cursor: filter.cursor },
      now,
    ),
    countsByStatus(db, associationId),
    getPublishedPolicy(db, associationId),
    membersWithRole(db, associationId, ["OFFICER"]),
    needsAttestation(db, associationId, member.user.id, member.roles),
  ]);
  const channels = published?.content.channels ?? [];
  const channelLabel = (key: string) => {
    const found = channels.find((c) => c.key === key);
    return found ? pickText(found.label, locale).value : key;
  };
  const officerName = new Map(officers.map((o) => [o.userId, displayName(o.user)]));
  const kept = Object.entries({ status: filter.status, channel: filter.channel, assignee: filter.assignee, overdue: filter.overdue, soon: filter.soon, q: filter.q }).filter(
    (e): e is [string, string] => !!e[1],
  );
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const chip = (active: boolean) => `rounded-full border px-3 py-1 text-sm ${active ? "border-[var(--brand,#0f766e)] bg-[var(--brand,#0f766e)] text-white" : "border-stone-300 bg-white"}`;

  return (
    <main id="main" className="py-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
        {member.permissions.has("requests.handle") && (
          <Link href="/admin/requests/new" className="rounded-md bg-[var(--brand,#0f766e)] px-4 py-2 text-sm font-semibold text-white">{t("newRequest")}</Link>
        )}
      </div>
      {toAttest && <AttestationNotice message={t("attestNeeded", { number: toAttest.number })} />}

      <nav aria-label={t("filters.countsLabel")} className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href="/admin/requests" className={chip(!filter.status)} aria-current={!filter.status ? "page" : undefined}>
              {t("filters.all")} <span className="tabular-nums">({total})</span>
            </Link>
          </li>
          {REQUEST_STATUSES.map((status) => (
            <li key={status}>
              <Link href={`/admin/requests?status=${status}`} className={chip(filter.status === status)} aria-current={filter.status === status ? "page" : undefined}>
                {t(`status.${status}`)} <span className="tabular-nums">({counts[status]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" role="search" aria-label={t("filters.title")} className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium sm:col-span-2">
          {t("filters.q")}
          <input type="search" name="q" defaultValue={filter.q} className={inputClass} aria-describedby="q-hint" />
          <span id="q-hint" className="text-xs font-normal text-stone-600">{t("filters.qHint")}</span>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
          {t("filters.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={inputClass}>
            <option value="">{t("filters.any")}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
          {t("filters.channel")}
          <select name="channel" defaultValue={filter.channel ?? ""} className={inputClass}>
            <option value="">{t("filters.any")}</option>
            {channels.map((c) => (
              <option key={c.key} value={c.key}>{pickText(c.label, locale).value}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
          {t("filters.assignee")}
          <select name="assignee" defaultValue={filter.assignee ?? ""} className={inputClass}>
            <option value="">{t("filters.any")}</option>
            {officers.map((o) => (
              <option key={o.userId} value={o.userId}>{displayName(o.user)}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} className="size-4" />
          {t("filters.overdue")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="soon" value="1" defaultChecked={!!filter.soon} className="size-4" />
          {t("filters.dueSoon")}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-[var(--brand,#0f766e)] px-4 py-2 text-sm font-semibold text-white">{t("filters.apply")}</button>
          <Link href="/admin/requests" className="text-sm underline">{t("filters.clear")}</Link>
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p className="mt-6 text-stone-600">{t("empty")}</p>
      ) : (
        // Cards on phones, a table on wide screens: nothing scrolls sideways.
        <>
          <ul className="mt-6 space-y-3 md:hidden" data-testid="request-cards">
            {page.rows.map((r) => (
              <li key={r.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/admin/requests/${r.reference}`} className="font-semibold underline" dir="ltr">{r.reference}</Link>
                  <RequestStatusBadge status={r.status} />
                </div>
                <p className="mt-1 break-words">{r.applicantName}</p>
                <p className="text-sm text-stone-600">{channelLabel(r.channelKey)}</p>
                <p className="mt-2 text-sm">{t("columns.due")}: {formatDualDate(r.dueAt, locale)}</p>
                <div className="mt-1"><DeadlineBadge dueAt={r.dueAt} decidedAt={r.decidedAt} now={now} /></div>
              </li>
            ))}
          </ul>
          <table className="mt-6 hidden w-full text-sm md:table">
            <thead>
              <tr className="border-b border-stone-300 text-start">
                <th scope="col" className="p-2 text-start">{t("columns.reference")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.applicant")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.channel")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.status")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.due")}</th>
                <th scope="col" className="p-2 text-start">{t("columns.assignee")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100 align-top" data-testid="request-row">
                  <td className="p-2"><Link href={`/admin/requests/${r.reference}`} className="font-semibold underline" dir="ltr">{r.reference}</Link></td>
                  <td className="p-2 break-words">{r.applicantName}</td>
                  <td className="p-2">{channelLabel(r.channelKey)}</td>
                  <td className="p-2"><RequestStatusBadge status={r.status} /></td>
                  <td className="p-2">
                    <div>{formatDualDate(r.dueAt, locale)}</div>
                    <DeadlineBadge dueAt={r.dueAt} decidedAt={r.decidedAt} now={now} />
                  </td>
                  <td className="p-2">{r.assigneeId ? (officerName.get(r.assigneeId) ?? "—") : t("unassigned")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="mt-4 flex flex-wrap gap-4">
        {filter.cursor && <a href={`?${new URLSearchParams(kept)}`} className="underline">{t("firstPage")}</a>}
        {page.nextCursor && <a href={`?${new URLSearchParams([...kept, ["cursor", page.nextCursor]])}`} className="underline" rel="next">{t("nextPage")}</a>}
      </p>
    </main>
  );
}
