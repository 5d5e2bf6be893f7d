import { createHash, webcrypto } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  ActRecord,
  ActRevision,
  ChainCheckpoint,
  toEventRow,
  WorkflowEvent,
  WorkflowInstance,
  type WriteTransactions,
} from '@grif/persistence';
import type { SchoolSigningKey } from './export-signing-key';

/** The format an offline verifier (tools/audit-verify.mjs) reads; a change of shape is a new number. */
export const BUNDLE_FORMAT = 'grif-audit/1';

export interface BundleSchool {
  id: string;
  name: string;
  code: string | null;
}

/** A payload edited into invalid JSON is exported as the API's verifier reads it, so both name the same break. */
function eventLine(row: WorkflowEvent) {
  let payload: unknown;
  try {
    payload = toEventRow(row).payload;
  } catch {
    payload = { unreadable: row.payload };
  }
  const e = { ...toEventRow({ ...row, payload: 'null' } as WorkflowEvent), payload };
  // Exactly what the chain hash covers (libs/engine eventHash), plus the link's id and hashes;
  // schoolId and instanceId are the manifest's and the instance's.
  return {
    seq: e.seq,
    id: e.id,
    type: e.type,
    at: e.at,
    actorId: e.actorId,
    actorRoles: e.actorRoles,
    fromState: e.fromState,
    toState: e.toState,
    payload: e.payload,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/**
 * The lines after the manifest: every instance with its events (in the order the API's verifier walks them), the
 * ledger of chain heads, then each act's latest (signed) revision. One instance's events are read at a time.
 */
async function* bodyLines(tx: WriteTransactions, schoolId: string, counts: Record<string, number>) {
  const em = tx.reader();
  const instances = await em.find(
    WorkflowInstance,
    { schoolId },
    {
      orderBy: { createdAt: 'asc', id: 'asc' },
      disableIdentityMap: true,
      fields: ['id', 'machineId', 'machineVersion', 'version', 'lastSeq', 'headHash', 'createdAt'],
    },
  );
  for (const i of instances) {
    const rows = await em.find(
      WorkflowEvent,
      { schoolId, instanceId: i.id },
      { orderBy: { seq: 'asc' }, disableIdentityMap: true },
    );
    counts.instances++;
    counts.events += rows.length;
    yield JSON.stringify({
      kind: 'instance',
      id: i.id,
      machine: i.machineId,
      machineVersion: i.machineVersion,
      version: i.version,
      createdAt: i.createdAt,
      lastSeq: i.lastSeq,
      headHash: i.headHash,
      events: rows.map(eventLine),
    });
  }
  const ledger = await em.find(ChainCheckpoint, { schoolId }, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
  for (const c of ledger) {
    counts.checkpoints++;
    yield JSON.stringify({
      kind: 'checkpoint',
      id: c.id,
      seq: c.seq,
      at: c.at,
      heads: JSON.parse(c.heads) as unknown,
      prevHash: c.prevHash,
      hash: c.hash,
    });
  }
  const acts = await em.find(ActRecord, { schoolId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  for (const a of acts) {
    const latest = await em.findOne(
      ActRevision,
      { schoolId, actId: a.id },
      { orderBy: { revision: 'desc' }, disableIdentityMap: true },
    );
    if (!latest) continue;
    counts.acts++;
    yield JSON.stringify({
      kind: 'act',
      id: a.id,
      number: a.number,
      actKind: a.kind,
      state: a.state,
      revision: latest.revision,
      sha256: latest.sha256,
      pdf: Buffer.from(latest.pdf).toString('base64'),
    });
  }
}

/**
 * The whole bundle as JSON Lines: the manifest (counts, the sha256 of lines 2..n joined by "\n", and an ES256
 * signature over its JCS form without `signature`), then the body. The body is held in memory once to be hashed.
 */
export async function buildBundle(
  tx: WriteTransactions,
  school: BundleSchool,
  key: SchoolSigningKey,
  exportedAt: string,
): Promise<string> {
  const counts = { instances: 0, events: 0, checkpoints: 0, acts: 0 };
  const lines: string[] = [];
  for await (const line of bodyLines(tx, school.id, counts)) lines.push(line);
  const body = lines.join('\n');
  const unsigned = {
    kind: 'manifest',
    format: BUNDLE_FORMAT,
    school: { id: school.id, name: school.name, ...(school.code ? { code: school.code } : {}) },
    exportedAt,
    counts,
    digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
  };
  const value = await webcrypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    key.privateKey,
    Buffer.from(canonicalize(unsigned) ?? '', 'utf8'),
  );
  const manifest = {
    ...unsigned,
    signature: {
      alg: 'ES256',
      certificate: Buffer.from(key.certificate).toString('base64'),
      chain: key.chain.map((c) => Buffer.from(c).toString('base64')),
      value: Buffer.from(value).toString('base64'),
    },
  };
  return lines.length ? `${JSON.stringify(manifest)}\n${body}\n` : `${JSON.stringify(manifest)}\n`;
}
