import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { Timeline } from '@grif/contracts';
import { GrifError, type Actor } from '@grif/domain';
import {
  ActRecord,
  BreachCaseRecord,
  DocumentRecord,
  PeopleRepository,
  WorkflowEvent,
  WorkflowInstance,
  WriteTransactions,
} from '@grif/persistence';
import { ReferenceNames } from '../documents/reference-names';
import { recordedContexts } from './timeline-diff';

/** What an instance is to a reader, by machine: the record that carries its number. */
const SUBJECTS: Record<string, 'document' | 'case' | 'act'> = {
  document: 'document',
  breach_case: 'case',
  destruction: 'act',
  custody_transfer: 'act',
};

/** Instances, their histories and their names, for the auditor: always within the caller's school. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly tx: WriteTransactions,
    private readonly people: PeopleRepository,
    private readonly references: ReferenceNames,
  ) {}

  private get em(): EntityManager {
    return this.tx.reader();
  }

  /** An instance of the caller's school; another school's is as missing as one that never was. */
  async instance(actor: Actor, id: string): Promise<WorkflowInstance> {
    const found = await this.em.findOne(
      WorkflowInstance,
      { id, schoolId: actor.schoolId },
      { disableIdentityMap: true },
    );
    if (!found) throw new GrifError('not_found', 'NOT_FOUND');
    return found;
  }

  history(actor: Actor, instanceId: string): Promise<WorkflowEvent[]> {
    return this.em.find(
      WorkflowEvent,
      { schoolId: actor.schoolId, instanceId },
      { orderBy: { seq: 'asc' }, disableIdentityMap: true },
    );
  }

  names(actor: Actor): Promise<Map<string, string>> {
    return this.people.namesOf(actor.schoolId);
  }

  /** Each instance's name: a document's reg number, a case's or an act's number (empty when it has none yet). */
  async subjects(schoolId: string, instances: { id: string; machineId: string }[]): Promise<Map<string, string>> {
    const ids = (kind: string) => instances.filter((i) => SUBJECTS[i.machineId] === kind).map((i) => i.id);
    const [docs, cases, acts] = await Promise.all([
      this.em.find(DocumentRecord, { schoolId, id: { $in: ids('document') } }, { fields: ['id', 'regNumber'] }),
      this.em.find(BreachCaseRecord, { schoolId, id: { $in: ids('case') } }, { fields: ['id', 'number'] }),
      this.em.find(ActRecord, { schoolId, id: { $in: ids('act') } }, { fields: ['id', 'number'] }),
    ]);
    return new Map<string, string>([
      ...docs.map((d) => [d.id, d.regNumber] as [string, string]),
      ...cases.map((c) => [c.id, c.number] as [string, string]),
      ...acts.map((a) => [a.id, a.number] as [string, string]),
    ]);
  }

  /** The instances a reader names by their number: a document's reg number, a case's or an act's number. */
  async instancesNamed(schoolId: string, subject: string): Promise<string[]> {
    const [docs, cases, acts] = await Promise.all([
      this.em.find(DocumentRecord, { schoolId, regNumber: subject }, { fields: ['id'] }),
      this.em.find(BreachCaseRecord, { schoolId, number: subject }, { fields: ['id'] }),
      this.em.find(ActRecord, { schoolId, number: subject }, { fields: ['id'] }),
    ]);
    return [...docs, ...cases, ...acts].map((r) => r.id);
  }

  /** Every step of the instance's history with the recorded context's change at that step, oldest first. */
  async timeline(actor: Actor, id: string): Promise<Timeline> {
    const inst = await this.instance(actor, id);
    const [events, names, subjects, references] = await Promise.all([
      this.history(actor, id),
      this.names(actor),
      this.subjects(actor.schoolId, [inst]),
      this.references.forSchool(actor.schoolId),
    ]);
    const contexts = recordedContexts(events.map((e) => readPayload(e.payload)));
    // The ids the changes carry (a holder, a cabinet, a file), named: the reader sees names, never ids.
    const named = references.within(contexts.map((c) => c.diff.map((d) => [d.before, d.after])));
    return {
      instance: { id: inst.id, machine: inst.machineId, subject: subjects.get(inst.id) ?? '', state: inst.state },
      steps: events.map((e, i) => ({
        seq: e.seq,
        type: e.type,
        at: e.at,
        actorName: names.get(e.actorId) ?? e.actorId,
        fromState: e.fromState,
        state: e.toState,
        diff: contexts[i].diff,
      })),
      names: named,
    };
  }
}

/** A payload that no longer parses (tampered with) still shows, as its text. */
export function readPayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { unreadable: text };
  }
}
