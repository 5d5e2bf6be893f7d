import type { Actor } from '@grif/domain';
import type { Effect, Envelope } from '../definition';
import type { ActContextBase, ActPdf, SignerSlot } from './act-context';
import type { ActEventPayload } from './act-events';

/** The signers whose turn it is: every unsigned slot of the lowest unsigned turn. */
export function nextSigners(c: Pick<ActContextBase, 'signers'>): SignerSlot[] {
  const open = c.signers.filter((s) => s.signedAt == null);
  if (!open.length) return [];
  const turn = Math.min(...open.map((s) => s.turn));
  return open.filter((s) => s.turn === turn);
}

export const isSignersTurn = (c: Pick<ActContextBase, 'signers'>, actor: Actor): boolean =>
  nextSigners(c).some((s) => s.userId === actor.userId);

/** Whether the actor's signature is the one the act still waits for last. */
export const isLastSignature = (c: Pick<ActContextBase, 'signers'>, actor: Actor): boolean => {
  const open = c.signers.filter((s) => s.signedAt == null);
  return open.length === 1 && open[0].userId === actor.userId;
};

/** The slot of the signer filled in: when, which revision it made, with which certificate. */
export function signed(
  c: ActContextBase,
  e: Envelope<'SIGN', ActEventPayload<'SIGN'>>,
): { signers: SignerSlot[]; pdf: ActPdf } {
  const signers = c.signers.map((s) =>
    s.userId === e.actor.userId && s.signedAt == null && isSignersTurn(c, e.actor)
      ? {
          ...s,
          signedAt: e.at,
          revision: e.payload.revision,
          sha256: e.payload.sha256,
          certificateSha256: e.payload.certificateSha256,
        }
      : s,
  );
  return { signers, pdf: { revision: e.payload.revision, sha256: e.payload.sha256 } };
}

/** Everyone an act names (signers, both clerks of a transfer): they see it even without a records role. */
export const namedIn = (c: Pick<ActContextBase, 'signers'>, extra: (string | null | undefined)[] = []): string[] => [
  ...new Set([...c.signers.map((s) => s.userId), ...extra.filter((x): x is string => !!x)]),
];

/** An empty place for a signature. */
export const signerSlot = (userId: string, name: string, role: SignerSlot['role'], turn: number): SignerSlot => ({
  userId,
  name,
  role,
  turn,
  signedAt: null,
  revision: null,
  sha256: null,
  certificateSha256: null,
});

/** What every act notification says: which act. */
export const actNotice = (c: ActContextBase & { actId: string }) => ({
  actId: c.actId,
  actNumber: c.number,
  kind: c.kind,
});

/**
 * The notification asking the signers of a turn that has just opened to sign (nobody of it has signed yet), or none:
 * a commission member who signs does not make the others' request arrive again.
 */
export function askToSign(c: ActContextBase & { actId: string }): Effect | null {
  const next = nextSigners(c);
  const opened = next.length > 0 && !c.signers.some((s) => s.turn === next[0].turn && s.signedAt != null);
  return opened
    ? { type: 'notify', params: { template: 'act.to_sign', toUserIds: next.map((s) => s.userId), data: actNotice(c) } }
    : null;
}
