import { randomBytes } from 'node:crypto';

/** What a school code and a username look like: lower case, digits, `-`, `_`, `.`; a username never holds `@`. */
export const SCHOOL_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,29}$/;

/**
 * A school's short code, from its name: the number after `№` ("…№35 орто мектеби" → `sch35`), or a random one
 * when the name has none; `-2`, `-3`… when already taken in the install.
 */
export function schoolCodeFor(name: string, taken: ReadonlySet<string>): string {
  const number = /№\s*(\d{1,10})/.exec(name)?.[1];
  const base = number ? `sch${number}` : `sch-${randomBytes(4).toString('hex')}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
