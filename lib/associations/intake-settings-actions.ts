"use server";

import { guardedAction } from "../auth/guard";
import { changesPublicPages } from "../tenancy/public-cache";
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

// The intake settings' server actions: all for members with intake.configure (ADMIN). Each
// changes what the public intake form or home page shows.

const scope = { permission: "intake.configure" } as const;

export const addSupportTypeAction = guardedAction(scope, addSupportTypeSchema, changesPublicPages(addSupportType));
export const renameSupportTypeAction = guardedAction(scope, renameSupportTypeSchema, changesPublicPages(renameSupportType));
export const moveSupportTypeAction = guardedAction(scope, moveSupportTypeSchema, changesPublicPages(moveSupportType));
export const setSupportTypeActiveAction = guardedAction(scope, supportTypeActiveSchema, changesPublicPages(setSupportTypeActive));
export const setHealthRelatedAction = guardedAction(scope, healthRelatedSchema, changesPublicPages(setHealthRelated));
export const setPublicFiguresAction = guardedAction(scope, publicFiguresSchema, changesPublicPages(setPublicFigures));
export const savePrivacyNoticeAction = guardedAction(scope, privacyNoticeSchema, changesPublicPages(savePrivacyNotice));
export const addHolidayAction = guardedAction(scope, addHolidaySchema, changesPublicPages(addHoliday));
export const removeHolidayAction = guardedAction(scope, removeHolidaySchema, changesPublicPages(removeHoliday));
export const addSaudiHolidaysAction = guardedAction(scope, saudiHolidaysSchema, changesPublicPages(addSaudiHolidays));
