import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { LoginOutcome } from '../entities/login-event.entity';
import { RawSql } from '../raw-sql';
import type { WriteTransactions } from '../write-transactions';

export interface LoginAttemptRecord {
  schoolId: string | null;
  userId: string | null;
  username: string;
  outcome: LoginOutcome;
  client: string;
  at: string;
}

export interface LoginLogFilter {
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
  outcome?: LoginOutcome;
  /** The name as typed, compared without case. */
  username?: string;
  limit: number;
}

export interface LoginLogRow {
  at: string;
  username: string;
  displayName: string | null;
  outcome: LoginOutcome;
  client: string;
}

/** The sign-in log: written at each attempt, read by the information-security officer and the auditor. */
export class LoginEvents {
  constructor(private readonly tx: WriteTransactions) {}

  async record(e: LoginAttemptRecord): Promise<void> {
    await this.tx.run((em) =>
      new RawSql(em).run(
        'insert into login_events (id, school_id, user_id, username, outcome, client, at) values (?, ?, ?, ?, ?, ?, ?)',
        [randomUUID(), e.schoolId, e.userId, e.username.slice(0, 100), e.outcome, e.client.slice(0, 160), e.at],
      ),
    );
  }

  /** One school's attempts, newest first, with the person's name when the account exists. */
  async ofSchool(schoolId: string, f: LoginLogFilter): Promise<LoginLogRow[]> {
    const where = ['e.school_id = ?'];
    const params: unknown[] = [schoolId];
    const and = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (f.from) and('e.at >= ?', f.from);
    if (f.to) and('e.at <= ?', f.to);
    if (f.outcome) and('e.outcome = ?', f.outcome);
    if (f.username) and('lower(e.username) = ?', f.username.trim().toLowerCase());
    params.push(f.limit);
    const rows = await new RawSql(this.tx.reader() as EntityManager).rows<{
      at: string;
      username: string;
      display_name: string | null;
      outcome: LoginOutcome;
      client: string;
    }>(
      `select e.at, e.username, u.display_name, e.outcome, e.client
         from login_events e left join users u on u.id = e.user_id
        where ${where.join(' and ')}
        order by e.at desc, e.id desc
        limit ?`,
      params,
    );
    return rows.map((r) => ({
      at: r.at,
      username: r.username,
      displayName: r.display_name ?? null,
      outcome: r.outcome,
      client: r.client,
    }));
  }
}
