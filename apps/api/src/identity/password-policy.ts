import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type { FieldIssue } from '@grif/domain';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * The ~49,000 most common passwords of the zxcvbn-ts project (leaked-password lists, ranked), as a set
 * of their lower-case forms: ASVS 6.2.4 asks for a check against at least the top 3,000.
 */
let common: Set<string> | undefined;
/** Built on first use: 430 kB of words that only a change of password reads, kept out of every start. */
function commonPasswords(): Set<string> {
  if (!common) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it with the module
    const { dictionary }: typeof ZxcvbnCommon = require('@zxcvbn-ts/language-common');
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common;
}

/** Length in characters as a person counts them (a Kyrgyz ң is one), after the NFKC form the hash uses. */
const lengthOf = (s: string) => [...s.normalize('NFKC')].length;

/**
 * Why a new password is refused (ASVS 6.2.1, 6.2.4, 6.2.9, 6.2.11): an empty list means it is accepted.
 * No composition rules (ASVS 6.2.5): a long passphrase in any script is fine.
 */
export function passwordProblems(password: string, username: string, field = 'newPassword'): FieldIssue[] {
  const n = lengthOf(password);
  const lower = password.normalize('NFKC').toLowerCase();
  const problems: string[] = [];
  if (n < PASSWORD_MIN) problems.push(`must have at least ${PASSWORD_MIN} characters`);
  if (n > PASSWORD_MAX) problems.push(`must have at most ${PASSWORD_MAX} characters`);
  const name = username.trim().toLowerCase();
  if (name && (lower === name || lower === name.split('@')[0])) problems.push('must not be the username');
  if (commonPasswords().has(lower)) problems.push('is a commonly used password');
  return problems.map((message) => ({ field, message }));
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.normalize('NFKC').toLowerCase());
