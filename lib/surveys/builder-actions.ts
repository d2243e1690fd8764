"use server";

import { guardedAction, guardedCall } from "../auth/guard";
import {
  createSurveyDraft,
  createSurveySchema,
  publishSurvey,
  publishSurveySchema,
  saveSurveyDraft,
  saveSurveyDraftSchema,
  setSurveySetting,
  surveySettingSchema,
} from "./builder";

const scope = { permission: "surveys.manage" } as const;

export const saveSurveyDraftAction = guardedCall(scope, saveSurveyDraftSchema, saveSurveyDraft);
export const publishSurveyAction = guardedCall(scope, publishSurveySchema, publishSurvey);
export const setSurveySettingAction = guardedAction(scope, surveySettingSchema, setSurveySetting);
export const createSurveyAction = guardedAction(scope, createSurveySchema, createSurveyDraft);
