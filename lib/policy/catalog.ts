// Stable keys for the platform's catalogs. Policies reference these keys so that reports can
// compare associations; an association may add its own entries with a `custom.` key
// (see lib/policy/schema.ts).
// The labels here are the catalog's defaults; a policy keeps its own wording for each entry.

export const CHANNEL_KEYS = [
  "IN_PERSON_INTERVIEW",
  "PHONE",
  "SOCIAL_MEDIA",
  "LETTER",
  "HELP_REQUEST_SERVICE",
  "VOLUNTEERING",
  "WEBSITE",
  "BRANCH_REPRESENTATIVE",
] as const;

export const OFFICER_TOOL_KEYS = [
  "BASIC_BYLAWS",
  "SOCIAL_RESEARCH_REGULATION",
  "SOCIAL_RESEARCH_GUIDE",
  "SUPPORT_POLICY_GUIDE",
  "SUPPORT_REQUEST_FORM",
  "CHARITY_WORK_POLICIES",
  "OFFICIAL_REGULATIONS",
] as const;

export type ChannelKey = (typeof CHANNEL_KEYS)[number];
export type OfficerToolKey = (typeof OFFICER_TOOL_KEYS)[number];
export type CatalogKind = "CHANNEL" | "OFFICER_TOOL";

type Label = { ar: string; en: string };

export const CHANNEL_LABELS: Record<ChannelKey, Label> = {
  IN_PERSON_INTERVIEW: { ar: "المقابلة", en: "In-person interview" },
  PHONE: { ar: "الاتصالات الهاتفية", en: "Phone calls" },
  SOCIAL_MEDIA: { ar: "وسائل التواصل الاجتماعي", en: "Social media" },
  LETTER: { ar: "الخطابات", en: "Letters" },
  HELP_REQUEST_SERVICE: { ar: "خدمات طلب المساعدة", en: "Help-request services" },
  VOLUNTEERING: { ar: "خدمة التطوع", en: "Volunteering service" },
  WEBSITE: { ar: "الموقع الإلكتروني للجمعية", en: "The association's website" },
  BRANCH_REPRESENTATIVE: { ar: "مناديب المكاتب الفرعية", en: "Branch-office representatives" },
};

export const OFFICER_TOOL_LABELS: Record<OfficerToolKey, Label> = {
  BASIC_BYLAWS: { ar: "اللائحة الأساسية للجمعية", en: "The association's basic bylaws" },
  SOCIAL_RESEARCH_REGULATION: { ar: "لائحة البحث الاجتماعي", en: "Social research regulation" },
  SOCIAL_RESEARCH_GUIDE: { ar: "دليل خدمات البحث الاجتماعي", en: "Social research services guide" },
  SUPPORT_POLICY_GUIDE: { ar: "دليل سياسة الدعم للمستفيدين", en: "Beneficiary support policy guide" },
  SUPPORT_REQUEST_FORM: { ar: "طلب دعم مستفيد", en: "Beneficiary support request form" },
  CHARITY_WORK_POLICIES: { ar: "سياسات العمل الخيري", en: "Charity work policies" },
  OFFICIAL_REGULATIONS: {
    ar: "التعليمات والأنظمة من الجهات الرسمية",
    en: "Instructions and regulations from official bodies",
  },
};

/** Every catalog entry, in display order: the rows the seed writes to CatalogEntry. */
export const CATALOG: { kind: CatalogKind; key: string; label: Label; sortOrder: number }[] = [
  ...CHANNEL_KEYS.map((key, i) => ({ kind: "CHANNEL" as const, key, label: CHANNEL_LABELS[key], sortOrder: i })),
  ...OFFICER_TOOL_KEYS.map((key, i) => ({
    kind: "OFFICER_TOOL" as const,
    key,
    label: OFFICER_TOOL_LABELS[key],
    sortOrder: i,
  })),
];
