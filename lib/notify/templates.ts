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
] as const;
export type Template = (typeof TEMPLATES)[number];

/** SMS texts (namespace "sms"): short, one message each. */
export const SMS_TEMPLATES = ["requestReceived", "requestDecided", "trackingCode", "complaintReceived", "complaintReply"] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

export type Rendered = { subject: string; body: string };

export function renderTemplate(template: Template, locale: Locale, values: Record<string, string>): Rendered {
  const t = createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "email" });
  return {
    subject: t(`${template}.subject`, values),
    body: t(`${template}.body`, values),
  };
}

export function renderSms(template: SmsTemplate, locale: Locale, values: Record<string, string>): string {
  return createTranslator({ locale, messages: locale === "ar" ? ar : en, namespace: "sms" })(template, values);
}
