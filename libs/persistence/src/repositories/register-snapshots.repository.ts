import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { type AsAt, CUSTODY_EVENTS, foldHistory, type HistoryEvent } from '@grif/workflows';
import { inList, RawSql } from '../raw-sql';
import { historyEventOf, type HistoryRow } from './register-queries';
import type { WriteTransactions } from '../write-transactions';

/** `all`: every event (the registration journal as at); `custody`: the custody events only (carriers, cabinets). */
export type FoldKind = 'all' | 'custody';
export const FOLD_KINDS: readonly FoldKind[] = ['all', 'custody'];

/** A fold and, per instance, the seq of the last event it took in: what tells an event arriving out of order. */
interface Fold {
  states: Map<string, AsAt>;
  lastSeq: Map<string, number>;
  events: number;
}

type Entry = [string, number, string, string | null, AsAt['classification'], string, string | null, string | null];
type EventRow = HistoryEvent & { seq: number };
type RawEvent = HistoryRow & { seq: number };

/** A snapshot without its states: which one, up to when, and how many events it took in. */
interface SnapshotHead {
  id: string;
  takenAt: string;
  eventCount: number;
}
/**
 * How many decoded snapshots a process keeps: a few schools' both folds. One is ~20,000 entries at bench:scale's
 * 20,000 documents a school, a few megabytes of heap.
 */
const DECODED_SNAPSHOTS = 8;

const empty = (): Fold => ({ states: new Map(), lastSeq: new Map(), events: 0 });

function encode(f: Fold): string {
  const rows: Entry[] = [];
  for (const [id, s] of f.states)
    rows.push([id, f.lastSeq.get(id)!, s.state, s.holderId, s.classification, s.since, s.cabinetId, s.location]);
  return JSON.stringify(rows);
}

function decode(text: string, events: number): Fold {
  const f: Fold = { states: new Map(), lastSeq: new Map(), events };
  for (const [id, seq, state, holderId, classification, since, cabinetId, location] of JSON.parse(text) as Entry[]) {
    f.states.set(id, { state, holderId, classification, since, cabinetId, location });
    f.lastSeq.set(id, seq);
  }
  return f;
}

const typesOf = (kind: FoldKind) => (kind === 'custody' ? CUSTODY_EVENTS : null);
const eventOf = (r: RawEvent): EventRow => ({ ...historyEventOf(r), seq: Number(r.seq) });

/**
 * The registers "as at" a moment without folding the whole history on every request (issue 12): periodic
 * snapshots of the fold, and the fold from the latest snapshot before the moment plus the events after it.
 * The answer is the full fold's (`test/api/register-snapshots.test.ts`): an instance whose events after the
 * snapshot do not simply follow what the snapshot took in (a clock set back) is folded again from its first event.
 * One condition: no event commits with an `at` older than a snapshot already taken, so snapshots are only taken
 * up to a moment well past (the worker's lag); an engine transaction lasts milliseconds.
 */
export class RegisterSnapshots {
  /** Decoded snapshots by id, least recently used first. */
  private readonly decoded = new Map<string, Fold>();

  constructor(private readonly tx: WriteTransactions) {}

  private sql(em?: EntityManager): RawSql {
    return new RawSql(em ?? (this.tx.reader() as EntityManager));
  }

  /** The fold of the school's history up to `at` (every event with `at` ≤ it), as `foldHistory` would give it. */
  async asAt(schoolId: string, at: string, kind: FoldKind): Promise<Map<string, AsAt>> {
    const snap = await this.latest(schoolId, kind, at);
    return (await this.advance(schoolId, kind, await this.foldOf(snap), snap?.takenAt ?? null, at)).states;
  }

  /**
   * Takes the school's next snapshots up to `upTo`: one after every `every` events since the last one, each
   * at the instant of its last event (so all events of that instant are in it). Answers how many it took.
   */
  async take(schoolId: string, upTo: string, every: number, now: string): Promise<number> {
    const last = await this.latest(schoolId, 'all', upTo);
    const from = last?.takenAt ?? null;
    const instants = (
      await this.sql().rows<{ at: string }>(
        `select at from workflow_events where school_id = ? and at <= ? ${from ? 'and at > ?' : ''} order by at`,
        from ? [schoolId, upTo, from] : [schoolId, upTo],
      )
    ).map((r) => r.at);
    const ends: string[] = [];
    for (let i = every - 1; i < instants.length; i += every)
      if (instants[i] !== ends[ends.length - 1]) ends.push(instants[i]);
    if (!ends.length) return 0;
    for (const kind of FOLD_KINDS) {
      const prev = kind === 'all' ? last : await this.latest(schoolId, kind, upTo);
      let fold = await this.foldOf(prev);
      let after = prev?.takenAt ?? null;
      for (const end of ends) {
        fold = await this.advance(schoolId, kind, fold, after, end);
        // Plain SQL: the ORM's insert formats its megabytes of text for its log, a second per snapshot (bench:scale).
        const row = [randomUUID(), schoolId, kind, end, encode(fold), fold.events, now];
        await this.tx.run((em) =>
          this.sql(em).run(
            `insert into register_snapshots (id, school_id, kind, taken_at, states, event_count, created_at)
             values (?, ?, ?, ?, ?, ?, ?)`,
            row,
          ),
        );
        after = end;
      }
    }
    return ends.length;
  }

  /** Snapshots for every school (the worker's periodic job). */
  async takeAll(upTo: string, every: number, now: string): Promise<number> {
    const schools = await this.sql().rows<{ id: string }>('select id from schools order by id', []);
    let taken = 0;
    for (const s of schools) taken += await this.take(s.id, upTo, every, now);
    return taken;
  }

  private async latest(schoolId: string, kind: FoldKind, atMost: string): Promise<SnapshotHead | null> {
    const [row] = await this.sql().rows<{ id: string; taken_at: string; event_count: number }>(
      `select id, taken_at, event_count from register_snapshots
       where school_id = ? and kind = ? and taken_at <= ? order by taken_at desc limit 1`,
      [schoolId, kind, atMost],
    );
    return row ? { id: row.id, takenAt: row.taken_at, eventCount: Number(row.event_count) } : null;
  }

  /**
   * A snapshot's fold, decoded once per process: a snapshot never changes, and its text is megabytes at
   * bench:scale (reading and parsing it was most of an "as at" request once the lines came without entities).
   */
  private async foldOf(snap: SnapshotHead | null): Promise<Fold> {
    if (!snap) return empty();
    const cached = this.decoded.get(snap.id);
    if (cached) {
      // Most recently used last: the first key is the one to let go.
      this.decoded.delete(snap.id);
      this.decoded.set(snap.id, cached);
      return cached;
    }
    const [row] = await this.sql().rows<{ states: string }>('select states from register_snapshots where id = ?', [
      snap.id,
    ]);
    const fold = decode(row.states, snap.eventCount);
    this.decoded.set(snap.id, fold);
    if (this.decoded.size > DECODED_SNAPSHOTS) this.decoded.delete(this.decoded.keys().next().value!);
    return fold;
  }

  /** `base` (the fold up to `after`) continued with the events in (after, upTo]. */
  private async advance(
    schoolId: string,
    kind: FoldKind,
    base: Fold,
    after: string | null,
    upTo: string,
  ): Promise<Fold> {
    const types = typesOf(kind);
    const params: unknown[] = [schoolId, upTo, ...(after ? [after] : []), ...(types ?? [])];
    const events = (
      await this.sql().rows<RawEvent>(
        `select instance_id, seq, type, payload, at, to_state from workflow_events
         where school_id = ? and at <= ? ${after ? 'and at > ?' : ''} ${types ? `and type in ${inList(types.length)}` : ''}
         order by instance_id, seq`,
        params,
      )
    ).map(eventOf);
    // An event that does not follow what the base took in of its instance: that instance is folded again whole.
    const again = new Set(
      events.filter((e) => e.seq <= (base.lastSeq.get(e.instanceId) ?? 0)).map((e) => e.instanceId),
    );
    const onward = again.size ? events.filter((e) => !again.has(e.instanceId)) : events;
    const states = foldHistory(onward, base.states);
    const lastSeq = new Map(base.lastSeq);
    for (const e of onward) lastSeq.set(e.instanceId, e.seq);
    let count = base.events + onward.length;
    for (const id of again) {
      const whole = (
        await this.sql().rows<RawEvent>(
          `select instance_id, seq, type, payload, at, to_state from workflow_events
           where school_id = ? and instance_id = ? and at <= ? ${types ? `and type in ${inList(types.length)}` : ''}
           order by seq`,
          [schoolId, id, upTo, ...(types ?? [])],
        )
      ).map(eventOf);
      count += whole.length;
      states.set(id, foldHistory(whole).get(id)!);
      lastSeq.set(id, whole[whole.length - 1].seq);
    }
    return { states, lastSeq, events: count };
  }
}
