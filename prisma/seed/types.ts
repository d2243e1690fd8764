import type { LocalizedText, PolicyContent } from "../../lib/policy/schema";

/** One demo association as the seed writes it: its profile, its published policy, its board decision. */
export type SeedAssociation = {
  slug: string;
  name: LocalizedText & { en: string };
  city: LocalizedText;
  registrationNumber: string | null;
  supervisingBody: LocalizedText | null;
  contacts: {
    /** E.164, e.g. +966556880045 */
    phone: string | null;
    email: string | null;
    website: string | null;
    /** Handle without the @ */
    x: string | null;
    instagram: string | null;
  };
  /** The service touches health, so intake asks a separate consent (PDPL). */
  healthRelated: boolean;
  /** The kinds of support the intake form offers (the association edits them in its settings). */
  supportTypes: { key: string; ar: string; en: string }[];
  /** Brand colour used on the association's pages, #rrggbb. */
  primaryColor: string;
  policy: PolicyContent;
  /** null where the source document records no session, date or chair: never invent them. */
  boardDecision: {
    sessionNumber: number;
    /** Gregorian ISO date of the meeting (the Hijri date converted with Umm al-Qura). */
    meetingDate: string;
    chairName: LocalizedText;
  } | null;
};
