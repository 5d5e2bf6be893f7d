import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { Clearance, Session, User } from './entities';
import { schoolDay } from './act-facts';
import { insertClearance } from './repositories/clearances.repository';

/**
 * a breached Grif account is shut: every session ends (kept, marked revoked, for the investigation's
 * access trace), and the next sign-in must set a new password.
 */
export async function revokeAccess(em: EntityManager, schoolId: string, userId: string, at: string): Promise<void> {
  await em.nativeUpdate(Session, { userId, revokedAt: null }, { revokedAt: at });
  await em.nativeUpdate(User, { id: userId, schoolId }, { mustChangePassword: true });
}

/** a repeated briefing, recorded like any other (the person's next entry), dated on the school's day. */
export async function recordBriefing(
  em: EntityManager,
  schoolId: string,
  p: { userId: string; at: string; note: string },
  by: string,
): Promise<void> {
  const row = new Clearance(randomUUID(), schoolId, p.userId, 'briefing', schoolDay(p.at), by, p.at);
  row.note = p.note;
  await insertClearance(em, row);
}

export async function userByUsername(
  em: EntityManager,
  schoolId: string,
  username: string,
): Promise<{ id: string; displayName: string } | null> {
  const u = await em.findOne(User, { schoolId, username, disabled: false }, { disableIdentityMap: true });
  return u ? { id: u.id, displayName: u.displayName } : null;
}
