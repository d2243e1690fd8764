import { guardedRoute } from "@/lib/auth/guard";
import { clientIp } from "@/lib/auth/site";
import { exportForEntry } from "@/lib/pdpl/export";

/** Everything held about a data-request's subject, as a JSON file (admins, privacy.manage). */
export const GET = guardedRoute("privacy.manage", async ({ db, member, request }) => {
  const id = new URL(request.url).searchParams.get("id") ?? "";
  const { entry, data } = await exportForEntry(db, member.tenant.id, id, { actorId: member.user.id, ip: clientIp(request.headers), format: "json" });
  const body = { association: member.tenant.slug, exportedAt: new Date().toISOString(), dataRequest: { id: entry.id, kind: entry.kind, receivedOn: entry.receivedOn }, ...data };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="personal-data-${entry.id}.json"`,
      "cache-control": "no-store",
    },
  });
});
