import { createTranslator } from "next-intl";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import type { Locale } from "../i18n/routing";

// E-mail and SMS texts live with the other messages (namespace "email"), in both languages.

export const TEMPLATES = ["invitation", "passwordReset", "policySubmitted", "policyPublished"] as const;
export type Template = (typeof TEMPLATES)[number];

export type Rendered = { subject: string; body: string };

export function renderTemplate(template: Template, locale: Locale, values: Record<string, string>): Rendered {
  const t = createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "email" });
  return {
    subject: t(`${template}.subject`, values),
    body: t(`${template}.body`, values),
  };
}
