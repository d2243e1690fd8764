"use server";

import { z } from "zod";
import { guardedAction, guardedCall } from "../auth/guard";
import { changesPublicPages } from "../tenancy/public-cache";
import {
  attest,
  castVote,
  decisionSchema,
  publishVersion,
  quorumSchema,
  recordDecision,
  saveDraft,
  saveDraftSchema,
  setQuorum,
  startDraft,
  submitDraft,
  versionIdSchema,
  voteSchema,
  withdrawSubmission,
} from "./workflow";

export const startDraftAction = guardedAction({ permission: "policy.edit" }, z.object({}), (ctx) => startDraft(ctx));
export const saveDraftAction = guardedCall({ permission: "policy.edit" }, saveDraftSchema, saveDraft);
export const submitDraftAction = guardedAction({ permission: "policy.submit" }, versionIdSchema, submitDraft);
export const withdrawAction = guardedAction({ permission: "policy.submit" }, versionIdSchema, withdrawSubmission);
export const publishAction = guardedAction({ permission: "policy.submit" }, versionIdSchema, changesPublicPages(publishVersion));
export const setQuorumAction = guardedAction({ permission: "policy.edit" }, quorumSchema, setQuorum);
export const voteAction = guardedAction({ permission: "policy.vote" }, voteSchema, castVote);
export const recordDecisionAction = guardedAction({ permission: "policy.vote" }, decisionSchema, recordDecision);
export const attestAction = guardedAction({ permission: "console.view" }, versionIdSchema, attest);
