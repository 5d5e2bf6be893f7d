import type { Response } from 'express';
import type { Page } from '@grif/contracts';
import { sendCsv } from '../http/csv';

const COLUMNS = {
  registration: ['regNumber', 'direction', 'kind', 'documentDate', 'correspondent', 'title', 'classification', 'state', 'createdAt'],
  issues: ['regNumber', 'classification', 'holderName', 'purpose', 'issuedBy', 'issuedAt', 'acknowledgedAt', 'dueAt', 'overdueAt', 'returnedAt', 'condition'],
  copies: ['originalRegNumber', 'copyNumber', 'classification', 'purpose', 'madeBy', 'madeAt'],
  carriers: ['itemType', 'label', 'classification', 'holderName', 'since'],
} as const;

/** JSON pages, or the whole register as CSV with `format=csv`. */
export function answer<T>(res: Response, name: keyof typeof COLUMNS, out: { q: { format: string }; page: Page<T> }) {
  if (out.q.format === 'csv') return sendCsv(res, name, [...COLUMNS[name]], out.page.items as Record<string, unknown>[]);
  return out.page;
}
