import { randomUUID } from 'node:crypto';
import { hasRole, Role } from '@grif/domain';
import { WORKFLOWS } from '@grif/workflows';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../apps/api/src/identity/demo-school';
import type { NewUser } from '../../apps/api/src/identity/identity.service';
import { ApiHarness, eventually, startApi } from '../support/api';
import { expiredDocuments, rendered } from '../support/acts';
import { REGISTRATION } from '../support/harness';
import { Answer, collectionOf, fill, leaked, paramsOf, rawCall, substitutions, UNSAFE } from './matrix-calls';
import { RouteInfo, routesOf, routesWithoutRule } from './route-rules';

/**
 * The access matrix (issue 10, R-5.1): every route of the running app × every demo role × an object of
 * another user and ANOTHER SCHOOL.
 *
 * What counts as refused, for someone else's object:
 * - 403 or 404, with no data of that object;
 * - 400 or 422 only when an id that does not exist at all gets the very same status and code (validation ran
 *   before the lookup, so the answer says nothing about the object: no existence oracle), again with no data.
 * "No data" means: no id, number, name or text of school B appears anywhere in the body (school B's texts all
 * carry the marker B-SECRET), except an id the caller put in the path itself.
 * A route of @Roles refuses every role it does not name with 403 before anything else.
 */

const SECRET = 'B-SECRET';
/** School B: the same roles as the demo school, usernames that cannot collide with it. */
const SCHOOL_B: NewUser[] = DEMO_PEOPLE.map((p) => ({
  ...p,
  username: `b-${p.username}`,
  displayName: `${SECRET} ${p.username}`,
}));
const ROLES_OF = new Map<string, Role[]>(DEMO_PEOPLE.map((p) => [p.username, p.roles.map((r) => r.role)]));
/** One person of each set of roles of the demo school (teacher2 holds the teacher's). */
const A_USERS = DEMO_PEOPLE.map((p) => p.username).filter((u) => u !== 'teacher2');
const order = { number: '№77-к', date: '2026-11-02' };

/** Bodies a client would plausibly send to a route (the empty body is always tried as well). */
const PLAUSIBLE: Record<string, object[]> = {
  'POST /api/documents/:id/events': [
    { type: 'ACKNOWLEDGE' },
    { type: 'RETURN', condition: 'intact' },
    { type: 'COPY', purpose: 'x', count: 1 },
  ],
  'POST /api/breaches/:id/events': [{ type: 'TRIAGE', severity: 'low', personalData: false }, { type: 'CONTAIN' }],
  'POST /api/acts/:id/events': [
    { type: 'REJECT', reason: 'x' },
    { type: 'SIGN', passphrase: DEMO_PASSWORD },
  ],
  'POST /api/acts/:id/signing/:sessionId': [{ signatureValue: 'AAAA' }],
  'POST /api/rooms/:id/cabinets': [{ name: 'x' }],
  'POST /api/people/:id/clearances': [{ kind: 'nda', date: '2026-11-02' }],
  'POST /api/people/:id/clearances/revocations': [{ reason: 'x' }],
  'PUT /api/people/:id/email': [{ email: 'x@example.kg' }],
  'POST /api/notifications/:id/read': [{}],
  'POST /api/users/:id/disable': [{ reason: 'x' }],
  'POST /api/users/:id/appointments': [{ role: 'auditor', orderNumber: '№1', orderDate: '2026-11-02' }],
  'POST /api/users/:id/appointments/:appointmentId/end': [{ orderNumber: '№2', orderDate: '2026-11-02' }],
};
const REFUSED = new Set([403, 404]);
const REFUSED_IF_NO_ORACLE = new Set([400, 422]);

/**
 * An auditor reads and changes nothing; what every signed-in person does to their OWN account is not a change
 * of the school's records: signing out, their password, their signing key, their inbox, and reporting a breach
 * of their own account (R-5.2.3 binds everyone).
 */
const OWN_ACCOUNT_WRITES = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/auth/password',
  'POST /api/me/certificate',
  'POST /api/notifications/:id/read',
  'POST /api/breaches',
]);
/** They end the caller's sessions: the matrix signs in again after them. */
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);

const key = (r: RouteInfo) => `${r.method} ${r.path}`;
const allowed = (r: RouteInfo, user: string) =>
  r.rule.kind !== 'roles' || hasRole({ roles: ROLES_OF.get(user)! }, ...r.rule.roles);

describe('access matrix: every route × every role × an object of another school (R-5.1)', () => {
  let api: ApiHarness;
  let routes: RouteInfo[];
  /** School A's (the demo school's) objects. */
  const a: Record<string, string> = {};
  /** School B's objects, by collection, and every string of B that must not leak. */
  const b: Record<string, string> = {};
  let markers: string[] = [];
  let openapi: {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] } | undefined> | undefined>;
  };

  const as = async (user: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    let r = await rawCall(api.base, api.tokens[user]!, method, path, body);
    if (r.status === 401) {
      await signIn(user);
      r = await rawCall(api.base, api.tokens[user]!, method, path, body);
    }
    return r;
  };
  const signIn = async (user: string) => {
    const r = await rawCall(api.base, null, 'POST', '/api/auth/login', { username: user, password: DEMO_PASSWORD });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${r.text}`);
    api.tokens[user] = (JSON.parse(r.text) as { token: string }).token;
  };
  const ok = async (user: string, method: string, path: string, body?: unknown) => {
    const r = await api.call(user, method, path, body, UNSAFE.has(method) ? { 'idempotency-key': randomUUID() } : {});
    if (r.status >= 300) throw new Error(`${user} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, any>;
  };

  /** The query parameters the OpenAPI document gives a route. */
  const documentedQuery = (route: RouteInfo): string[] => {
    const op = openapi.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
    return (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  };
  /** Values of school B for a query parameter, by its name; none for a parameter that names nothing. */
  const probe = (name: string): string[] => {
    if (/^(holder|user|owner|person|incomingClerk)Id$/.test(name)) return [b.teacher!];
    if (/^(document|original|copy)Id$/.test(name)) return [b.document!];
    if (name === 'cabinetId') return [b.cabinet!];
    if (name === 'roomId') return [b.room!];
    if (name === 'fileId') return [b.file!];
    if (/Id$/.test(name)) return [b.document!, b.teacher!];
    if (['q', 'of', 'account'].includes(name)) return [encodeURIComponent(SECRET)];
    if (name === 'username') return ['b-teacher'];
    if (name === 'format') return ['csv'];
    if (name === 'at') return [new Date().toISOString()];
    return [];
  };

  /** Each route's `:param` → the object of school B it names (by collection), or every object of B when unknown. */
  const foreign = (route: RouteInfo, param: string): string[] => {
    const byCollection: Record<string, string | undefined> = {
      documents: b.document,
      breaches: b.breach,
      acts: b.act,
      notifications: b.notification,
      rooms: b.room,
      people: b.teacher,
      users: b.teacher,
    };
    const known = param === 'id' ? byCollection[collectionOf(route)] : undefined;
    return known ? [known] : Object.values(b);
  };
  /** The same, school A's own: proves the substituted path reaches a handler that finds the object. */
  const own = (route: RouteInfo, param: string): string[] => {
    const byCollection: Record<string, string | undefined> = {
      documents: a.issued,
      breaches: a.breachOfTeacher,
      acts: a.destruction,
      rooms: a.room,
      people: api.ids.teacher,
      users: api.ids.teacher,
    };
    const known = param === 'id' ? byCollection[collectionOf(route)] : undefined;
    return known ? [known] : [];
  };

  beforeAll(async () => {
    api = await startApi({ worker: true, relayPollMs: 200 });
    routes = routesOf(api.app);
    openapi = (await (await fetch(`${api.base}/api/docs-json`)).json()) as typeof openapi;

    // School A: a document issued to the teacher and one in storage; a breach reported by each teacher;
    // a destruction act for the commission and an acceptance-transfer act that names neither.
    a.issued = await api.issuedDocument();
    a.stored = await api.document('official_use');
    a.room = (await ok('clerk', 'GET', '/api/rooms'))[0].id;
    const discoveredAt = new Date(Date.now() - 3600_000).toISOString();
    for (const u of ['teacher', 'teacher2'])
      a[`breachOf${u === 'teacher' ? 'Teacher' : 'Teacher2'}`] = (
        await ok(u, 'POST', '/api/breaches', { system: 'grif', account: u, discoveredAt, description: 'пароль' })
      ).id;
    const { originals } = await expiredDocuments(api, 1);
    a.destruction = (await ok('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals })).id;
    await ok('clerk', 'POST', `/api/acts/${a.destruction}/events`, { type: 'SUBMIT' });
    a.transfer = (
      await ok('director', 'POST', '/api/acts', { kind: 'custody_transfer', incomingClerkId: api.ids.clerk2, order })
    ).id;

    // School B, through the API as its own people.
    const school = await api.identity.createSchool(`${SECRET} school`, SCHOOL_B);
    // Only those who make B's objects sign in: each sign-in is a scrypt of 128 MiB.
    for (const u of ['b-clerk', 'b-security', 'b-teacher', 'b-director']) await signIn(u);
    b.school = school.schoolId;
    b.teacher = school.users['b-teacher']!;
    for (const [u, id] of Object.entries(school.users)) b[`user:${u}`] = id;
    const room = await ok('b-clerk', 'POST', '/api/rooms', { name: `${SECRET} room`, secure: true });
    b.room = room.id;
    b.cabinet = (await ok('b-clerk', 'POST', `/api/rooms/${room.id}/cabinets`, { name: `${SECRET} cabinet` })).id;
    for (const kind of ['nda', 'briefing'])
      b[`clearance:${kind}`] = (
        await ok('b-security', 'POST', `/api/people/${b.teacher}/clearances`, { kind, date: '2026-09-02' })
      ).id;
    b.file = (
      await ok('b-clerk', 'POST', '/api/nomenclature', {
        index: '01-99',
        title: `${SECRET} file`,
        year: 2026,
        retentionYears: 5,
      })
    ).id;
    b.media = (
      await ok('b-clerk', 'POST', '/api/media', {
        label: `${SECRET} USB`,
        kind: 'usb',
        classification: 'official_use',
        holderId: b.teacher,
      })
    ).id;
    b.document = (
      await ok('b-clerk', 'POST', '/api/documents', {
        ...REGISTRATION,
        title: `${SECRET} title`,
        correspondent: `${SECRET} correspondent`,
        fileId: b.file,
      })
    ).id;
    for (const e of [
      { type: 'CLASSIFY', classification: 'official_use' },
      { type: 'STORE', cabinetId: b.cabinet },
      { type: 'ISSUE', holderId: b.teacher, purpose: `${SECRET} purpose` },
    ])
      await ok('b-clerk', 'POST', `/api/documents/${b.document}/events`, e);
    b.breach = (
      await ok('b-teacher', 'POST', '/api/breaches', {
        system: 'grif',
        account: 'b-teacher',
        discoveredAt,
        description: `${SECRET} description`,
      })
    ).id;
    b.act = (
      await ok('b-director', 'POST', '/api/acts', {
        kind: 'custody_transfer',
        incomingClerkId: school.users['b-clerk2'],
        order,
      })
    ).id;
    // The officer is told of the reported breach (the worker delivers it).
    b.notification = await eventually(async () => {
      const inbox = await ok('b-security', 'GET', '/api/notifications');
      return (inbox.items as { id: string }[])[0]?.id;
    }, 15_000);
    // A breach case of a portal account walked to its report act (R-5.2.3): the desks' act, not the records office's.
    a.breachReport = (
      await ok('security', 'POST', '/api/breaches', {
        system: 'portal',
        account: 'teacher2@portal',
        discoveredAt,
        description: 'портал',
        ownerId: api.ids.teacher2,
      })
    ).id;
    for (const [user, e] of [
      ['security', { type: 'TRIAGE', severity: 'low', personalData: false }],
      ['security', { type: 'CONTAIN' }],
      ['support', { type: 'CONFIRM_RESET' }],
      ['security', { type: 'INVESTIGATE', cause: 'phishing', accessed: 'эч нерсе' }],
      ['security', { type: 'REMEDIATE', measures: 'сырсөз алмаштырылды', rebriefing: false }],
      ['security', { type: 'SUBMIT_REPORT' }],
    ] as const)
      await ok(user, 'POST', `/api/breaches/${a.breachReport}/events`, e);
    await rendered(api, a.destruction);
    await rendered(api, a.breachReport, 'security');
    markers = [SECRET, ...SCHOOL_B.map((p) => p.username), ...Object.values(b)];
  }, 180_000);

  afterAll(() => api?.close());

  it('every route carries an access rule (@Public, @Roles or @AnyUser)', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routesWithoutRule(routes)).toEqual([]);
  });

  it("school B's own people see their data: the markers searched for below are real", async () => {
    expect((await as('b-clerk', 'GET', '/api/documents')).text).toContain(`${SECRET} title`);
    expect((await as('b-teacher', 'GET', '/api/breaches')).text).toContain(b.breach);
    expect((await as('b-security', 'GET', `/api/breaches/${b.breach}`)).status).toBe(200);
  });

  /**
   * One call of the matrix judged: a role the route does not name gets 403; an object the caller may not see is
   * refused (see the top of the file); nothing of school B shows. Returns what is wrong, if anything.
   */
  const judge = async (
    user: string,
    route: RouteInfo,
    values: Record<string, string>,
    body: unknown,
  ): Promise<string | undefined> => {
    // A moment the route asks about (holder-at needs one): now, so the handler gets as far as the object.
    const at = documentedQuery(route).includes('at') ? `?at=${new Date().toISOString()}` : '';
    const path = fill(route.path, values) + at;
    const got = await as(user, route.method, path, body);
    if (SESSION_ENDING.has(key(route))) await signIn(user);
    const where = `${user} ${route.method} ${path} ${JSON.stringify(body ?? null)} → ${got.status} ${got.code ?? ''}`;
    const leaks = leaked(got.text, markers, Object.values(values));
    if (leaks.length) return `${where}: shows ${leaks.join(', ')}`;
    if (!allowed(route, user))
      return got.status === 403 ? undefined : `${where}: a role the route does not name must get 403`;
    const params = paramsOf(route.path);
    if (!params.length) return undefined; // a list: judged by what it shows
    if (REFUSED.has(got.status)) return undefined;
    if (REFUSED_IF_NO_ORACLE.has(got.status)) {
      const unknown = Object.fromEntries(params.map((p) => [p, randomUUID()]));
      const other = await as(user, route.method, fill(route.path, unknown) + at, body);
      if (other.status === got.status && other.code === got.code) return undefined;
      return `${where}: an unknown id gets ${other.status} ${other.code ?? ''} (an existence oracle)`;
    }
    return `${where}: not refused`;
  };
  const bodiesOf = (route: RouteInfo) =>
    UNSAFE.has(route.method) ? [{}, ...(PLAUSIBLE[key(route)] ?? [])] : [undefined];

  it("no route answers another school's object with its data, and @Roles refuses every role it does not name", async () => {
    const problems: string[] = [];
    for (const route of routes) {
      if (route.rule.kind === 'public') continue;
      for (const user of A_USERS)
        for (const values of substitutions(route, foreign))
          for (const body of bodiesOf(route)) {
            const problem = await judge(user, route, values, body);
            if (problem) problems.push(problem);
          }
    }
    expect(problems).toEqual([]);
  });

  it('an object the caller may not open on its own page is as unknown on every route that takes an id', async () => {
    // Same school, other people's objects, of every kind: given to a route of another kind (a breach case's id to
    // a document route), the answer must not reveal it either.
    const pageOf: Record<string, string> = {
      [a.issued!]: `/api/documents/${a.issued}`,
      [a.stored!]: `/api/documents/${a.stored}`,
      [a.breachOfTeacher!]: `/api/breaches/${a.breachOfTeacher}`,
      [a.breachOfTeacher2!]: `/api/breaches/${a.breachOfTeacher2}`,
      [a.breachReport!]: `/api/breaches/${a.breachReport}`,
      [a.destruction!]: `/api/acts/${a.destruction}`,
      [a.transfer!]: `/api/acts/${a.transfer}`,
    };
    const problems: string[] = [];
    const withId = routes.filter((r) => r.rule.kind !== 'public' && paramsOf(r.path).includes('id'));
    for (const user of A_USERS) {
      const hidden: string[] = [];
      for (const [id, page] of Object.entries(pageOf))
        if ((await as(user, 'GET', page)).status === 404) hidden.push(id);
      for (const route of withId)
        for (const id of hidden) {
          const values = Object.fromEntries(paramsOf(route.path).map((p) => [p, p === 'id' ? id : randomUUID()]));
          const problem = await judge(user, route, values, UNSAFE.has(route.method) ? {} : undefined);
          if (problem) problems.push(problem);
        }
    }
    expect(problems).toEqual([]);
  });

  it('the matrix reaches the handlers: each route with an id answers some role of school A for its own object', async () => {
    const unreached: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && paramsOf(r.path).length)) {
      const subs = substitutions(route, own);
      if (!subs.length) continue;
      const path =
        fill(route.path, subs[0]!) + (route.path.endsWith('holder-at') ? `?at=${new Date().toISOString()}` : '');
      const statuses = await Promise.all(A_USERS.map(async (u) => (await as(u, 'GET', path)).status));
      if (!statuses.includes(200)) unreached.push(`GET ${path}: ${statuses.join(' ')}`);
    }
    expect(unreached).toEqual([]);
  });

  it('no list, register, search or export shows a row of another school, whatever it is asked about', async () => {
    const problems: string[] = [];
    const lists = routes.filter((r) => r.method === 'GET' && !paramsOf(r.path).length && r.rule.kind !== 'public');
    let answered = 0;
    for (const route of lists) {
      // Each query parameter the route documents, asked about school B (an id, a name, a search), one at a time.
      const queries = ['', ...documentedQuery(route).flatMap((name) => probe(name).map((v) => `?${name}=${v}`))];
      for (const user of A_USERS.filter((u) => allowed(route, u)))
        for (const q of queries) {
          const got = await as(user, 'GET', route.path + q);
          if (got.status === 200) answered++;
          const leaks = leaked(got.text, markers, []);
          if (leaks.length) problems.push(`${user} GET ${route.path}${q} → ${got.status}: shows ${leaks.join(', ')}`);
          if (got.status >= 500) problems.push(`${user} GET ${route.path}${q} → ${got.status}`);
        }
    }
    expect(problems).toEqual([]);
    expect(answered).toBeGreaterThan(lists.length * 2);
  });

  it("a body naming another school's person, cabinet or document is refused and changes nothing", async () => {
    const discoveredAt = new Date(Date.now() - 3600_000).toISOString();
    const attempts: [string, string, string, object][] = [
      ['clerk', 'POST', `/api/documents/${a.stored}/events`, { type: 'ISSUE', holderId: b.teacher, purpose: 'x' }],
      ['clerk', 'POST', `/api/documents/${a.stored}/events`, { type: 'TAKE_OUT' }],
      ['clerk', 'POST', '/api/documents', { ...REGISTRATION, fileId: b.file }],
      ['clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: [b.document] }],
      ['director', 'POST', '/api/acts', { kind: 'custody_transfer', incomingClerkId: b[`user:b-clerk2`], order }],
      ['security', 'POST', '/api/breaches', { system: 'grif', account: 'b-teacher', discoveredAt, description: 'x' }],
      [
        'security',
        'POST',
        '/api/breaches',
        { system: 'portal', account: 'x', discoveredAt, description: 'x', ownerId: b.teacher },
      ],
      ['clerk', 'POST', '/api/media', { label: 'x', kind: 'usb', classification: 'official_use', holderId: b.teacher }],
    ];
    const before = (await as('b-clerk', 'GET', `/api/documents/${b.document}/history`)).text;
    const problems: string[] = [];
    for (const [user, method, path, body] of attempts) {
      const got = await as(user, method, path, body);
      const leaks = leaked(got.text, markers, Object.values(body).map(String));
      if (got.status < 400 || got.status >= 500 || leaks.length)
        problems.push(`${user} ${method} ${path} ${JSON.stringify(body)} → ${got.status} ${got.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect((await as('b-clerk', 'GET', `/api/documents/${b.document}/history`)).text).toBe(before);
  });

  it('a teacher sees only what is issued to them and their own breach reports', async () => {
    const docs = JSON.parse((await as('teacher', 'GET', '/api/documents?pageSize=100')).text) as {
      items: { id: string; holderId: string | null }[];
    };
    expect(docs.items.map((d) => d.id)).toContain(a.issued);
    expect(docs.items.every((d) => d.holderId === api.ids.teacher)).toBe(true);
    const journal = JSON.parse((await as('teacher', 'GET', '/api/registers/registration?pageSize=100')).text) as {
      items: { id: string }[];
    };
    expect(new Set(journal.items.map((d) => d.id))).toEqual(new Set(docs.items.map((d) => d.id)));
    expect(journal.items.map((d) => d.id)).not.toContain(a.stored);
    expect((await as('teacher', 'GET', `/api/documents/${a.stored}`)).status).toBe(404);
    expect((await as('teacher2', 'GET', `/api/documents/${a.issued}`)).status).toBe(404);

    const breaches = JSON.parse((await as('teacher', 'GET', '/api/breaches')).text) as { id: string }[];
    expect(breaches.map((x) => x.id)).toEqual([a.breachOfTeacher]);
    expect((await as('teacher', 'GET', `/api/breaches/${a.breachOfTeacher2}`)).status).toBe(404);
    expect((await as('teacher', 'GET', `/api/breaches/${a.breachOfTeacher2}/history`)).status).toBe(404);
    expect(JSON.parse((await as('teacher', 'GET', '/api/acts')).text)).toEqual([]);
    // The officer's notification (of the teachers' reports) is as unknown to a teacher as a missing one.
    const inbox = JSON.parse((await as('security', 'GET', '/api/notifications')).text) as { items: { id: string }[] };
    expect(inbox.items.length).toBeGreaterThan(0);
    expect((await as('teacher', 'POST', `/api/notifications/${inbox.items[0]!.id}/read`)).status).toBe(404);
    const own = JSON.parse((await as('teacher', 'GET', '/api/notifications')).text) as { items: { id: string }[] };
    expect(own.items.map((n) => n.id)).not.toContain(inbox.items[0]!.id);
  });

  it('an auditor reads everything of their school', async () => {
    const docs = (await as('auditor', 'GET', '/api/documents?pageSize=100')).text;
    for (const id of [a.issued, a.stored]) expect(docs).toContain(id);
    const breaches = (await as('auditor', 'GET', '/api/breaches')).text;
    for (const id of [a.breachOfTeacher, a.breachOfTeacher2]) expect(breaches).toContain(id);
    const acts = (await as('auditor', 'GET', '/api/acts')).text;
    for (const id of [a.destruction, a.transfer]) expect(acts).toContain(id);
    for (const path of [
      `/api/documents/${a.issued}`,
      `/api/documents/${a.issued}/history`,
      `/api/breaches/${a.breachOfTeacher}/history`,
      `/api/acts/${a.transfer}`,
      `/api/acts/${a.destruction}/pdf`,
      `/api/acts/${a.destruction}/verify`,
      '/api/audit/verify',
      '/api/registers/issues',
      '/api/registers/carriers',
      '/api/people',
    ])
      expect([path, (await as('auditor', 'GET', path)).status]).toEqual([path, 200]);
  });

  it("an auditor changes nothing: every unsafe route, every event of every workflow, on the school's own objects", async () => {
    const own: Record<string, string> = { documents: a.issued, breaches: a.breachOfTeacher, acts: a.destruction };
    const events = Object.fromEntries(WORKFLOWS.map((w) => [w.id, Object.keys(w.events)] as const)) as Record<
      string,
      string[]
    >;
    /** Each instance of the school with the events of its own machine. */
    const instances: Record<string, [string, string[]][]> = {
      documents: [[a.issued, events.document!]],
      breaches: [[a.breachOfTeacher, events.breach_case!]],
      acts: [
        [a.destruction, events.destruction!],
        [a.transfer, events.custody_transfer!],
      ],
    };
    const ownIds: Record<string, string> = {
      ...own,
      people: api.ids.teacher!,
      users: api.ids.teacher!,
      rooms: a.room!,
    };
    /** A valid payload where the role is decided after it (events open to 'anyone'); the role gate comes first elsewhere. */
    const EVENT_PAYLOADS: Record<string, object> = {
      SIGN: { passphrase: DEMO_PASSWORD },
      MARK: { documentId: a.issued, present: true },
      REJECT: { reason: 'x' },
    };
    const pages = [
      `/api/documents/${a.issued}/history`,
      `/api/breaches/${a.breachOfTeacher}/history`,
      `/api/acts/${a.destruction}`,
      `/api/acts/${a.transfer}`,
    ];
    const versions = () => Promise.all(pages.map(async (page) => (await as('auditor', 'GET', page)).text));
    const before = await versions();
    const problems: string[] = [];
    for (const route of routes.filter((r) => UNSAFE.has(r.method) && r.rule.kind !== 'public')) {
      if (OWN_ACCOUNT_WRITES.has(key(route))) continue;
      const collection = collectionOf(route);
      if (route.path.endsWith('/events')) {
        if (!instances[collection]) problems.push(`${key(route)}: name its instances and events in this test`);
        for (const [id, types] of instances[collection] ?? [])
          for (const type of types) {
            const got = await as('auditor', route.method, fill(route.path, { id }), {
              type,
              ...(EVENT_PAYLOADS[type] ?? {}),
            });
            // Events open to 'anyone' (the custody transfer's incoming clerk holds no role yet, R-4.2.6) are
            // decided by the machine's guards: 422 citing the rule, or 409 in a state that takes it from nobody.
            const open = WORKFLOWS.some((w) => w.events[type]?.roles === 'anyone');
            const byMachine =
              (got.status === 409 && got.code === 'EVENT_NOT_ACCEPTED') ||
              (got.status === 422 && !!(JSON.parse(got.text) as { rule?: string }).rule);
            if (got.status !== 403 && !(open && byMachine))
              problems.push(`auditor ${type} to ${collection} ${id} → ${got.status} ${got.code ?? ''}`);
          }
        continue;
      }
      // `:id` is the school's own object; any other parameter (a signing session) names something only a signer
      // opens, so the auditor can have none: there 404 (or the 400 of its body, read first) is the refusal.
      const values = Object.fromEntries(
        paramsOf(route.path).map((p) => [p, p === 'id' ? (ownIds[collection] ?? randomUUID()) : randomUUID()]),
      );
      const refusals = Object.keys(values).some((p) => p !== 'id') ? [403, 404, 400] : [403];
      const path = fill(route.path, values);
      const bodies: object[] =
        route.path === '/api/documents'
          ? [REGISTRATION]
          : route.path === '/api/acts'
            ? [
                { kind: 'custody_transfer', incomingClerkId: api.ids.clerk2, order },
                { kind: 'destruction', documentIds: [a.stored] },
              ]
            : [{}, ...(PLAUSIBLE[key(route)] ?? [])];
      for (const body of bodies) {
        const got = await as('auditor', route.method, path, body);
        if (!refusals.includes(got.status))
          problems.push(`auditor ${route.method} ${path} ${JSON.stringify(body)} → ${got.status} ${got.code ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await versions()).toEqual(before);
  });

  it("every act in a person's list is one its page shows them (R-5.1: the list follows each act's own rule)", async () => {
    const problems: string[] = [];
    for (const user of A_USERS) {
      const listed = JSON.parse((await as(user, 'GET', '/api/acts')).text) as { id: string; kind: string }[];
      for (const act of listed) {
        const page = await as(user, 'GET', `/api/acts/${act.id}`);
        if (page.status !== 200)
          problems.push(`${user} lists ${act.kind} ${act.id} but its page answers ${page.status}`);
      }
    }
    expect(problems).toEqual([]);
    // The records clerk reads every destruction and transfer act, not the breach desks' report.
    const clerk = JSON.parse((await as('clerk', 'GET', '/api/acts')).text) as { id: string }[];
    expect(clerk.map((x) => x.id).sort()).toEqual([a.destruction, a.transfer].sort());
  });

  it("R-5.1: a document's route answers for documents only (the clerk may not read a breach case through it)", async () => {
    const at = new Date().toISOString();
    expect((await as('clerk', 'GET', `/api/breaches/${a.breachOfTeacher}`)).status).toBe(404);
    expect((await as('clerk', 'GET', `/api/documents/${a.breachOfTeacher}/holder-at?at=${at}`)).status).toBe(404);
    expect((await as('clerk', 'GET', `/api/documents/${a.transfer}/due-preview`)).status).toBe(404);
    expect((await as('clerk', 'GET', `/api/documents/${a.issued}/holder-at?at=${at}`)).status).toBe(200);
  });

  it('the commission sees the destruction acts it must sign, and no other act', async () => {
    // `support` holds tech_support and commission_member: no records-office role.
    const acts = JSON.parse((await as('support', 'GET', '/api/acts')).text) as { id: string; kind: string }[];
    expect(acts.map((x) => x.id)).toContain(a.destruction);
    expect(acts.map((x) => x.id)).not.toContain(a.transfer);
    expect((await as('support', 'GET', `/api/acts/${a.destruction}`)).status).toBe(200);
    expect((await as('support', 'GET', `/api/acts/${a.transfer}`)).status).toBe(404);
    // The chair signs first: the act waits for them.
    const mine = JSON.parse((await as('security', 'GET', '/api/acts?awaiting=me')).text) as { id: string }[];
    expect(mine.map((x) => x.id)).toContain(a.destruction);
  });
});
