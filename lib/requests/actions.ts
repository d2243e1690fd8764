"use server";

import { guardedAction } from "../auth/guard";
import {
  addResearchNote,
  assign,
  assignSchema,
  committeeVote,
  completeRegistration,
  deliverService,
  referSchema,
  referToResearch,
  requestIdSchema,
  researchNoteSchema,
  sendToCommittee,
  toggleStep,
  toggleStepSchema,
  voteSchema,
} from "./handling";

// The staff console's request actions. sendToCommittee is open to officers and researchers:
// the guard checks requests.view and the service checks handle-or-research.

export const assignAction = guardedAction({ permission: "requests.handle" }, assignSchema, assign);
export const toggleStepAction = guardedAction({ permission: "requests.handle" }, toggleStepSchema, toggleStep);
export const referToResearchAction = guardedAction({ permission: "requests.handle" }, referSchema, referToResearch);
export const researchNoteAction = guardedAction({ permission: "requests.research" }, researchNoteSchema, addResearchNote);
export const sendToCommitteeAction = guardedAction({ permission: "requests.view" }, requestIdSchema, sendToCommittee);
export const committeeVoteAction = guardedAction({ permission: "requests.decide" }, voteSchema, committeeVote);
export const completeRegistrationAction = guardedAction({ permission: "requests.handle" }, requestIdSchema, completeRegistration);
export const deliverServiceAction = guardedAction({ permission: "requests.handle" }, requestIdSchema, deliverService);
