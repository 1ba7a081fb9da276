import nodemailer from "nodemailer";
import { getEnv } from "~/utils/env.server";
import type { Transport } from "./outbox.server";

/** The SMTP transport from SMTP_URL, or null when email is off. One connection per message: a failure touches one message only. */
export function smtpTransport(): Transport | null {
  const mail = getEnv().mail;
  return mail ? (nodemailer.createTransport(mail.smtpUrl) as unknown as Transport) : null;
}
