import nodemailer from "nodemailer";
import { rootDomain } from "../tenancy/urls";

export type OutgoingEmail = { to: string; subject: string; text: string };
export type OutgoingSms = { to: string; text: string };

export type Transports = {
  /** Absent when no mail server is configured: e-mails then wait in the outbox for an operator. */
  email?: (message: OutgoingEmail) => Promise<void>;
  sms?: (message: OutgoingSms) => Promise<void>;
};

/** SMTP through nodemailer when SMTP_URL is set (smtp://user:pass@host:port or smtps://…). */
export function emailTransportFromEnv(env: NodeJS.ProcessEnv = process.env): Transports["email"] {
  if (!env.SMTP_URL) return undefined;
  const transporter = nodemailer.createTransport(env.SMTP_URL);
  const from = env.MAIL_FROM ?? `no-reply@${rootDomain(env)}`;
  return async ({ to, subject, text }) => {
    await transporter.sendMail({ from, to, subject, text });
  };
}

/** No SMS gateway is wired yet: this one logs that a message went out, never its text or number. */
export const loggingSmsTransport: NonNullable<Transports["sms"]> = async ({ to }) => {
  console.info(`[sms] delivered to …${to.slice(-2)} (logging transport)`);
};

export const transportsFromEnv = (env: NodeJS.ProcessEnv = process.env): Transports => ({
  email: emailTransportFromEnv(env),
  sms: loggingSmsTransport,
});
