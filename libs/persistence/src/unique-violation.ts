import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * A unique key already taken (on SQLite and PostgreSQL alike, as MikroORM converts both): the caller's
 * conflict, answered 409, never a fault. A repository that knows the rule names it more precisely.
 */
export function isUniqueViolation(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  if (err instanceof UniqueConstraintViolationException) return true;
  return isUniqueViolation((err as { cause?: unknown }).cause, depth + 1);
}
