import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { SendMailOptions } from 'nodemailer';
import { GRIF_CONFIG, GrifConfig } from '@grif/core';
import { CLOCK, Clock } from '@grif/engine';
import { MailScope, MailToSend, NotificationMailbox } from '@grif/persistence';
import { mailText } from './mail-texts';

/** What sends a message: nodemailer's SMTP transport in production. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}
/** Injection token of the transport; null when no SMTP server is configured. */
export const MAIL_TRANSPORT = Symbol.for('grif.MailTransport');

export interface MailHooks {
  /** Fault injection for the tests: called after the SMTP server took a message, before `emailed_at` is recorded. */
  afterSend?: (notificationId: string) => Promise<void>;
}
export const MAIL_HOOKS = Symbol.for('grif.MailHooks');

/** How long a sender holds a notification it is sending; past it, another sender may take it again. */
export const MAIL_LEASE_MS = 2 * 60_000;
/** A notification older than this is not e-mailed any more (the inbox still has it). */
export const MAIL_HORIZON_MS = 24 * 3600_000;

/** An SMTP refusal of this message or recipient for good: trying again would be refused again. */
function refusedForGood(err: unknown): boolean {
  const e = err as { permanent?: boolean; code?: string };
  return e.permanent === true && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

/**
 * E-mails notifications, each once: claim, send with the notification's id as the Message-ID, record
 * `emailed_at`. A retry finds it recorded (or claimed) and sends nothing; a sender that dies between
 * the send and the record leaves a claim that runs out, and the next attempt sends the same message
 * (same Message-ID) again — a duplicate the recipient's mail system can recognise, never a different mail.
 */
@Injectable()
export class NotificationMailer {
  private readonly log = new Logger('mail');

  constructor(
    @Inject(GRIF_CONFIG) private readonly config: GrifConfig,
    private readonly mailbox: NotificationMailbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    @Optional() @Inject(MAIL_HOOKS) private readonly hooks: MailHooks = {},
  ) {}

  get enabled(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends what is due in `scope`; answers how many went. A transient failure (the server is away)
   * releases the notification and throws, so the job is retried; a refusal for good is recorded and
   * skipped.
   */
  async send(scope: MailScope): Promise<number> {
    if (!this.transport) return 0;
    const now = this.clock.now();
    const since = new Date(now.getTime() - MAIL_HORIZON_MS).toISOString();
    const claimedBefore = new Date(now.getTime() - MAIL_LEASE_MS).toISOString();
    let sent = 0;
    for (const mail of await this.mailbox.due(scope, since, claimedBefore)) {
      if (!(await this.mailbox.claim(mail.id, this.clock.now().toISOString(), claimedBefore))) continue;
      const message = await this.compose(mail);
      try {
        await this.transport.sendMail(message);
      } catch (err) {
        const permanent = refusedForGood(err);
        await this.mailbox.failed(mail.id, this.clock.now().toISOString(), (err as Error).message, permanent);
        if (permanent) {
          this.log.warn(`notification ${mail.id}: ${mail.email} refused for good: ${(err as Error).message}`);
          continue;
        }
        throw err;
      }
      await this.hooks.afterSend?.(mail.id);
      await this.mailbox.sent(mail.id, this.clock.now().toISOString());
      sent++;
    }
    return sent;
  }

  /** Everything still due, whatever made it (the reconciler's pass): a lost job loses no e-mail. */
  async sweep(): Promise<number> {
    try {
      return await this.send('all');
    } catch (err) {
      this.log.warn(`e-mail not sent now, tried again later: ${(err as Error).message}`);
      return 0;
    }
  }

  private async compose(mail: MailToSend): Promise<SendMailOptions> {
    const mailConfig = this.config.mail!;
    const facts = await this.mailbox.facts(mail, this.clock.now());
    const url = facts.link && mailConfig.publicUrl ? `${mailConfig.publicUrl}/#${facts.link}` : null;
    const { subject, text } = mailText(
      { template: mail.template, data: mail.data, url, settled: facts.settled },
      mail.locale,
    );
    return {
      from: mailConfig.from,
      to: mail.email,
      subject,
      text,
      // The same notification is always the same message, however many times it is handed over.
      messageId: `<${mail.id}@${messageIdDomain(mailConfig.from)}>`,
      date: new Date(mail.createdAt),
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
  }
}

/** The domain of the From address, for Message-IDs ("Grif <grif@school35.kg>" → school35.kg). */
export function messageIdDomain(from: string): string {
  const m = /@([^@\s<>]+)>?\s*$/.exec(from);
  return m ? m[1] : 'grif.localhost';
}
