import type { SchoolCast } from './district';

/** One query as a reader sends it: a path (with its query string) for one school's reader. */
export interface Probe {
  name: string;
  /** Who asks: the school's records clerk or its auditor. */
  as: 'clerk' | 'auditor';
  path: (pick: Pick) => string;
  /** Fewer requests for the heavy "as at" views. */
  requests?: number;
  /** Reads the register snapshots: not on the schema before them. */
  snapshots?: boolean;
}

/** Random but repeatable choices for one request: the school, a document of it, a person of it. */
export interface Pick {
  school: SchoolCast;
  documentId: string;
  staffId: string;
  int(n: number): number;
}

export interface Measured {
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean rows on a page, and the mean total the page reports, to show the answers were not empty by mistake. */
  rows: number;
  total: number;
}

const WORDS = ['олимпиаде', 'бюджете', 'медосмотре', 'Прокуратура', 'Мэрия 4'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const STATES = ['issued', 'in_storage', 'registered', 'classified'];
const DIRS = ['incoming', 'outgoing', 'internal'];
const MARKS = ['official_use', 'personal_data', 'confidential'];
const TYPES = ['ISSUE', 'RETURN', 'CLASSIFY', 'ACKNOWLEDGE'];
const month = (p: Pick) => {
  const m = `${YEARS[p.int(7)]}-${String(1 + p.int(12)).padStart(2, '0')}`;
  return `from=${m}-01&to=${m}-28`;
};

/** The list, filter and search queries of the screens, and the history pages (issue 12). */
export const PROBES: Probe[] = [
  // The floor: a session check and a small answer, no list at all.
  { name: 'floor: GET /api/me', as: 'clerk', path: () => '/api/me' },
  { name: 'documents: newest first', as: 'clerk', path: () => '/api/documents?sort=createdAt&order=desc' },
  {
    name: 'documents: page 100 of 50',
    as: 'clerk',
    path: (p) => `/api/documents?sort=createdAt&order=desc&page=${90 + p.int(20)}`,
  },
  {
    name: 'documents: state filter',
    as: 'clerk',
    path: (p) => `/api/documents?sort=createdAt&order=desc&state=${STATES[p.int(STATES.length)]}`,
  },
  {
    name: 'documents: mark + year',
    as: 'clerk',
    path: (p) => `/api/documents?classification=${MARKS[p.int(3)]}&year=${YEARS[p.int(8)]}&sort=createdAt&order=desc`,
  },
  {
    name: 'documents: holder filter',
    as: 'clerk',
    path: (p) => `/api/documents?holderId=${p.staffId}&sort=createdAt&order=desc`,
  },
  {
    name: 'documents: search word',
    as: 'clerk',
    path: (p) => `/api/documents?q=${encodeURIComponent(WORDS[p.int(WORDS.length)])}&sort=createdAt&order=desc`,
  },
  {
    name: 'documents: search number',
    as: 'clerk',
    path: (p) =>
      `/api/documents?q=${encodeURIComponent(`${['К', 'Ч', 'И'][p.int(3)]}-0${p.int(3)}${p.int(10)}${p.int(10)}/${YEARS[p.int(8)]}`)}`,
  },
  {
    name: 'documents: search, no match',
    as: 'clerk',
    path: (p) => `/api/documents?q=${encodeURIComponent(`жок-${p.int(1000)}`)}`,
  },
  {
    name: 'registration journal: year+dir',
    as: 'clerk',
    path: (p) => `/api/registers/registration?year=${YEARS[p.int(8)]}&direction=${DIRS[p.int(3)]}`,
  },
  {
    name: 'registration journal: last page',
    as: 'clerk',
    path: (p) => `/api/registers/registration?year=${YEARS[p.int(7)]}&page=${30 + p.int(10)}`,
  },
  { name: 'issue journal: newest', as: 'clerk', path: () => '/api/registers/issues?order=desc' },
  { name: 'issue journal: open', as: 'clerk', path: () => '/api/registers/issues?status=open&order=desc' },
  {
    name: 'issue journal: holder',
    as: 'clerk',
    path: (p) => `/api/registers/issues?holderId=${p.staffId}&order=desc`,
  },
  { name: 'audit events: newest', as: 'auditor', path: () => '/api/audit/events' },
  {
    name: 'audit events: type',
    as: 'auditor',
    path: (p) => `/api/audit/events?type=${TYPES[p.int(TYPES.length)]}`,
  },
  { name: 'audit events: actor', as: 'auditor', path: (p) => `/api/audit/events?actor=${p.staffId}` },
  {
    name: 'audit events: one month',
    as: 'auditor',
    path: (p) => `/api/audit/events?${month(p)}`,
  },
  { name: 'audit events: document', as: 'auditor', path: (p) => `/api/audit/events?documentId=${p.documentId}` },
  { name: 'document history page', as: 'clerk', path: (p) => `/api/documents/${p.documentId}/history` },
  { name: 'audit timeline', as: 'auditor', path: (p) => `/api/audit/instances/${p.documentId}/timeline` },
  {
    name: 'as at: registration journal',
    as: 'clerk',
    requests: 20,
    snapshots: true,
    path: (p) => `/api/registers/registration?year=${YEARS[p.int(8)]}&at=${YEARS[p.int(8)]}-12-31T00:00:00Z`,
  },
  {
    name: 'as at: carriers',
    as: 'clerk',
    requests: 20,
    snapshots: true,
    path: (p) => `/api/registers/carriers?at=${YEARS[p.int(8)]}-06-30T00:00:00Z`,
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** A small repeatable generator (mulberry32), so two runs ask the same questions. */
export function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Each probe `requests` times, one at a time (a reader waits for the page), after a few unmeasured warm-ups;
 * the time is the whole HTTP round trip on loopback. A non-200 answer stops the run: a fast error is no result.
 */
export async function measure(
  base: string,
  probe: Probe,
  tokens: Map<string, string>,
  pickFor: (i: number) => Pick,
  requests: number,
): Promise<Measured> {
  const n = probe.requests ? Math.min(probe.requests, requests) : requests;
  const times: number[] = [];
  let rows = 0;
  let total = 0;
  for (let i = -3; i < n; i++) {
    const pick = pickFor(i + 3);
    const path = probe.path(pick);
    const t0 = process.hrtime.bigint();
    const res = await fetch(base + path, {
      headers: { authorization: `Bearer ${tokens.get(`${probe.as}@${pick.school.code}`)}` },
    });
    const text = await res.text();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 200) throw new Error(`${probe.name}: ${res.status} for ${path}: ${text.slice(0, 300)}`);
    if (i < 0) continue;
    times.push(ms);
    const body = JSON.parse(text);
    if (Array.isArray(body)) rows += body.length;
    else if (body.items) {
      rows += body.items.length;
      total += body.total;
    } else if (body.steps) rows += body.steps.length;
  }
  times.sort((a, b) => a - b);
  return {
    name: probe.name,
    n,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    rows: rows / n,
    total: total / n,
  };
}

export function formatMeasured(label: string, m: Measured): string {
  const f = (x: number) => x.toFixed(1).padStart(8);
  return `${label.padEnd(7)} ${m.name.padEnd(32)} n=${String(m.n).padStart(4)} p50 ${f(m.p50)} p95 ${f(m.p95)} p99 ${f(
    m.p99,
  )} ms  rows ${m.rows.toFixed(0).padStart(4)} total ${m.total.toFixed(0).padStart(8)}`;
}
