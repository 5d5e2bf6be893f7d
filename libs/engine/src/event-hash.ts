import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventRow } from './ports';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, serialised by RFC 8785 so key order and number format cannot vary. */
export function eventHash(prevHash: string, e: Omit<EventRow, 'hash' | 'prevHash' | 'id'>): string {
  const body = canonicalize({
    schoolId: e.schoolId,
    instanceId: e.instanceId,
    seq: e.seq,
    type: e.type,
    payload: e.payload,
    actorId: e.actorId,
    actorRoles: e.actorRoles,
    at: e.at,
    fromState: e.fromState,
    toState: e.toState,
  });
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(body ?? '')
    .digest('hex');
}

export function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');
}
