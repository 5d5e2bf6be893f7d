import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { eventHash, fingerprint, GENESIS_HASH } from './event-hash';

/**
 * The hash chain's format is fixed: every stored event's hash, and the offline verifier (tools/audit-verify.mjs),
 * depend on it. These pin the one-call digest to what a Hash object fed prevHash, "\n" and the body gives.
 */
describe('event hash', () => {
  const event = {
    schoolId: 'school-35',
    instanceId: 'doc-1',
    seq: 4,
    type: 'ISSUE',
    payload: { holderId: 'teacher-1', purpose: 'сабак үчүн', pages: 12 },
    actorId: 'clerk-1',
    actorRoles: ['clerk'],
    at: '2026-11-28T08:00:00.000Z',
    fromState: 'stored',
    toState: 'issued',
  };
  const asBefore = (prev: string, body: unknown) =>
    createHash('sha256')
      .update(prev)
      .update('\n')
      .update(canonicalize(body) ?? '')
      .digest('hex');

  it('is sha256 of the previous hash, a newline and the event canonicalised (RFC 8785), Cyrillic as UTF-8', () => {
    expect(eventHash(GENESIS_HASH, event)).toBe(asBefore(GENESIS_HASH, event));
    const next = eventHash(GENESIS_HASH, event);
    expect(eventHash(next, { ...event, seq: 5 })).toBe(asBefore(next, { ...event, seq: 5 }));
  });

  it('a fingerprint is sha256 of the canonical value', () => {
    const value = { op: 'send', id: 'doc-1', type: 'ISSUE', payload: event.payload };
    expect(fingerprint(value)).toBe(
      createHash('sha256')
        .update(canonicalize(value) ?? '')
        .digest('hex'),
    );
  });
});
