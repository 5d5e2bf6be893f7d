import { randomUUID } from 'node:crypto';
import type { RouteInfo } from './route-rules';

/** One answer as the matrix reads it: the status, the error code if any, and the raw text to search for leaks. */
export interface Answer {
  status: number;
  code: string | undefined;
  text: string;
}

export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls straight through fetch, not the harness's `call`: the matrix sends what no client would (someone else's
 * ids, empty bodies), and those answers are judged here rather than against the OpenAPI document.
 */
export async function rawCall(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const unsafe = UNSAFE.has(method);
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(unsafe ? { 'content-type': 'application/json', 'idempotency-key': `matrix-${randomUUID()}` } : {}),
    },
    body: unsafe ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text: Buffer.from(text, 'latin1').toString('utf8') };
}

/** `:name` parameters of an Express-style path. */
export const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

export const fill = (path: string, values: Record<string, string>) =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name]!));

/** The collection a route's `:id` belongs to: the first segment after /api (documents, acts, users…). */
export const collectionOf = (route: RouteInfo) => route.path.split('/').filter(Boolean)[1] ?? '';

/** Every combination of candidate values for the route's parameters (at most `cap`). */
export function substitutions(
  route: RouteInfo,
  candidates: (route: RouteInfo, param: string) => string[],
  cap = 12,
): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const p of paramsOf(route.path)) {
    const values = candidates(route, p);
    out = out.flatMap((o) => values.map((v) => ({ ...o, [p]: v })));
  }
  return out.slice(0, cap);
}

/** The strings of another school that must never appear in an answer, except an id the caller sent itself. */
export function leaked(text: string, markers: string[], sent: string[]): string[] {
  return markers.filter((m) => !sent.includes(m) && text.includes(m));
}
