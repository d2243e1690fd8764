import type { DbClient } from "../db/types";
import type { Locale } from "../i18n/routing";
import { renderSms, renderTemplate, type SmsTemplate, type Template } from "./templates";

// Every e-mail and SMS is first a row here, written in the same transaction as the change that
// caused it; lib/notify/deliver.ts sends it later. Nothing is sent from inside a request.

export type EmailRequest = {
  associationId: string | null;
  to: string;
  template: Template;
  locale: Locale;
  values: Record<string, string>;
};

export async function enqueueEmail(db: DbClient, request: EmailRequest) {
  const { subject, body } = renderTemplate(request.template, request.locale, request.values);
  return db.outboxMessage.create({
    data: {
      associationId: request.associationId,
      channel: "EMAIL",
      recipient: request.to,
      template: request.template,
      subject,
      body,
    },
    select: { id: true },
  });
}

export type SmsRequest = {
  associationId: string | null;
  to: string;
  template: SmsTemplate;
  locale: Locale;
  values: Record<string, string>;
};

export async function enqueueSms(db: DbClient, request: SmsRequest) {
  const body = renderSms(request.template, request.locale, request.values);
  return db.outboxMessage.create({
    data: { associationId: request.associationId, channel: "SMS", recipient: request.to, template: request.template, body },
    select: { id: true },
  });
}

/** Templates whose text is a secret for the recipient alone (a password reset link would hand
 * over the account, which may serve other associations too): an association's admins see that
 * such a message exists, never its text. Operators see everything. */
export const PRIVATE_TEMPLATES: readonly string[] = ["passwordReset", "trackingCode", "surveyInvitation"];

/** Messages for the outbox page: one association's (private texts withheld), or every one for operators. */
export async function listOutbox(db: DbClient, scope: { associationId: string } | { all: true }, take = 100) {
  const messages = await db.outboxMessage.findMany({
    where: "associationId" in scope ? { associationId: scope.associationId } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      associationId: true,
      channel: true,
      recipient: true,
      template: true,
      subject: true,
      body: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      association: { select: { slug: true } },
    },
  });
  if ("all" in scope) return messages;
  return messages.map((m) => (PRIVATE_TEMPLATES.includes(m.template) ? { ...m, body: null } : m));
}
