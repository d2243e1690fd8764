"use server";

import { guardedAction } from "../auth/guard";
import {
  addHoliday,
  addHolidaySchema,
  addSaudiHolidays,
  addSupportType,
  addSupportTypeSchema,
  healthRelatedSchema,
  moveSupportType,
  moveSupportTypeSchema,
  privacyNoticeSchema,
  publicFiguresSchema,
  removeHoliday,
  removeHolidaySchema,
  renameSupportType,
  renameSupportTypeSchema,
  saudiHolidaysSchema,
  savePrivacyNotice,
  setHealthRelated,
  setPublicFigures,
  setSupportTypeActive,
  supportTypeActiveSchema,
} from "./intake-settings";

// The intake settings' server actions: all for members with intake.configure (ADMIN).

const scope = { permission: "intake.configure" } as const;

export const addSupportTypeAction = guardedAction(scope, addSupportTypeSchema, addSupportType);
export const renameSupportTypeAction = guardedAction(scope, renameSupportTypeSchema, renameSupportType);
export const moveSupportTypeAction = guardedAction(scope, moveSupportTypeSchema, moveSupportType);
export const setSupportTypeActiveAction = guardedAction(scope, supportTypeActiveSchema, setSupportTypeActive);
export const setHealthRelatedAction = guardedAction(scope, healthRelatedSchema, setHealthRelated);
export const setPublicFiguresAction = guardedAction(scope, publicFiguresSchema, setPublicFigures);
export const savePrivacyNoticeAction = guardedAction(scope, privacyNoticeSchema, savePrivacyNotice);
export const addHolidayAction = guardedAction(scope, addHolidaySchema, addHoliday);
export const removeHolidayAction = guardedAction(scope, removeHolidaySchema, removeHoliday);
export const addSaudiHolidaysAction = guardedAction(scope, saudiHolidaysSchema, addSaudiHolidays);
