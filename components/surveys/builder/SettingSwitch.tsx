import { getTranslations } from "next-intl/server";
import type { SurveySetting } from "@/lib/surveys/builder";
import { SettingButton } from "./SettingButton";

type Props = { surveyId: string; surveyTitle: string; setting: SurveySetting; value: boolean; warning?: string };

/** One survey switch: its state, what it does, a warning when it needs attention, and a button
 * that flips it (an audited action). */
export async function SettingSwitch({ surveyId, surveyTitle, setting, value, warning }: Props) {
  const t = await getTranslations("surveys.builder.manage");
  const name = t(`setting.${setting}`);
  const action = value ? t("turnOff") : t("turnOn");
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-t border-stone-100 py-3 first:border-t-0">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          {name}
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${value ? "bg-emerald-100 text-emerald-900" : "bg-stone-200 text-stone-700"}`}>{value ? t("on") : t("off")}</span>
        </p>
        <p className="text-sm text-stone-600">{t(`settingHint.${setting}`)}</p>
        {warning && <p role="note" className="mt-1 rounded bg-amber-100 px-2 py-1 text-sm text-amber-900">{warning}</p>}
      </div>
      <SettingButton fields={{ surveyId, setting, value: String(!value) }} label={t("toggleLabel", { action, setting: name, survey: surveyTitle })}>
        {/* The button says what it switches, not only "Turn off". */}
        {action}
        <span className="sr-only"> — {name}</span>
      </SettingButton>
    </div>
  );
}
