import { and, assign, enqueueActions, setup } from 'xstate';
import { hasRole, type Actor } from '@grif/domain';
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

/** the acceptance-transfer act when the records clerk is replaced. */
export interface CustodyTransferContext extends ActContextBase {
  kind: 'custody_transfer';
  actId: string;
  /** The director's order appointing the incoming clerk. */
  order: { number: string; date: string };
  outgoingClerkId: string;
  incomingClerkId: string;
  /** Their names as the act prints them (the signature blocks). */
  outgoingClerkName: string;
  incomingClerkName: string;
}

export interface CustodyTransferInput {
  actId: string;
  number: string;
  year: number;
  createdAt: string;
  createdBy: string;
  order: { number: string; date: string };
  outgoingClerkId: string;
  incomingClerkId: string;
  outgoingClerkName: string;
  incomingClerkName: string;
  /** Everything in the outgoing clerk's custody, each line unmarked (present: null). */
  items: ActItemEntry[];
}

type CustodyEventType = Exclude<ActEventType, 'WITHDRAW_ITEM'>;
type Ev<T extends ActEventType> = Envelope<T, ActEventPayload<T>>;
export type CustodyTransferEvent = { [T in CustodyEventType]: Ev<T> }[CustodyEventType];
type EffectParams<T extends Effect['type']> = Extract<Effect, { type: T }>['params'];

const directors = (e: { facts: Envelope['facts'] }) => e.facts['holders:director'] as RoleHoldersFact | undefined;

/** The clerks hand over and take over; the director signs last. */
function signersOf(c: CustodyTransferContext, e: Envelope): SignerSlot[] {
  const director = directors(e)?.people[0];
  return [
    signerSlot(c.outgoingClerkId, c.outgoingClerkName, 'outgoing_clerk', 1),
    signerSlot(c.incomingClerkId, c.incomingClerkName, 'incoming_clerk', 2),
    ...(director ? [signerSlot(director.id, director.displayName, 'director', 3)] : []),
  ];
}

const isClerkOfAct = (c: CustodyTransferContext, actor: Actor) =>
  actor.userId === c.outgoingClerkId || actor.userId === c.incomingClerkId;

/** Items that are documents or copies (instances of the document machine), as opposed to registered carriers. */
const isDocument = (i: ActItemEntry) => i.itemKind === 'document' || i.itemKind === 'copy';

export const custodyTransferMachine = setup({
  types: {
    context: {} as CustodyTransferContext,
    events: {} as CustodyTransferEvent,
    input: {} as CustodyTransferInput,
  },
  guards: {
    // the inventory is checked by the two clerks, item by item, and by no one else.
    clerkOfAct: ({ context, event }) => isClerkOfAct(context, event.actor),
    // the act is sent for signatures (or refused) by a clerk of the act or the director.
    partyOfAct: ({ context, event }) => isClerkOfAct(context, event.actor) || hasRole(event.actor, 'director'),
    itemListed: ({ context, event }) => {
      const p = (event as Ev<'MARK'>).payload;
      return !p?.documentId || context.items.some((i) => i.documentId === p.documentId);
    },
    allMarked: ({ context }) => context.items.every((i) => i.present != null),
    // the director's signature makes the act final. Judged only when the engine looked the director up.
    hasDirector: ({ event }) => {
      const f = directors(event as Envelope);
      return !f || f.people.length > 0;
    },
    signersTurn: ({ context, event }) => isSignersTurn(context, event.actor),
    lastSignature: ({ context, event }) => isLastSignature(context, event.actor),
  },
  actions: {
    mark: assign(({ context, event }) => {
      const p = (event as Ev<'MARK'>).payload;
      return {
        items: context.items.map((i) => (i.documentId === p.documentId ? { ...i, present: p.present } : i)),
      };
    }),
    sign: assign(({ context, event }) => signed(context, event as Ev<'SIGN'>)),
    askNextSigners: enqueueActions(({ context, enqueue }) => {
      const ask = askToSign(context);
      if (ask) enqueue(ask as never);
    }),
    // the last signature moves custody of every present item at once, in this same transaction; the
    // appointment switches and the present carriers pass to the incoming clerk; what is missing goes to the
    // information-security officer.
    transferItems: enqueueActions(({ context, event, enqueue }) => {
      const present = context.items.filter((i) => i.present === true);
      const missing = context.items.filter((i) => i.present !== true);
      enqueue({
        type: 'forwardTo',
        params: {
          instanceIds: present.filter(isDocument).map((i) => i.documentId),
          event: 'CUSTODY_TRANSFERRED',
          payload: { actId: context.actId, actNumber: context.number, toUserId: context.incomingClerkId },
          // Dispatched, lost or destroyed since the inventory: no longer anyone's custody to move.
          skipDone: true,
        },
      } as never);
      enqueue({
        type: 'transferCustody',
        params: {
          fromUserId: context.outgoingClerkId,
          toUserId: context.incomingClerkId,
          order: context.order,
          carrierIds: present.filter((i) => i.itemKind === 'carrier').map((i) => i.documentId),
        },
      } as never);
      if (missing.length)
        enqueue({
          type: 'notify',
          params: {
            template: 'act.items_missing',
            toRoles: ['security_officer'],
            data: {
              ...actNotice(context),
              items: missing.map((i) => ({
                documentId: i.documentId,
                regNumber: i.regNumber,
                title: i.title,
                itemKind: i.itemKind,
              })),
            },
          },
        } as never);
      enqueue({
        type: 'notify',
        params: {
          template: 'act.completed',
          // By id: once the appointment switched, "the records clerk" is only the incoming one.
          toUserIds: [context.outgoingClerkId, context.incomingClerkId],
          toRoles: ['security_officer'],
          data: actNotice(context),
        },
      } as never);
      enqueue.assign({ completedAt: (event as Envelope).at });
    }),
    reject: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'REJECT'>;
      enqueue({
        type: 'notify',
        params: {
          template: 'act.rejected',
          toUserIds: [context.outgoingClerkId, context.incomingClerkId],
          toRoles: ['director'],
          data: { ...actNotice(context), reason: e.payload.reason },
        },
      } as never);
      enqueue.assign({ rejected: { reason: e.payload.reason, by: e.actor.userId, at: e.at } });
    }),
    // Effects: recorded as data by transition(), executed by the engine (forwardTo and transferCustody in the
    // transaction, the rest after commit).
    forwardTo: (_, _params: EffectParams<'forwardTo'>) => {},
    transferCustody: (_, _params: EffectParams<'transferCustody'>) => {},
    renderAct: (_, _params: EffectParams<'renderAct'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
  },
}).createMachine({
  id: 'custody_transfer',
  context: ({ input }) => ({
    kind: 'custody_transfer',
    actId: input.actId,
    number: input.number,
    year: input.year,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    order: input.order,
    outgoingClerkId: input.outgoingClerkId,
    incomingClerkId: input.incomingClerkId,
    outgoingClerkName: input.outgoingClerkName,
    incomingClerkName: input.incomingClerkName,
    items: input.items,
    signers: [],
    pdf: null,
    rejected: null,
    completedAt: null,
  }),
  initial: 'inventory',
  states: {
    inventory: {
      on: {
        // both clerks check each item, present or missing; a mark may be changed until the act is sent.
        MARK: { guard: and(['clerkOfAct', 'itemListed']), actions: 'mark' },
        SUBMIT: {
          guard: and(['partyOfAct', 'allMarked', 'hasDirector']),
          target: 'rendering',
          actions: enqueueActions(({ context, event, enqueue }) => {
            enqueue.assign({ signers: signersOf(context, event as Envelope) });
            enqueue({ type: 'renderAct', params: {} });
          }),
        },
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'reject' },
      },
    },
    rendering: {
      on: {
        RENDERED: {
          target: 'awaiting_signatures',
          actions: [assign({ pdf: ({ event }) => ({ ...(event as Ev<'RENDERED'>).payload }) }), 'askNextSigners'],
        },
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'reject' },
      },
    },
    awaiting_signatures: {
      on: {
        SIGN: [
          { guard: and(['signersTurn', 'lastSignature']), target: 'completed', actions: ['sign', 'transferItems'] },
          { guard: 'signersTurn', actions: ['sign', 'askNextSigners'] },
        ],
        REJECT: { guard: 'partyOfAct', target: 'rejected', actions: 'reject' },
      },
    },
    // The act is kept forever; a signed act cannot change.
    completed: { type: 'final' },
    rejected: { type: 'final' },
  },
});
