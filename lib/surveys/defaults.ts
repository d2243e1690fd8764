import type { SurveyContent } from "./schema";

// The beneficiary-satisfaction survey every association starts with. Its questions come from
// the goals both seed policies set (shared/seeds): easy procedures, a quick answer, respectful
// treatment, clear information, and overall satisfaction measured (CSAT) and recommended (NPS).

export const DEFAULT_SURVEY: SurveyContent = {
  title: { ar: "استبيان رضا المستفيدين", en: "Beneficiary satisfaction survey" },
  intro: {
    ar: "يسعدنا رأيك في الخدمة التي تلقيتها، فهو يساعدنا على تحسينها. يستغرق الاستبيان دقيقتين.",
    en: "We would like your opinion of the service you received: it helps us improve it. The survey takes two minutes.",
  },
  questions: [
    {
      key: "q-ease",
      type: "RATING",
      style: "STARS",
      overall: false,
      required: true,
      label: { ar: "ما مدى سهولة إجراءات تقديم الطلب؟", en: "How easy were the procedures for submitting your request?" },
    },
    {
      key: "q-speed",
      type: "RATING",
      style: "STARS",
      overall: false,
      required: true,
      label: { ar: "ما مدى رضاك عن سرعة الرد على طلبك؟", en: "How satisfied are you with how quickly your request was answered?" },
    },
    {
      key: "q-respect",
      type: "RATING",
      style: "STARS",
      overall: false,
      required: true,
      label: { ar: "ما مدى رضاك عن حسن التعامل واحترام موظفي الجمعية لك؟", en: "How satisfied are you with the courtesy and respect of the association's staff?" },
    },
    {
      key: "q-clarity",
      type: "RATING",
      style: "STARS",
      overall: false,
      required: true,
      label: { ar: "ما مدى وضوح المعلومات التي قُدّمت لك عن الخدمة وحالة طلبك؟", en: "How clear was the information you were given about the service and your request?" },
    },
    {
      key: "q-overall",
      type: "RATING",
      style: "FACES",
      overall: true,
      required: true,
      label: { ar: "بوجه عام، ما مدى رضاك عن الخدمة؟", en: "Overall, how satisfied are you with the service?" },
    },
    {
      key: "q-recommend",
      type: "NPS",
      required: true,
      label: { ar: "ما مدى احتمال أن توصي بالجمعية لأقاربك أو معارفك؟", en: "How likely are you to recommend the association to family or friends?" },
    },
    {
      key: "q-heard",
      type: "SINGLE",
      required: false,
      label: { ar: "كيف عرفت عن خدمات الجمعية؟", en: "How did you hear about the association's services?" },
      options: [
        { key: "social", label: { ar: "وسائل التواصل الاجتماعي", en: "Social media" } },
        { key: "relative", label: { ar: "قريب أو صديق", en: "A relative or friend" } },
        { key: "website", label: { ar: "موقع الجمعية", en: "The association's website" } },
        { key: "other", label: { ar: "غير ذلك", en: "Other" } },
      ],
    },
    {
      key: "q-comments",
      type: "TEXT",
      required: false,
      label: { ar: "هل لديك ملاحظات أو اقتراحات لتحسين الخدمة؟", en: "Any comments or suggestions to improve the service?" },
    },
  ],
};
