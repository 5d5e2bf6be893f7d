/**
 * The Regulation's rules in the user's words, straight from libs/domain (one
 * source for the server's refusals and the screen). That file is pure data:
 * lint keeps libs/domain free of I/O, so it is safe in the browser bundle.
 */
import { RULES } from '../../../libs/domain/src/rules';

const texts: Record<string, Partial<Record<string, string>>> = RULES;

/** "R-4.2.5" in Kyrgyz/Russian/English; undefined for a rule this build does not know. */
export function ruleText(rule: string | undefined, lang: string): string | undefined {
  if (!rule) return undefined;
  const r = texts[rule];
  return r?.[lang] ?? r?.ky;
}
