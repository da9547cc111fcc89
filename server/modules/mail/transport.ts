import 'server-only';
import nodemailer from 'nodemailer';
import type { MailTransport } from './services/deliver-outbox';

export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}
