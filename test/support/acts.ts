import { createDemoSigningBundle } from '@grif/acts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../apps/api/src/identity/demo-school';
import { ApiClient, eventually } from './api';
import { REGISTRATION } from './harness';

/** The people who sign acts in the demo school: the commission, the director, both clerks. */
export const DEMO_SIGNERS = ['security', 'clerk', 'support', 'director', 'clerk2'] as const;

/** A demo CA certificate for each named person (their Kyrgyz name), enrolled through the API with the demo password. */
export async function enrolDemoCertificates(api: ApiClient, users: readonly string[] = DEMO_SIGNERS): Promise<void> {
  const people = users.map((u) => ({ key: u, name: DEMO_PEOPLE.find((p) => p.username === u)!.displayName }));
  const bundle = await createDemoSigningBundle(people, {
    organization: 'Ш. Сүеркулов атындагы №35 орто мектеби',
    now: new Date(Date.now() - 3600_000),
    passphrase: DEMO_PASSWORD,
  });
  for (const u of users) {
    const pkcs12 = Buffer.from(bundle.signers[u].pkcs12).toString('base64');
    const r = await api.call(u, 'POST', '/api/me/certificate', { pkcs12, passphrase: DEMO_PASSWORD });
    if (r.status !== 201) throw new Error(`enrol ${u}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

let sent = 0;
/** An act event through the API, as `user`, with a fresh idempotency key. */
export function actEvent(api: ApiClient, user: string, id: string, body: object, headers: Record<string, string> = {}) {
  return api.call(user, 'POST', `/api/acts/${id}/events`, body, {
    'idempotency-key': `act-${++sent}-${id}`,
    ...headers,
  });
}

/**
 * Stored documents in a file of `year` kept three years, so their retention has run out (R-4.1d);
 * `copies` of the first one are made as well. Answers the originals' and the copies' ids.
 */
export async function expiredDocuments(
  api: ApiClient,
  count: number,
  o: { year?: number; copies?: number } = {},
): Promise<{ originals: string[]; copies: string[] }> {
  const year = o.year ?? 2020;
  const file = await api.call('clerk', 'POST', '/api/nomenclature', {
    index: `${year}-${++sent}`,
    title: `Кирүүчү каттар ${year}`,
    year,
    retentionYears: 3,
  });
  if (file.status !== 201) throw new Error(`file: ${file.status} ${JSON.stringify(file.body)}`);
  const originals: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await api.call('clerk', 'POST', '/api/documents', {
      ...REGISTRATION,
      title: `${REGISTRATION.title} (${year}, ${i + 1})`,
      documentDate: `${year}-03-1${i % 10}`,
      fileId: file.body.id,
    });
    for (const body of [
      { type: 'CLASSIFY', classification: 'open' },
      { type: 'STORE', cabinetId: api.secureCabinetId },
    ]) {
      const e = await api.call('clerk', 'POST', `/api/documents/${r.body.id}/events`, body, {
        'idempotency-key': `expired-${++sent}`,
      });
      if (e.status !== 200) throw new Error(`${body.type}: ${e.status} ${JSON.stringify(e.body)}`);
    }
    originals.push(r.body.id);
  }
  let copies: string[] = [];
  if (o.copies) {
    const c = await api.call(
      'clerk',
      'POST',
      `/api/documents/${originals[0]}/events`,
      { type: 'COPY', purpose: 'Архив үчүн', count: o.copies },
      { 'idempotency-key': `expired-${++sent}` },
    );
    copies = c.body.copies.map((x: { id: string }) => x.id);
  }
  return { originals, copies };
}

/** Waits until the act's PDF is rendered (the job sent RENDERED). */
export function rendered(api: ApiClient, id: string, user = 'clerk') {
  return eventually(async () => {
    const r = await api.call(user, 'GET', `/api/acts/${id}`);
    return r.body.state === 'awaiting_signatures' ? r.body : undefined;
  }, 20_000);
}

/** The act's latest PDF, as bytes. */
export async function actPdf(api: ApiClient, user: string, id: string): Promise<Buffer> {
  const res = await fetch(`${api.base}/api/acts/${id}/pdf`, {
    headers: { authorization: `Bearer ${api.tokens[user]}` },
  });
  if (res.status !== 200) throw new Error(`pdf: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
