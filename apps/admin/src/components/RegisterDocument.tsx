import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { rememberRegistration } from '../flash';
import { todayInBishkek } from '../format';
import { toApiError, useRefList } from '../hooks';
import { fieldLabel } from '../labels';
import { navigate } from '../router';
import { DIRECTIONS, DOCUMENT_KINDS, type RegisterDocumentRequest } from '../types';
import { EnumField } from './selects';
import { Field, PageTitle, Refusal } from './ui';

const EMPTY = {
  direction: 'incoming',
  kind: 'letter',
  title: '',
  correspondent: '',
  documentDate: '',
  pages: '1',
  annexes: '',
  fileId: '',
};
type Form = typeof EMPTY;

/** R-4.1b: enter a document in the registration journal; it gets its number (К-0007/2026) and opens. */
export function RegisterDocument(): ReactElement {
  const { t } = useTranslation();
  const files = useRefList('files');
  const [f, setF] = useState<Form>(() => ({ ...EMPTY, documentDate: todayInBishkek() }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const put = (k: keyof Form) => (value: string) => setF((old) => ({ ...old, [k]: value }));
  const set = (k: keyof Form) => (e: { target: { value: string } }) => put(k)(e.target.value);
  const fieldError = (name: string) => error?.body.fields?.find((x) => x.field.split('.')[0] === name)?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const body: RegisterDocumentRequest = {
      direction: f.direction as RegisterDocumentRequest['direction'],
      kind: f.kind as RegisterDocumentRequest['kind'],
      title: f.title.trim(),
      correspondent: f.correspondent.trim(),
      documentDate: f.documentDate,
      pages: Number(f.pages),
    };
    if (f.annexes.trim() !== '') body.annexes = f.annexes.trim();
    if (f.fileId) body.fileId = f.fileId;
    try {
      const out = await api.registerDocument(body);
      // The document's page confirms it, with the number the journal gave it.
      rememberRegistration({ id: out.id, regNumber: out.regNumber });
      navigate(`/documents/${out.id}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <PageTitle intro={t('register.intro')}>{t('register.title')}</PageTitle>
      <form className="panel form-grid" onSubmit={submit} data-testid="register-form">
        <EnumField
          label={t('field.direction')}
          error={fieldError('direction')}
          describe
          field="direction"
          values={DIRECTIONS}
          value={f.direction}
          onChange={put('direction')}
          required
          testId="reg-direction"
        />
        <EnumField
          label={t('field.kind')}
          error={fieldError('kind')}
          describe
          field="kind"
          values={DOCUMENT_KINDS}
          value={f.kind}
          onChange={put('kind')}
          required
          testId="reg-kind"
        />
        <Field label={t('field.title')} error={fieldError('title')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="text"
              maxLength={500}
              value={f.title}
              onChange={set('title')}
              required
              data-testid="reg-title"
              className="wide"
            />
          )}
        </Field>
        <Field label={t('field.correspondent')} error={fieldError('correspondent')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="text"
              maxLength={300}
              value={f.correspondent}
              onChange={set('correspondent')}
              required
              data-testid="reg-correspondent"
            />
          )}
        </Field>
        <Field label={t('field.documentDate')} error={fieldError('documentDate')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="date"
              value={f.documentDate}
              onChange={set('documentDate')}
              required
              data-testid="reg-documentDate"
            />
          )}
        </Field>
        <Field label={t('field.pages')} error={fieldError('pages')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="number"
              min={1}
              max={100000}
              step={1}
              value={f.pages}
              onChange={set('pages')}
              required
              data-testid="reg-pages"
            />
          )}
        </Field>
        <Field label={t('field.annexes')} required={false} error={fieldError('annexes')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              maxLength={500}
              value={f.annexes}
              onChange={set('annexes')}
              data-testid="reg-annexes"
            />
          )}
        </Field>
        <Field label={t('field.fileId')} required={false} error={fieldError('fileId')}>
          {(id, d) => (
            <select id={id} aria-describedby={d} value={f.fileId} onChange={set('fileId')} data-testid="reg-fileId">
              <option value="">{t('register.noFile')}</option>
              {files.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.index} — {x.title} ({x.year})
                </option>
              ))}
            </select>
          )}
        </Field>
        {error && <Refusal error={error} fieldLabel={(n) => fieldLabel(t, n)} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="reg-submit">
            {busy ? t('common.busy') : t('register.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
