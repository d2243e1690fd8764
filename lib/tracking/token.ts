import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";

// After a correct code the beneficiary holds a signed token in an httpOnly cookie: which
// association and which request, until when. Nothing is stored server-side; the signature
// (HMAC-SHA256 with a key derived from the app secret) makes the cookie unforgeable.

export const TRACK_COOKIE = "track_session";
export const TRACK_SESSION_MINUTES = 30;

export type TrackSession = { associationId: string; requestId: string; expiresAt: number };

// A key for this purpose only, so a tracking signature can never be replayed as anything else.
const key = () => createHmac("sha256", authSecret()).update("tracking-session").digest();

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export function signTrackSession(associationId: string, requestId: string, now = new Date()): string {
  const body: TrackSession = { associationId, requestId, expiresAt: now.getTime() + TRACK_SESSION_MINUTES * 60_000 };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The session in a token, or null when it is forged, damaged, expired or for another association. */
export function verifyTrackSession(token: string | undefined, associationId: string, now = new Date()): TrackSession | null {
  if (!token || token.length > 1000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let session: TrackSession;
  try {
    session = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof session?.expiresAt !== "number" || session.expiresAt <= now.getTime()) return null;
  if (session.associationId !== associationId || typeof session.requestId !== "string") return null;
  return session;
}
