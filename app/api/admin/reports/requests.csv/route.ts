import { guardedRoute } from "@/lib/auth/guard";
import { periodRequests, requestsCsv, resolvePeriod } from "@/lib/reports/requests";

/** The period's requests as CSV (one row each, no personal data), for members with reports.view. */
export const GET = guardedRoute("reports.view", async ({ db, member, request }) => {
  const params = new URL(request.url).searchParams;
  const period = resolvePeriod({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  const rows = await periodRequests(db, member.tenant.id, period);
  return new Response(requestsCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="requests-${member.tenant.slug}-${period.from}-${period.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
