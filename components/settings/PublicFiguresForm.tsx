"use client";

import { setPublicFiguresAction } from "@/lib/associations/intake-settings-actions";
import { SwitchForm } from "./SwitchForm";

/** The switch for "the policy in practice" figures on the association's public home page. */
export function PublicFiguresForm({ current }: { current: boolean }) {
  return <SwitchForm action={setPublicFiguresAction} name="publicFigures" current={current} namespace="figures.settings" />;
}
