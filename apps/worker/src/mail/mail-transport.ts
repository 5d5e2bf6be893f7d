import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { GrifConfig, ShutdownSequence } from '@grif/core';
import type { MailTransport } from './notification-mailer';

/**
 * nodemailer's SMTP transport for GRIF_SMTP_URL, or null (no e-mail). The timeouts are a job's, not
 * nodemailer's defaults (minutes): a server that does not answer fails the attempt, which is retried.
 */
export function mailTransport(config: GrifConfig, shutdown: ShutdownSequence): MailTransport | null {
  if (!config.mail) return null;
  const transport = createTransport({
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
