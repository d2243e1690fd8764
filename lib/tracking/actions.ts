"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { guardedAction } from "../auth/guard";
import type { FormState } from "../auth/form";
import { endTrackingService, requestCodeService, verifyCodeService, verifyResult } from "./code";
import { requestCodeSchema, verifyCodeSchema } from "./schema";
import { TRACK_COOKIE, TRACK_SESSION_MINUTES } from "./token";

export const requestTrackingCodeAction = guardedAction({ public: true }, requestCodeSchema, requestCodeService);

const verify = guardedAction({ public: true }, verifyCodeSchema, verifyCodeService);

/** The signed token goes into an httpOnly cookie for this host only (no Domain attribute);
 * it never reaches the page's JavaScript. */
export async function verifyTrackingCodeAction(previous: FormState, form: FormData): Promise<FormState> {
  const { state, token } = verifyResult(await verify(previous, form));
  if (!token) return state;
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(TRACK_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: TRACK_SESSION_MINUTES * 60 });
  return state;
}

const end = guardedAction({ public: true }, z.object({}), endTrackingService);

export async function endTrackingAction(previous: FormState, form: FormData): Promise<FormState> {
  const state = await end(previous, form);
  if (state.ok) (await cookies()).delete(TRACK_COOKIE);
  return state;
}
