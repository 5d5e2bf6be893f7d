import { DateTime } from 'luxon';
import { destructionEligibleSince, FieldIssue, GrifError, retentionRunOut } from '@grif/domain';
import type { DocumentFact, Fact } from '../definition';
import type { ActItemEntry } from '../acts';
import type { DestructionContext, DestructionInput } from './machine';

/**
 * R-4.1d: which documents a destruction act may list. Each must lie in storage, outside any other act, in a file
 * whose retention has run out on `day`; an original goes only with every copy of it that still exists.
 * Throws a refusal naming each offending document; otherwise answers the act's lines, originals before copies.
 */
export function destructionItems(listed: Fact | undefined, day: string): ActItemEntry[] {
  const docs = listed?.kind === 'list' ? (listed.items as DocumentFact[]) : [];
  const ids = new Set(docs.map((d) => d.id));
  const issues: FieldIssue[] = [];
  docs.forEach((d, i) => {
    const field = `documentIds.${i}`;
    if (d.state !== 'in_storage') issues.push({ field, message: `${d.regNumber}: not in storage (${d.state})` });
    else if (d.inActId) issues.push({ field, message: `${d.regNumber}: already in a destruction act` });
    else if (!retentionRunOut(d.file, day))
      issues.push({
        field,
        message: `${d.regNumber}: retention runs out ${destructionEligibleSince(d.file) ?? 'never (permanent or unfiled)'}`,
      });
    const outside = d.liveCopyIds.filter((c) => !ids.has(c));
    if (outside.length) issues.push({ field, message: `${d.regNumber}: ${outside.length} copy(ies) not in the act` });
  });
  if (issues.length) throw new GrifError('refused', 'RULE_VIOLATION', { rule: 'R-4.1d', fields: issues });
  const line = (d: DocumentFact): ActItemEntry => ({
    documentId: d.id,
    regNumber: d.regNumber,
    title: d.title,
    itemKind: d.copyOfId ? 'copy' : 'document',
    copyOfId: d.copyOfId,
    fileIndex: d.file?.index ?? null,
    present: null,
  });
  return [...docs.filter((d) => !d.copyOfId), ...docs.filter((d) => d.copyOfId)].map(line);
}

/** What drafting needs from the store, inside the creating transaction: the next act number of the year. */
export interface ActNumbering {
  nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number>;
}

/** The act's number: its kind's letter, its place in the school's year (Asia/Bishkek), the year — "Ж-3/2026". */
export async function numberAct(
  numbers: ActNumbering,
  schoolId: string,
  at: Date,
  letter: string,
  series: string,
): Promise<{ number: string; year: number; day: string }> {
  const local = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' });
  const seq = await numbers.nextJournalNumber(schoolId, local.year, series);
  return { number: `${letter}-${seq}/${local.year}`, year: local.year, day: local.toISODate()! };
}

/** How a clerk drafts a destruction act, in the shape the engine's create() takes (R-4.1d). */
export function destructionDraft(schoolId: string, by: string) {
  return {
    input: async (
      numbers: ActNumbering,
      at: Date,
      _payload: unknown,
      facts: Record<string, Fact>,
      actId: string,
    ): Promise<DestructionInput> => {
      const { number, year, day } = await numberAct(numbers, schoolId, at, 'Ж', 'act:destruction');
      const items = destructionItems(facts.documentIds, day);
      return { actId, number, year, createdAt: at.toISOString(), createdBy: by, items };
    },
    describe: (c: DestructionContext) => ({ number: c.number }),
  };
}
