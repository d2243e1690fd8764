import { guardedRoute } from "@/lib/auth/guard";
import { dashboardCsv, dashboardFilters, surveyDashboard } from "@/lib/surveys/dashboard";

/** The survey dashboard's figures for the same filters as CSV (no free text), for members with surveys.view. */
export const GET = guardedRoute("surveys.view", async ({ db, member, request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { months, surveyId } = dashboardFilters(params);
  const dashboard = await surveyDashboard(db, member.tenant.id, months, surveyId);
  return new Response(dashboardCsv(dashboard), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="survey-figures-${member.tenant.slug}-${months.from}-${months.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
