"use server";

import { guardedAction } from "../auth/guard";
import { responseSchema, submitSurveyResponse } from "./responses";

/** A respondent's answers, from an invitation link or the public link (no sign-in). */
export const submitSurveyAction = guardedAction({ public: true }, responseSchema, submitSurveyResponse);
