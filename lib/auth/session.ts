import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db";
import { authOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string | null; isOperator: boolean };

/** The signed-in user, once per request. A session whose user is gone, or whose password was
 * reset since (sessionVersion), counts as signed out. A tampered cookie fails verification. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, isOperator: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator };
});
