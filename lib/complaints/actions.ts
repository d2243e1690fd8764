"use server";

import { guardedAction } from "../auth/guard";
import { complaintSchema, replySchema, statusSchema } from "./schema";
import { replyToComplaint, setComplaintStatus, submitComplaint } from "./service";

export const submitComplaintAction = guardedAction({ public: true }, complaintSchema, submitComplaint);
export const replyComplaintAction = guardedAction({ permission: "complaints.manage" }, replySchema, replyToComplaint);
export const complaintStatusAction = guardedAction({ permission: "complaints.manage" }, statusSchema, setComplaintStatus);
