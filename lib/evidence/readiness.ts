// The readiness checklist an assessor walks through: each item present or missing, with the
// figures its one-line explanation quotes (messages evidence.readiness.<key>.present|missing).

export type ReadinessFacts = {
  /** The version in force has a board decision approving it. */
  approved: boolean;
  /** A version was in force during the year. */
  published: boolean;
  /** Texts of the version in force without an English translation (null: no version). */
  untranslated: number | null;
  /** The public site shows a published policy now (the association is active). */
  publicUrl: string | null;
  channels: number;
  deadlineDefined: boolean;
  requests: number;
  decided: number;
  activeSurveys: number;
  responses: number;
  attestation: { attested: number; required: number };
  privacyNoticeVersion: number | null;
};

export const MIN_RESPONSES = 5;

export const READINESS_KEYS = [
  "approved",
  "published",
  "english",
  "publicUrl",
  "channels",
  "deadline",
  "requests",
  "adherence",
  "survey",
  "responses",
  "complaints",
  "attestation",
  "privacy",
] as const;
export type ReadinessKey = (typeof READINESS_KEYS)[number];

export type ReadinessItem = { key: ReadinessKey; present: boolean; values: Record<string, string | number> };

export function readinessChecklist(f: ReadinessFacts): ReadinessItem[] {
  const { attested, required } = f.attestation;
  const items: Record<ReadinessKey, [boolean, Record<string, string | number>?]> = {
    approved: [f.approved],
    published: [f.published],
    english: [f.untranslated === 0, { count: f.untranslated ?? 0 }],
    publicUrl: [f.publicUrl !== null, { url: f.publicUrl ?? "" }],
    channels: [f.channels > 0, { count: f.channels }],
    deadline: [f.deadlineDefined],
    requests: [f.requests > 0, { count: f.requests }],
    adherence: [f.decided > 0, { count: f.decided }],
    survey: [f.activeSurveys > 0, { count: f.activeSurveys }],
    responses: [f.responses >= MIN_RESPONSES, { count: f.responses, min: MIN_RESPONSES }],
    // The product always offers the complaints form: listed because assessors ask for it.
    complaints: [true],
    // Nobody to attest is not coverage: there is no staff to show the policy is known to.
    attestation: [required > 0 && attested === required, { attested, required }],
    privacy: [f.privacyNoticeVersion !== null, { version: f.privacyNoticeVersion ?? 0 }],
  };
  return READINESS_KEYS.map((key) => ({ key, present: items[key][0], values: items[key][1] ?? {} }));
}

/** How many localized texts (objects with an Arabic text) have no English one. */
export function untranslatedTexts(content: unknown): number {
  if (Array.isArray(content)) return content.reduce((n: number, item) => n + untranslatedTexts(item), 0);
  if (!content || typeof content !== "object") return 0;
  const node = content as Record<string, unknown>;
  if (typeof node.ar === "string") return typeof node.en === "string" && node.en.trim() ? 0 : 1;
  return Object.values(node).reduce((n: number, value) => n + untranslatedTexts(value), 0);
}
