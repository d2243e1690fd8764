import { createTranslator } from "next-intl";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import type { Locale } from "../i18n/routing";

// E-mail and SMS texts live with the other messages (namespace "email"), in both languages.

export const TEMPLATES = [
  "invitation",
  "passwordReset",
  "policySubmitted",
  "policyPublished",
  "requestReceived",
  "requestDecided",
  "requestsDigest",
  "requestOverdue",
  "complaintReply",
  "surveyInvitation",
  "billingPaymentFailed",
  "billingOverLimit",
  "billingDowngraded",
] as const;
export type Template = (typeof TEMPLATES)[number];

/** SMS texts (namespace "sms"): short, one message each. */
export const SMS_TEMPLATES = ["requestReceived", "requestDecided", "trackingCode", "complaintReceived", "complaintReply", "surveyInvitation"] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

export type Rendered = { subject: string; body: string };

/** Values written left to right inside Arabic text. A reference such as 1448-00042 after Arabic
 * words would otherwise show as 00042-1448 (its digits become Arabic numbers, and the dash
 * between them takes the text's direction), so it is isolated as a left-to-right run. */
const LTR_VALUES = ["reference", "code"];

function isolated(locale: Locale, values: Record<string, string>): Record<string, string> {
  if (locale !== "ar") return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, LTR_VALUES.includes(key) ? `\u2066${value}\u2069` : value]));
}

export function renderTemplate(template: Template, locale: Locale, values: Record<string, string>): Rendered {
  const t = createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "email" });
  return {
    subject: t(`${template}.subject`, isolated(locale, values)),
    body: t(`${template}.body`, isolated(locale, values)),
  };
}

export function renderSms(template: SmsTemplate, locale: Locale, values: Record<string, string>): string {
  return createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "sms" })(template, isolated(locale, values));
}
