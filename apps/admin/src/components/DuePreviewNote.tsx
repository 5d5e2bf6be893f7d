import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';

/**
 * The ISSUE form says when the document will be due back before the clerk confirms: the server works
 * it out by the rule the machine applies (R-4.2.3 on the school's calendar), for the time the clerk
 * picked if any, and asks again whenever that time changes.
 */
export function DuePreviewNote({ docId, dueAt }: { docId: string; dueAt: string | undefined }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const preview = useLoad(() => api.duePreview(docId, dueAt), [docId, dueAt]);
  // Not offered to this role, or the time typed is not a time yet: the form still works, the server decides.
  if (preview.error) return null;
  const p = preview.data;
  const at = (iso: string | null) => formatInstant(iso, lang);
  let text: string;
  if (!p) text = t('duePreview.loading');
  else if (p.basis === 'end_of_working_day') text = t('duePreview.endOfDay', { at: at(p.dueAt) });
  else if (p.basis === 'working_days') text = t('duePreview.workingDays', { at: at(p.dueAt) });
  else if (p.basis === 'chosen') text = t('duePreview.chosen', { at: at(p.dueAt) });
  else text = t('duePreview.none');
  const tooLate = p?.latest != null && p.dueAt != null && new Date(p.dueAt) > new Date(p.latest);
  return (
    <div className="due-preview" aria-live="polite" data-testid="due-preview" data-due={p?.dueAt ?? ''}>
      <strong>{t('duePreview.title')}:</strong> {text}
      {tooLate && (
        <p className="warn" data-testid="due-preview-too-late">
          {t('duePreview.tooLate', { latest: at(p!.latest) })}
        </p>
      )}
    </div>
  );
}
