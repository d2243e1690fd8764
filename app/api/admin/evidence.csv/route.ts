import { guardedRoute } from "@/lib/auth/guard";
import { evidenceCsv } from "@/lib/evidence/csv";
import { evidencePack } from "@/lib/evidence/pack";
import { resolveEvidenceYear } from "@/lib/evidence/year";

/** The evidence pack's figures as CSV (section, item, value), for members with evidence.view. */
export const GET = guardedRoute("evidence.view", async ({ db, member, request }) => {
  const params = new URL(request.url).searchParams;
  const year = resolveEvidenceYear({ calendar: params.get("calendar"), year: params.get("year") });
  const pack = await evidencePack(db, member.tenant.id, year);
  return new Response(evidenceCsv(pack), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="evidence-${member.tenant.slug}-${year.calendar}-${year.year}.csv"`,
      "cache-control": "no-store",
    },
  });
});
