import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/forms/ButtonForm";
import type { SurveySetting } from "@/lib/surveys/builder";
import { setSurveySettingAction } from "@/lib/surveys/builder-actions";

/** One survey switch: its state, what it does, and a button that flips it (an audited action). */
export async function SettingSwitch({ surveyId, surveyTitle, setting, value }: { surveyId: string; surveyTitle: string; setting: SurveySetting; value: boolean }) {
  const t = await getTranslations("surveys.builder.manage");
  const action = value ? t("turnOff") : t("turnOn");
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-t border-stone-100 py-3 first:border-t-0">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          {t(`setting.${setting}`)}
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${value ? "bg-emerald-100 text-emerald-900" : "bg-stone-200 text-stone-700"}`}>{value ? t("on") : t("off")}</span>
        </p>
        <p className="text-sm text-stone-600">{t(`settingHint.${setting}`)}</p>
      </div>
      <ButtonForm
        action={setSurveySettingAction}
        fields={{ surveyId, setting, value: String(!value) }}
        label={t("toggleLabel", { action, setting: t(`setting.${setting}`), survey: surveyTitle })}
        variant="secondary"
      >
        {action}
      </ButtonForm>
    </div>
  );
}
