import { actEvent, expiredDocuments } from '../../support/acts';
import { REGISTRATION } from '../../support/harness';
import type { Answer, RemoteApi } from './client';

/** How each loaded document ends its round: back in time, kept past its due time, or reported lost. */
export type Ending = 'returned' | 'kept' | 'lost';

export interface LoadedDocument {
  id: string;
  ending: Ending;
  dueAt: string;
  classification: string;
}

/** A request the load made and the answer it finally got: sent again after the chaos, it must answer the same. */
export interface Remembered {
  user: string;
  path: string;
  body: object;
  key: string;
  answer: { status: number; body: unknown };
}

export interface LoadOptions {
  /** Concurrent document loops. */
  loops: number;
  /** Acts drafted and submitted (rendered by a job) by one more loop, if true. */
  acts: boolean;
  /** The due time of each ISSUE, this many ms ahead (deadlines fire while the chaos goes on). */
  dueInMs: number;
}

const ENDINGS: Ending[] = ['returned', 'kept', 'lost'];

/**
 * A steady load through the API: loops that take documents through register → classify → store → issue
 * (due a few seconds ahead, so deadlines fire) → acknowledge → return / keep past due (overdue
 * notifications) / report lost (loss notifications), and a loop that drafts destruction acts and submits
 * them (an act render job each). Every write carries an Idempotency-Key; the client retries 503s with it.
 */
export class Load {
  readonly documents: LoadedDocument[] = [];
  readonly acts: string[] = [];
  readonly remembered: Remembered[] = [];
  /** Answers other than the expected 200/201: each one fails the scenario. */
  readonly errors: string[] = [];
  transitions = 0;
  /** Writes refused because something else moved the instance first (409 STALE_VERSION), sent again. */
  conflicts = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private n = 0;
  private readonly run = Math.random().toString(36).slice(2, 8);

  constructor(
    private readonly api: RemoteApi,
    private readonly o: LoadOptions,
  ) {}

  start(): void {
    this.running = true;
    for (let i = 0; i < this.o.loops; i++) this.loops.push(this.guard(() => this.documentLoop(i)));
    if (this.o.acts) this.loops.push(this.guard(() => this.actLoop()));
  }

  /** Lets every loop finish the round it is in, then resolves. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async guard(loop: () => Promise<void>): Promise<void> {
    try {
      await loop();
    } catch (err) {
      this.errors.push(`loop stopped: ${(err as Error).message}`);
    }
  }

  /**
   * A write with a fresh Idempotency-Key; remembered with its answer. What a careful client does with a
   * refusal that wrote nothing is done here too: 409 STALE_VERSION (a deadline fired on the instance
   * between its read and its write) and 422 DUE_IN_PAST (the machine was so slow the due time passed on
   * the way) are sent again, with a new key and, for the latter, a new due time (`body` is made anew).
   */
  private async write(user: string, path: string, body: () => object, expected: number): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const key = `chaos-${this.run}-${++this.n}`;
      const sent = body();
      const answer = await this.api.call(user, 'POST', path, sent, { 'idempotency-key': key });
      if (answer.status === expected) {
        this.transitions++;
        this.remembered.push({ user, path, body: sent, key, answer: { status: answer.status, body: answer.body } });
        return answer;
      }
      const again = ['STALE_VERSION', 'DUE_IN_PAST'].includes(answer.body?.code) && attempt < 5;
      if (!again) {
        this.errors.push(
          `${user} POST ${path} ${JSON.stringify(sent)}: ${answer.status} ${JSON.stringify(answer.body)}`,
        );
        throw new Error(`unexpected ${answer.status} from ${path}`);
      }
      this.conflicts++;
    }
  }

  private async documentLoop(loop: number): Promise<void> {
    for (let round = 0; this.running; round++) {
      const ending = ENDINGS[(round + loop) % ENDINGS.length];
      const classification = (round + loop) % 2 ? 'official_use' : 'open';
      const created = await this.write('clerk', '/api/documents', () => REGISTRATION, 201);
      const id = created.body.id as string;
      const ev = (user: string, body: object | (() => object)) =>
        this.write(
          user,
          `/api/documents/${id}/events`,
          body instanceof Function ? (body as () => object) : () => body,
          200,
        );
      await ev('clerk', { type: 'CLASSIFY', classification });
      await ev('clerk', { type: 'STORE', cabinetId: this.api.secureCabinetId });
      let dueAt = '';
      await ev('clerk', () => {
        dueAt = new Date(Date.now() + this.o.dueInMs).toISOString();
        return { type: 'ISSUE', holderId: this.api.ids.teacher, purpose: 'chaos', dueAt };
      });
      this.documents.push({ id, ending, dueAt, classification });
      await ev('teacher', { type: 'ACKNOWLEDGE' });
      if (ending === 'returned') await ev('clerk', { type: 'RETURN', condition: 'бүтүн' });
      if (ending === 'lost') await ev('teacher', { type: 'REPORT_LOSS', circumstances: `chaos ${loop}/${round}` });
    }
  }

  private async actLoop(): Promise<void> {
    while (this.running) {
      const { originals } = await expiredDocuments(this.api, 2);
      const act = await this.write('clerk', '/api/acts', () => ({ kind: 'destruction', documentIds: originals }), 201);
      const submitted = await actEvent(this.api, 'clerk', act.body.id, { type: 'SUBMIT' });
      if (submitted.status !== 200) {
        this.errors.push(`SUBMIT act ${act.body.id}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
        return;
      }
      this.transitions++;
      this.acts.push(act.body.id);
    }
  }

  /** Counts of the documents by ending, for the scenario's report. */
  summary(): string {
    const by = (e: Ending) => this.documents.filter((d) => d.ending === e).length;
    return `${this.transitions} writes: ${this.documents.length} documents issued (${by('returned')} returned, ${by('kept')} kept past due, ${by('lost')} reported lost), ${this.acts.length} destruction acts submitted; ${this.conflicts} refusals that wrote nothing (409 STALE_VERSION, 422 DUE_IN_PAST) sent again`;
  }
}
