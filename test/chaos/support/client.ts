import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../../apps/api/src/identity/demo-school';
import type { ApiClient } from '../../support/api';

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, string>;
}

/** What the clients met on the way: every refusal while something was down, and whatever should never happen. */
export class Observed {
  /** 503 answers, by their code. */
  readonly unavailable = new Map<string, number>();
  /** Requests that reached no API at all (connection refused or reset): retried like a 503. */
  networkErrors = 0;
  /** Answers that must never be: a 5xx other than 503, a 503 without Retry-After or a code. */
  readonly violations: string[] = [];
  /** Requests that got a final answer only after at least one retry with the same Idempotency-Key. */
  retriedRequests = 0;

  note503(code: string) {
    this.unavailable.set(code, (this.unavailable.get(code) ?? 0) + 1);
  }

  total503(): number {
    return [...this.unavailable.values()].reduce((a, b) => a + b, 0);
  }
}

/** How long one request is retried (same key, same body) before its last answer is returned as it is. */
const RETRY_LIMIT_MS = Number(process.env.GRIF_CHAOS_RETRY_LIMIT_MS ?? 120_000);

/**
 * The API client of the chaos suite: the same `call` the suites' in-process harness offers (so
 * test/support's helpers drive documents and acts through it), against API processes. It behaves as a
 * careful client should: on 503 it waits Retry-After and sends the very same request again (same
 * Idempotency-Key, same body), and so after a dropped connection; whatever else it gets is returned.
 * Calls are spread round-robin over the API processes.
 */
export class RemoteApi implements ApiClient {
  tokens: Record<string, string> = {};
  ids: Record<string, string> = {};
  secureCabinetId = '';
  private next = 0;
  /** Set when the scenario ends (even by a failure): every call still retrying gives up at once. */
  closed = false;

  constructor(
    readonly bases: string[],
    readonly observed: Observed = new Observed(),
  ) {}

  get base(): string {
    return this.bases[0];
  }

  /** Signs every demo user in, and finds who they are and the demo school's secure cabinet. */
  async signIn(): Promise<void> {
    for (const p of DEMO_PEOPLE) {
      const r = await this.call(null, 'POST', '/api/auth/login', { username: p.username, password: DEMO_PASSWORD });
      if (r.status !== 200 && r.status !== 201) throw new Error(`login ${p.username}: ${r.status}`);
      this.tokens[p.username] = r.body.token;
      this.ids[p.username] = (await this.call(p.username, 'GET', '/api/me')).body.id;
    }
    const rooms = await this.call('clerk', 'GET', '/api/rooms');
    this.secureCabinetId = rooms.body.find((r: { secure: boolean }) => r.secure).cabinets[0].id;
  }

  /** One attempt, at one API process. */
  async once(
    base: string,
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(user ? { authorization: `Bearer ${this.tokens[user]}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a PDF, Bull Board's page): kept as text.
    }
    const answered: Record<string, string> = {};
    res.headers.forEach((v, k) => (answered[k] = v));
    return Object.defineProperty({ status: res.status, body: parsed }, 'headers', {
      value: answered,
      enumerable: false,
    }) as Answer;
  }

  call = async (
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const until = Date.now() + RETRY_LIMIT_MS;
    let retried = false;
    for (;;) {
      if (this.closed) throw new Error(`${method} ${path}: the client is closed`);
      const base = this.bases[this.next++ % this.bases.length];
      let answer: Answer | undefined;
      try {
        answer = await this.once(base, user, method, path, body, headers);
      } catch {
        this.observed.networkErrors++;
      }
      if (answer) {
        const transient = this.judge(method, path, answer);
        if (!transient) {
          if (retried) this.observed.retriedRequests++;
          return answer;
        }
        if (Date.now() > until) return answer;
      } else if (Date.now() > until) throw new Error(`${method} ${path}: no API answered within ${RETRY_LIMIT_MS} ms`);
      retried = true;
      const wait = answer?.headers['retry-after'] ? Math.min(Number(answer.headers['retry-after']), 2) : 0.5;
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  };

  /** Records what the answer says about Grif; whether it is a moment to wait out (503, another try still running). */
  private judge(method: string, path: string, a: Answer): boolean {
    if (a.status === 503) {
      const code = typeof a.body === 'object' && a.body ? String(a.body.code) : '';
      this.observed.note503(code || '(no code)');
      if (!a.headers['retry-after']) this.observed.violations.push(`${method} ${path}: 503 without Retry-After`);
      if (!code) this.observed.violations.push(`${method} ${path}: 503 without a code`);
      return true;
    }
    if (a.status >= 500) {
      this.observed.violations.push(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
      return false;
    }
    // The first try with this key is still running (its connection was cut, it is being retried).
    return a.status === 409 && a.body?.code === 'IDEMPOTENCY_IN_PROGRESS';
  }
}
