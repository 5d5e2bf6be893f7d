/**
 * The Regulation's rules in the user's words, from the contract (one source for
 * the server's refusals and the screen).
 */
import { RULES } from '@grif/contracts';

const texts: Record<string, Partial<Record<string, string>>> = RULES;

/** "R-4.2.5" in Kyrgyz/Russian/English; undefined for a rule this build does not know. */
export function ruleText(rule: string | undefined, lang: string): string | undefined {
  if (!rule) return undefined;
  const r = texts[rule];
  return r?.[lang] ?? r?.ky;
}
