import type { StreamableFile } from '@nestjs/common';
import type { Page } from '@grif/contracts';
import { csvFile } from '../http/csv';

const COLUMNS = {
  registration: [
    'regNumber',
    'direction',
    'kind',
    'documentDate',
    'correspondent',
    'title',
    'classification',
    'state',
    'createdAt',
  ],
  issues: [
    'regNumber',
    'classification',
    'holderName',
    'purpose',
    'issuedBy',
    'issuedAt',
    'acknowledgedAt',
    'dueAt',
    'overdueAt',
    'returnedAt',
    'condition',
  ],
  copies: ['originalRegNumber', 'copyNumber', 'classification', 'purpose', 'madeBy', 'madeAt'],
  carriers: ['itemType', 'label', 'classification', 'holderName', 'since'],
} as const;

/** JSON pages, or the whole register as a CSV download with `format=csv`. */
export function registerAnswer<T>(
  name: keyof typeof COLUMNS,
  out: { q: { format: string }; page: Page<T> },
): Page<T> | StreamableFile {
  if (out.q.format === 'csv') return csvFile(name, [...COLUMNS[name]], out.page.items as Record<string, unknown>[]);
  return out.page;
}
