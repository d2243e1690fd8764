import { getDb } from "@/lib/db";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  try {
    await (await getDb()).$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
}
