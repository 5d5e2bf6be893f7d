/**
 * A clause id of the Regulation as code, comments and test names cite it: `R-3`, `R-4.1d`, `R-4.2.5`. Whole ids only:
 * `R-4.2` is not found inside `R-4.2.5`, nor `R-4.1` inside `R-4.1a`; the full stop ending a sentence is not part of one.
 */
const RULE_ID = /(?<![\w-])R-\d+(?:\.\d+)*[a-z]?(?!\w|\.\d)/g;

/** The clause ids a text names, each once, in the order met. */
export function ruleIdsIn(text: string): string[] {
  return [...new Set(text.match(RULE_ID) ?? [])];
}

/** `R-4.2.5` is a sub-clause of `R-4.2`, `R-4.1a` of `R-4.1`; a clause is not its own. */
export function isSubClauseOf(id: string, parent: string): boolean {
  return id.length > parent.length && id.startsWith(parent) && /^(\.\d|[a-z])/.test(id.slice(parent.length));
}
