import type { EntityManager } from '@mikro-orm/knex';

/**
 * What a write transaction read once and may reuse for the rest of it: group commit runs many units in one
 * transaction, and each unit read its school's settings again — a round trip per event on PostgreSQL. Outside
 * a transaction nothing is kept. A writer that changes what is kept forgets it (`forget`), and group commit
 * forgets everything of a transaction when a unit rolls back to its savepoint, since the unit may have
 * changed a value and then been undone.
 */
export function memoInTransaction<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  const trx = scopeOf(em);
  if (!trx) return load();
  let memo = memos.get(trx);
  if (!memo) memos.set(trx, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    memo.set(key, (value = load()));
    // A failed read is not kept: the next unit reads again.
    value.catch(() => memo.delete(key));
  }
  return value;
}

/** Keeps a value read some other way (a batch's read ahead) unless the transaction already keeps one. */
export function remember<T>(em: EntityManager, key: string, value: T): void {
  const trx = scopeOf(em);
  if (!trx) return;
  let memo = memos.get(trx);
  if (!memo) memos.set(trx, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, Promise.resolve(value));
}

/** Forgets one key of the transaction's memo, or all of it. */
export function forget(em: EntityManager, key?: string): void {
  const trx = scopeOf(em);
  if (!trx) return;
  if (key === undefined) memos.delete(trx);
  else memos.get(trx)?.delete(key);
}

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();
/** The contexts of batches run with no transaction (group-commit.ts): each keeps a memo as a transaction does. */
const untransacted = new WeakSet<object>();

export function memoWithoutTransaction(em: EntityManager): void {
  untransacted.add(em);
}

const scopeOf = (em: EntityManager): object | undefined =>
  em.getTransactionContext<object>() ?? (untransacted.has(em) ? em : undefined);
