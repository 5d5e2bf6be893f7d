import { and, assign, enqueueActions, setup } from 'xstate';
import type { Effect, Envelope, RoleHoldersFact } from '../definition';
import {
  type ActContextBase,
  type ActEventPayload,
  type ActEventType,
  type ActItemEntry,
  isLastSignature,
  isSignersTurn,
  signed,
  signerSlot,
  actNotice,
  askToSign,
  type SignerSlot,
} from '../acts';

/** R-4.1d: a destruction commission has at least three members, appointed by order. */
export const COMMISSION_QUORUM = 3;

export interface DestructionContext extends ActContextBase {
  kind: 'destruction';
  actId: string;
}

export interface DestructionInput {
  actId: string;
  number: string;
  year: number;
  createdAt: string;
  createdBy: string;
  items: ActItemEntry[];
}

type Ev<T extends ActEventType> = Envelope<T, ActEventPayload<T>>;
export type DestructionEvent = { [T in ActEventType]: Ev<T> }[ActEventType];
type EffectParams<T extends Effect['type']> = Extract<Effect, { type: T }>['params'];

const holders = (e: { facts: Envelope['facts'] }, role: 'commission_member' | 'director') =>
  (e.facts[`holders:${role}`] as RoleHoldersFact | undefined)?.people ?? [];

/** The commission (in the order of its appointment) signs first, in any order among them; the director last. */
function signersOf(e: Envelope): SignerSlot[] {
  const director = holders(e, 'director')[0];
  const commission = holders(e, 'commission_member').filter((p) => p.id !== director?.id);
  const slot = (p: { id: string; displayName: string }, role: SignerSlot['role'], turn: number) =>
    signerSlot(p.id, p.displayName, role, turn);
  return [
    ...commission.map((p) => slot(p, 'commission_member', 1)),
    ...(director ? [slot(director, 'director', 2)] : []),
  ];
}

const itemIds = (c: DestructionContext) => c.items.map((i) => i.documentId);

export const destructionMachine = setup({
  types: {
    context: {} as DestructionContext,
    events: {} as DestructionEvent,
    input: {} as DestructionInput,
  },
  guards: {
    // R-4.1d
    commissionQuorum: ({ event }) => {
      const e = event as Envelope;
      const director = holders(e, 'director')[0];
      return holders(e, 'commission_member').filter((p) => p.id !== director?.id).length >= COMMISSION_QUORUM;
    },
    // R-4.1d: the director's signature makes the act final, so there must be a director to sign.
    hasDirector: ({ event }) => holders(event as Envelope, 'director').length > 0,
    itemListed: ({ context, event }) => {
      const p = (event as Ev<'WITHDRAW_ITEM'>).payload;
      return !p?.documentId || context.items.some((i) => i.documentId === p.documentId);
    },
    keepsOneItem: ({ context }) => context.items.length > 1,
    // R-4.1d: a copy stays while its original does; otherwise the original would be destroyed with a copy alive.
    copyLeavesWithOriginal: ({ context, event }) => {
      const p = (event as Ev<'WITHDRAW_ITEM'>).payload;
      const item = context.items.find((i) => i.documentId === p?.documentId);
      return !item?.copyOfId || !context.items.some((i) => i.documentId === item.copyOfId);
    },
    signersTurn: ({ context, event }) => isSignersTurn(context, event.actor),
    // R-4.1d: the records clerk who drafts, or a signer of this act (never a member outside its commission).
    partyOfAct: ({ context, event }) =>
      event.actor.roles.includes('records_clerk') || context.signers.some((s) => s.userId === event.actor.userId),
    lastSignature: ({ context, event }) => isLastSignature(context, event.actor),
  },
  actions: {
    sign: assign(({ context, event }) => signed(context, event as Ev<'SIGN'>)),
    askNextSigners: enqueueActions(({ context, enqueue }) => {
      const ask = askToSign(context);
      if (ask) enqueue(ask as never);
    }),
    // R-4.1d: the last signature destroys every listed document and copy in this same transaction.
    destroyItems: enqueueActions(({ context, event, enqueue }) => {
      enqueue({
        type: 'forwardTo',
        params: {
          instanceIds: itemIds(context),
          event: 'DESTROY',
          payload: { actId: context.actId, actNumber: context.number },
        },
      } as never);
      enqueue({
        type: 'notify',
        params: { template: 'act.completed', toRoles: ['records_clerk', 'security_officer'], data: actNotice(context) },
      } as never);
      enqueue.assign({ completedAt: (event as Envelope).at });
    }),
    releaseItems: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'REJECT'>;
      enqueue({
        type: 'forwardTo',
        params: { instanceIds: itemIds(context), event: 'RELEASE_FROM_ACT', payload: { actId: context.actId } },
      } as never);
      enqueue({
        type: 'notify',
        params: {
          template: 'act.rejected',
          toRoles: ['records_clerk'],
          data: { ...actNotice(context), reason: e.payload.reason },
        },
      } as never);
      enqueue.assign({ rejected: { reason: e.payload.reason, by: e.actor.userId, at: e.at } });
    }),
    // Effects: recorded as data by transition(), executed by the engine (forwardTo in the transaction, the rest after commit).
    forwardTo: (_, _params: EffectParams<'forwardTo'>) => {},
    renderAct: (_, _params: EffectParams<'renderAct'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
  },
}).createMachine({
  id: 'destruction',
  context: ({ input }) => ({
    kind: 'destruction',
    actId: input.actId,
    number: input.number,
    year: input.year,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    items: input.items,
    signers: [],
    pdf: null,
    rejected: null,
    completedAt: null,
  }),
  initial: 'draft',
  states: {
    draft: {
      // R-4.1d: from the draft on, the listed items are not issued, copied or sent.
      entry: enqueueActions(({ context, enqueue }) =>
        enqueue({
          type: 'forwardTo',
          params: {
            instanceIds: itemIds(context),
            event: 'INCLUDE_IN_ACT',
            payload: { actId: context.actId, actNumber: context.number },
          },
        }),
      ),
      on: {
        WITHDRAW_ITEM: {
          guard: and(['itemListed', 'keepsOneItem', 'copyLeavesWithOriginal']),
          actions: enqueueActions(({ context, event, enqueue }) => {
            const id = (event as Ev<'WITHDRAW_ITEM'>).payload.documentId;
            enqueue({
              type: 'forwardTo',
              params: { instanceIds: [id], event: 'RELEASE_FROM_ACT', payload: { actId: context.actId } },
            });
            enqueue.assign({ items: context.items.filter((i) => i.documentId !== id) });
          }),
        },
        SUBMIT: {
          guard: and(['commissionQuorum', 'hasDirector']),
          target: 'rendering',
          actions: enqueueActions(({ event, enqueue }) => {
            enqueue.assign({ signers: signersOf(event as Envelope) });
            enqueue({ type: 'renderAct', params: {} });
          }),
        },
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'releaseItems' },
      },
    },
    rendering: {
      on: {
        RENDERED: {
          target: 'awaiting_signatures',
          actions: [assign({ pdf: ({ event }) => ({ ...(event as Ev<'RENDERED'>).payload }) }), 'askNextSigners'],
        },
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'releaseItems' },
      },
    },
    awaiting_signatures: {
      on: {
        SIGN: [
          { guard: and(['signersTurn', 'lastSignature']), target: 'completed', actions: ['sign', 'destroyItems'] },
          { guard: 'signersTurn', actions: ['sign', 'askNextSigners'] },
        ],
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'releaseItems' },
      },
    },
    // The act is kept forever; a signed act cannot change.
    completed: { type: 'final' },
    rejected: { type: 'final' },
  },
});
