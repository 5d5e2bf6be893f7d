import type { ZodType } from 'zod';
import { GrifError } from '@grif/domain';

/** Parses a payload against its schema; a failure names every bad field and writes nothing. */
export function parsePayload<T>(schema: ZodType<T>, payload: unknown): T {
  const r = schema.safeParse(payload ?? {});
  if (r.success) return r.data;
  // A union (e.g. STORE by cabinet or by location): report the branch that came closest.
  const issues = r.error.issues.flatMap((i) =>
    i.code === 'invalid_union' && Array.isArray((i as { errors?: unknown[][] }).errors)
      ? ([...(i as unknown as { errors: (typeof r.error.issues)[] }).errors].sort((a, b) => a.length - b.length)[0] ?? [
          i,
        ])
      : [i],
  );
  const fields = issues.map((i) => ({
    field: i.path.length
      ? i.path.join('.')
      : i.code === 'unrecognized_keys'
        ? ((i as { keys?: string[] }).keys?.join(',') ?? '(body)')
        : '(body)',
    message: i.message,
  }));
  throw new GrifError('invalid', 'VALIDATION_FAILED', { fields });
}
