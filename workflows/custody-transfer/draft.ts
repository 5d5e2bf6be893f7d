import { GrifError } from '@grif/domain';
import type { Fact, PersonFact, RoleHoldersFact } from '../definition';
import type { ActItemEntry } from '../acts';
import { type ActNumbering, numberAct } from '../destruction/draft';
import type { CustodyTransferContext, CustodyTransferInput } from './machine';

/** What drafting a transfer needs from the store, inside the creating transaction. */
export interface CustodyStore extends ActNumbering {
  /**
   * everything in the records office's custody: every document and copy not destroyed, dispatched or
   * lost (stored, issued out, not yet put away) and every registered carrier, each unmarked.
   */
  custodyInventory(schoolId: string): Promise<ActItemEntry[]>;
  openActs(schoolId: string, machineId: string): Promise<number>;
}

interface CreateCustodyTransfer {
  incomingClerkId: string;
  order: { number: string; date: string };
}

/**
 * Who hands over and who takes over: the records clerk in office hands over to the person the order
 * names. Refused when there is no clerk to hand over, or when that person already is the clerk.
 */
export function custodyParties(
  payload: CreateCustodyTransfer,
  facts: Record<string, Fact>,
): { outgoing: { id: string; displayName: string }; incoming: { id: string; displayName: string } } {
  const clerks = (facts['holders:records_clerk'] as RoleHoldersFact | undefined)?.people ?? [];
  const incoming = facts.incomingClerkId as PersonFact | undefined;
  if (clerks.some((p) => p.id === payload.incomingClerkId))
    throw new GrifError('refused', 'ALREADY_CLERK', {
      fields: [{ field: 'incomingClerkId', message: 'already the records clerk' }],
    });
  // an acceptance-transfer act needs someone to hand over.
  if (!clerks.length) throw GrifError.ruleRefusal('R-4.2.6');
  return {
    outgoing: clerks[0],
    incoming: { id: payload.incomingClerkId, displayName: incoming?.displayName ?? payload.incomingClerkId },
  };
}

/** How the director starts an acceptance-transfer act, in the shape the engine's create() takes. */
export function custodyTransferDraft(schoolId: string, by: string) {
  return {
    input: async (
      store: CustodyStore,
      at: Date,
      payload: unknown,
      facts: Record<string, Fact>,
      actId: string,
    ): Promise<CustodyTransferInput> => {
      const p = payload as CreateCustodyTransfer;
      const { outgoing, incoming } = custodyParties(p, facts);
      // one hand-over at a time; a second would switch the appointment again from under the first.
      if (await store.openActs(schoolId, 'custody_transfer')) throw new GrifError('conflict', 'TRANSFER_IN_PROGRESS');
      const { number, year } = await numberAct(store, schoolId, at, 'Т', 'act:custody_transfer');
      const items = await store.custodyInventory(schoolId);
      return {
        actId,
        number,
        year,
        createdAt: at.toISOString(),
        createdBy: by,
        order: { number: p.order.number, date: p.order.date },
        outgoingClerkId: outgoing.id,
        incomingClerkId: incoming.id,
        outgoingClerkName: outgoing.displayName,
        incomingClerkName: incoming.displayName,
        items,
      };
    },
    describe: (c: CustodyTransferContext) => ({ number: c.number }),
  };
}
