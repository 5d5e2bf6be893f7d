import type { Actor } from '@grif/domain';
import type { WorkflowEngine } from '@grif/engine';
import { documentRegistration } from '@grif/workflows';
import type { IdentityService } from '../../apps/api/src/identity/identity.service';

/** One document as its client knows it: the version of its last answer and the step it takes next. */
export interface Walked {
  id: string;
  version: number;
  next: number;
}

export interface Cast {
  clerk: Actor;
  holder: Actor;
}

/**
 * The cycle every document goes round: the clerk issues it to the teacher, the teacher signs for it, the clerk
 * takes it back. An open document issued without a due time arms no deadline, so each
 * step is one transition and nothing else: event with its hash, version-checked snapshot, idempotency record,
 * journal projection.
 */
export function cycleStep(cast: Cast, doc: Walked): { type: string; payload: object; actor: Actor } {
  switch (doc.next) {
    case 0:
      return { type: 'ISSUE', payload: { holderId: cast.holder.userId, purpose: 'bench' }, actor: cast.clerk };
    case 1:
      return { type: 'ACKNOWLEDGE', payload: {}, actor: cast.holder };
    default:
      return { type: 'RETURN', payload: {}, actor: cast.clerk };
  }
}

/** Records the answer of the step just taken. */
export function stepTaken(doc: Walked, version: number): void {
  doc.version = version;
  doc.next = (doc.next + 1) % 3;
}

/** A school with a clerk and a teacher who can sign in with `password` (for the run over HTTP). */
export async function foundSchool(identity: IdentityService, password: string): Promise<Cast> {
  const since = `${new Date().getUTCFullYear() - 1}-09-01`;
  const person = (username: string, role: Actor['roles'][number]) => ({
    username,
    displayName: username,
    password,
    roles: [{ role, orderNumber: `bench-${username}`, orderDate: since }],
  });
  const { schoolId, users } = await identity.createSchool('bench', [
    person('clerk', 'records_clerk'),
    person('teacher', 'staff'),
  ]);
  return {
    clerk: { userId: users.clerk, schoolId, roles: ['records_clerk'], kind: 'user' },
    holder: { userId: users.teacher, schoolId, roles: ['staff'], kind: 'user' },
  };
}

/** `n` documents registered, classified open and stored through the engine, ready to be issued. */
export async function storedDocuments(engine: WorkflowEngine, cast: Cast, n: number): Promise<Walked[]> {
  const docs: Walked[] = [];
  for (let i = 0; i < n; i++) {
    const created = await engine.create(
      'document',
      {
        direction: 'internal',
        kind: 'other',
        title: `bench ${i}`,
        correspondent: 'bench',
        documentDate: new Date().toISOString().slice(0, 10),
        pages: 1,
      },
      cast.clerk,
      documentRegistration(cast.clerk.schoolId),
    );
    const id = created.body.id;
    await engine.send(id, 'CLASSIFY', { classification: 'open' }, cast.clerk);
    const stored = await engine.send(id, 'STORE', { location: `shelf ${i}` }, cast.clerk);
    docs.push({ id, version: stored.body.version, next: 0 });
  }
  return docs;
}
