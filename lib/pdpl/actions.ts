"use server";

import { guardedAction } from "../auth/guard";
import { closeRequestSchema, eraseSchema, logRequestSchema, retentionSchema } from "./schema";
import { closeDataRequest, eraseSubject, logDataRequest, setRetention } from "./service";

// The privacy page's server actions: admins only (privacy.manage), scoped to the host's association.

const SCOPE = { permission: "privacy.manage" } as const;

export const logDataRequestAction = guardedAction(SCOPE, logRequestSchema, logDataRequest);
export const closeDataRequestAction = guardedAction(SCOPE, closeRequestSchema, closeDataRequest);
export const eraseSubjectAction = guardedAction(SCOPE, eraseSchema, eraseSubject);
export const setRetentionAction = guardedAction(SCOPE, retentionSchema, setRetention);
