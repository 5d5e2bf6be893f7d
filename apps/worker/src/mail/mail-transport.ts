import { Logger } from '@nestjs/common';
import type * as Nodemailer from 'nodemailer';
import type { GrifConfig, ShutdownSequence } from '@grif/core';
import type { MailTransport } from './notification-mailer';

/** Loaded on first use: every test file and process start would otherwise pay for it, though only e-mail uses it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with the module
const loadNodemailer = (): typeof Nodemailer => require('nodemailer');

/**
 * nodemailer's SMTP transport for GRIF_SMTP_URL, or null (no e-mail). The timeouts are a job's, not
 * nodemailer's defaults (minutes): a server that does not answer fails the attempt, which is retried.
 */
export function mailTransport(config: GrifConfig, shutdown: ShutdownSequence): MailTransport | null {
  if (!config.mail) return null;
  const transport = loadNodemailer().createTransport({
    url: config.mail.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  shutdown.register('jobs', 'smtp transport', async () => transport.close());
  // The URL may carry a password: log where, never who.
  new Logger('mail').log(`notifications are e-mailed via ${config.mail.smtpUrl.replace(/\/\/[^@/]*@/, '//')}`);
  return transport;
}
