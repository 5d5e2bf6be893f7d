import type { Actor } from '@grif/domain';
import type { WorkflowEngine } from '@grif/engine';
import { documentRegistration, RegisterDocument } from '@grif/workflows';
import { REGISTRATION } from './harness';

/** Registers a document the way the API does. */
export async function registerDocument(
  engine: WorkflowEngine,
  clerk: Actor,
  overrides: Partial<RegisterDocument> = {},
) {
  const out = await engine.create(
    'document',
    { ...REGISTRATION, ...overrides },
    clerk,
    documentRegistration(clerk.schoolId),
  );
  return out.body;
}

let n = 0;
export const key = (label = 'k') => `${label}-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`;

/** An open document registered, classified and stored: ready to be issued. Its id. */
export async function storedDocument(engine: WorkflowEngine, clerk: Actor): Promise<string> {
  const doc = await registerDocument(engine, clerk);
  await engine.send(doc.id, 'CLASSIFY', { classification: 'open' }, clerk, { idempotencyKey: key() });
  await engine.send(doc.id, 'STORE', { location: 'Каб. 12' }, clerk, { idempotencyKey: key() });
  return doc.id;
}
