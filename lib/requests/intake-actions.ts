"use server";

import { guardedAction } from "../auth/guard";
import { enterStaffRequest, submitPublicRequest } from "./intake";
import { intakeSchema } from "./intake-schema";

export const submitRequestAction = guardedAction({ public: true }, intakeSchema, submitPublicRequest);
export const enterRequestAction = guardedAction({ permission: "requests.handle" }, intakeSchema, enterStaffRequest);
