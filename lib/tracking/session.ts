import { cookies } from "next/headers";
import { getDb } from "../db";
import type { Tenant } from "../tenancy/repository";
import { TRACK_COOKIE, verifyTrackSession } from "./token";
import { trackingView, type TrackingView } from "./view";

/** For the status page: the request this visitor proved to be theirs, on this host's association. */
export async function currentTrackingView(tenant: Tenant): Promise<TrackingView | null> {
  const session = verifyTrackSession((await cookies()).get(TRACK_COOKIE)?.value, tenant.id);
  return session ? trackingView(await getDb(), tenant.id, session.requestId) : null;
}
