import { guardedRoute } from "@/lib/auth/guard";
import { auditCsv, auditFilterSchema, listAuditEvents } from "@/lib/audit/repository";

/** The filtered audit log as CSV (up to 10,000 events), for members with audit.view. */
export const GET = guardedRoute("audit.view", async ({ db, member, request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = auditFilterSchema.parse({ ...params, cursor: undefined });
  const { events } = await listAuditEvents(db, member.tenant.id, filter, 10_000);
  return new Response(auditCsv(events), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${member.tenant.slug}.csv"`,
      "cache-control": "no-store",
    },
  });
});
