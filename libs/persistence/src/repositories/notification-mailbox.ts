import { DateTime } from 'luxon';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { Actor, Role } from '@grif/domain';
import { Appointment, Notification } from '../entities';
import { NotificationFacts, notificationFacts } from '../notification-facts';
import type { WriteTransactions } from '../write-transactions';

/** A notification whose e-mail is still to be sent, with what the e-mail needs of its recipient. */
export interface MailToSend {
  id: string;
  schoolId: string;
  userId: string;
  email: string;
  locale: string;
  template: string;
  data: Record<string, unknown>;
  instanceId: string | null;
  createdAt: string;
}

/** Which notifications a sender looks at: those of one effect, of one digest, or every one still due. */
export type MailScope = { outboxId: string } | { digestId: string } | 'all';

interface Row {
  id: string;
  school_id: string;
  user_id: string;
  email: string;
  locale: string;
  template: string;
  data: string;
  instance_id: string | null;
  created_at: string;
}

/**
 * The e-mail side of notifications. A notification is e-mailed once: a sender claims it (a lease, so
 * two senders do not both send it), sends it, then records `emailed_at`. Should it die between the
 * send and the record, the lease runs out and it is sent again under the same Message-ID (the
 * notification's id), so the recipient's mail system sees one message, not two.
 */
export class NotificationMailbox {
  constructor(private readonly tx: WriteTransactions) {}

  /**
   * Notifications not yet e-mailed, to people with an address, made since `since` (an old one is not
   * worth an e-mail when SMTP is configured later), not claimed by a sender since `claimedBefore`.
   */
  async due(scope: MailScope, since: string, claimedBefore: string, limit = 200): Promise<MailToSend[]> {
    const where = [
      'n.emailed_at is null',
      'n.email_failed_at is null',
      '(n.email_claimed_at is null or n.email_claimed_at < ?)',
      'n.created_at >= ?',
      'u.email is not null',
      'not u.disabled',
    ];
    const params: unknown[] = [claimedBefore, since];
    if (scope !== 'all' && 'outboxId' in scope) {
      where.push('n.outbox_id = ?');
      params.push(scope.outboxId);
    } else if (scope !== 'all') {
      where.push('n.digest_id = ?');
      params.push(scope.digestId);
    }
    const rows = await (this.tx.reader() as SqlEntityManager).execute<Row[]>(
      `select n.id, n.school_id, n.user_id, u.email, u.locale, n.template, n.data, n.instance_id, n.created_at
         from notifications n join users u on u.id = n.user_id
        where ${where.join(' and ')}
        order by n.created_at, n.id limit ${Number(limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      schoolId: r.school_id,
      userId: r.user_id,
      email: r.email,
      locale: r.locale,
      template: r.template,
      data: JSON.parse(r.data) as Record<string, unknown>,
      instanceId: r.instance_id,
      createdAt: r.created_at,
    }));
  }

  /** Takes the notification for this sender; false when it was sent, refused, or another sender holds it. */
  async claim(id: string, at: string, claimedBefore: string): Promise<boolean> {
    const n = await this.tx.run((em) =>
      em.nativeUpdate(
        Notification,
        {
          id,
          emailedAt: null,
          emailFailedAt: null,
          $or: [{ emailClaimedAt: null }, { emailClaimedAt: { $lt: claimedBefore } }],
        },
        { emailClaimedAt: at },
      ),
    );
    return n === 1;
  }

  async sent(id: string, at: string): Promise<void> {
    await this.tx.run((em) => em.nativeUpdate(Notification, { id }, { emailedAt: at, emailError: null }));
  }

  /** A refusal for good (the address does not exist) is not tried again; anything else is, at once. */
  async failed(id: string, at: string, error: string, permanent: boolean): Promise<void> {
    await this.tx.run((em) =>
      em.nativeUpdate(
        Notification,
        { id },
        {
          emailError: error.slice(0, 500),
          emailClaimedAt: null,
          ...(permanent ? { emailFailedAt: at } : {}),
        },
      ),
    );
  }

  /** The recipient as the inbox would see them now (their roles of the day), so the e-mail links where the inbox does. */
  async facts(mail: MailToSend, at: Date): Promise<NotificationFacts> {
    const em = this.tx.reader();
    const today = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' }).toISODate()!;
    const appointments = await em.find(Appointment, {
      userId: mail.userId,
      schoolId: mail.schoolId,
      validFrom: { $lte: today },
      $or: [{ validUntil: null }, { validUntil: { $gte: today } }],
    });
    const reader: Actor = {
      userId: mail.userId,
      schoolId: mail.schoolId,
      roles: appointments.map((a) => a.role as Role),
      kind: 'user',
    };
    return (await notificationFacts(em, reader, [mail])).get(mail.id) ?? { settled: false, link: null };
  }
}
