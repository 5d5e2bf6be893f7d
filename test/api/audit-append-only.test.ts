import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AuditTrail } from '@grif/audit';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { migrateDatabase, ownerDatabaseSettings, type DatabaseSettings } from '@grif/persistence';
import { ApiHarness, startApi } from '../support/api';
import { key, registerDocument } from '../support/documents';
import { Harness, startGrif, withDemoSchool } from '../support/harness';

/** Settled, not `rejects.toThrow()`: a driver's error class from another jest realm is not seen as an Error. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (err: unknown) => String((err as Error)?.message ?? err),
  );

/** what happened stays as it happened. The history and the ledger of chain heads only grow. */
describe('audit: the history and the ledger of heads are append-only (R-1.5)', () => {
  let api: ApiHarness;
  let instanceId: string;
  beforeAll(async () => {
    api = await startApi();
    instanceId = await api.issuedDocument('official_use');
    expect((await api.call('security', 'POST', '/api/audit/checkpoints')).status).toBe(201);
  });
  afterAll(() => api.close());

  // On PostgreSQL the test server's role is a superuser and owns every table: the trigger still refuses it.
  const sql = (statement: string, params: unknown[] = []) =>
    refusal(api.rt.transactions.run((em) => em.execute(statement, params)));

  it.each([
    ['update workflow_events set payload = ? where instance_id = ?', ['{}']],
    ['delete from workflow_events where instance_id = ?', []],
    ['update chain_checkpoints set at = ? where school_id = ?', ['2020-01-01T00:00:00.000Z']],
    ['delete from chain_checkpoints where school_id = ?', []],
  ])('a trigger refuses `%s`, even to the owner of the tables', async (statement, params) => {
    const target = statement.includes('chain_checkpoints') ? api.schoolId : instanceId;
    expect(await sql(statement, [...params, target])).toMatch(/append-only/);
  });

  it('the history and the ledger are untouched after the refusals, and still grow', async () => {
    expect((await api.call('auditor', 'GET', '/api/audit/verify')).body).toMatchObject({
      ok: true,
      events: 4,
      checkpoints: 1,
    });
    await api.issuedDocument('open');
    expect((await api.call('security', 'POST', '/api/audit/checkpoints')).status).toBe(201);
    expect((await api.call('auditor', 'GET', '/api/audit/verify')).body).toMatchObject({
      ok: true,
      events: 8,
      checkpoints: 2,
    });
  });
});

const server = process.env.DATABASE_URL;
const onPostgres = !!server && /^postgres/.test(server);

// Roles and grants are PostgreSQL's; a SQLite file has no roles (whoever can write the file is its owner).
(onPostgres ? describe : describe.skip)('audit: on PostgreSQL the app role may only read and append (R-1.5)', () => {
  const tag = randomBytes(5).toString('hex');
  const owner = `grif_owner_${tag}`;
  const appRole = `grif_app_${tag}`;
  const dbName = `grif_t_roles_${tag}`;
  const urlOf = (role: string) => {
    const u = new URL(server!);
    u.username = role;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const admin = async (statements: string[]) => {
    const c = new Client({ connectionString: server });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  /** A statement on a connection of `role` of its own: 'done' or the database's refusal. */
  const as = async (role: string, statement: string, params: unknown[] = []) => {
    const c = new Client({ connectionString: urlOf(role) });
    await c.connect();
    try {
      return await refusal(c.query(statement, params));
    } finally {
      await c.end();
    }
  };
  let h: Harness;
  let instanceId: string;

  beforeAll(async () => {
    // The setup SQL of docs/audit.md, on a database of this test's own.
    await admin([
      `create role ${owner} login`,
      `create role ${appRole} login`,
      `create database ${dbName} owner ${owner}`,
    ]);
    // What `npm run db:migrate` does with DATABASE_OWNER_URL: migrate as the owner, grant the app.
    const { db, appRole: grantee } = ownerDatabaseSettings({
      DATABASE_URL: urlOf(appRole),
      DATABASE_OWNER_URL: urlOf(owner),
    });
    expect(grantee).toBe(appRole);
    await migrateDatabase(db, { appRole: grantee });
    // Grif itself runs as the app role.
    const settings: DatabaseSettings = { kind: 'postgresql', target: urlOf(appRole) };
    const { rt, app } = await startGrif('api', settings);
    h = await withDemoSchool({ settings, env: {}, drop: async () => undefined }, rt, app.get(IdentityService));
    instanceId = (await registerDocument(rt.engine, h.actor('clerk'))).id as string;
    expect(await rt.checkpoint()).toBe(1);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await admin([
      `drop database if exists ${dbName} with (force)`,
      `drop role if exists ${appRole}`,
      `drop role if exists ${owner}`,
    ]);
  });

  it('Grif runs as the app role: it appended the history and sealed the ledger, and reads them', async () => {
    expect(await as(appRole, 'select * from workflow_events where instance_id = $1', [instanceId])).toBe('done');
    expect(await as(appRole, 'select * from chain_checkpoints')).toBe('done');
    const trail = await h.rt.app.get(AuditTrail).verify(h.schoolId);
    expect(trail).toMatchObject({ ok: true, instances: 1, events: 1, checkpoints: 1 });
  });

  it.each([
    ['update workflow_events set payload = $1 where instance_id = $2', ['{}', 'I']],
    ['delete from workflow_events where instance_id = $1', ['I']],
    ['truncate workflow_events', []],
    ['update chain_checkpoints set at = $1', ['2020-01-01T00:00:00.000Z']],
    ['delete from chain_checkpoints', []],
    ['truncate chain_checkpoints', []],
  ])(
    'the app role lacks the grant for `%s`; the owner has it, and the trigger refuses it',
    async (statement, params) => {
      const p = params.map((v) => (v === 'I' ? instanceId : v));
      expect(await as(appRole, statement, p)).toMatch(/permission denied for table/);
      expect(await as(owner, statement, p)).toMatch(/append-only/);
    },
  );

  it('the owner cannot switch triggers off for its session: that takes a superuser', async () => {
    expect(await as(owner, 'set session_replication_role = replica')).toMatch(/permission denied/);
  });

  it('the app role cannot rewrite the record of migrations either, but still changes its other tables', async () => {
    expect(await as(appRole, 'delete from mikro_orm_migrations')).toMatch(/permission denied/);
    expect(await as(appRole, 'update workflow_instances set updated_at = updated_at where id = $1', [instanceId])).toBe(
      'done',
    );
  });

  it('a step as the app role goes as one statement with no transaction (its check, grif_moved, is the owner’s)', async () => {
    const before = h.rt.transactions.batches.withoutTransaction;
    const out = await h.rt.engine.send(instanceId, 'CLASSIFY', { classification: 'open' }, h.actor('clerk'), {
      idempotencyKey: key(),
    });
    expect(out.body).toMatchObject({ state: 'classified', version: 2 });
    expect(h.rt.transactions.batches.withoutTransaction).toBe(before + 1);
    expect((await h.rt.app.get(AuditTrail).verify(h.schoolId)).ok).toBe(true);
  });
});
