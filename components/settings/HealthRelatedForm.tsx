"use client";

import { setHealthRelatedAction } from "@/lib/associations/intake-settings-actions";
import { SwitchForm } from "./SwitchForm";

/** Whether the service touches health, so that intake asks a separate consent (PDPL). */
export function HealthRelatedForm({ current }: { current: boolean }) {
  return <SwitchForm action={setHealthRelatedAction} name="healthRelated" current={current} namespace="settings.health" />;
}
