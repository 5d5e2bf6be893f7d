import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { toApiError } from '../hooks';
import { eventLabel, fieldLabel } from '../labels';
import { bishkekLocalToIso } from '../format';
import { storeVariantForbidden } from '../picker-rules';
import { formShape, initialValues, toPayload, type FormValues } from '../schema';
import { documentEventJsonSchemas, type DocumentView, type EventAccepted, type JsonSchema } from '../types';
import { DuePreviewNote } from './DuePreviewNote';
import { SchemaForm } from './SchemaForm';
import { Refusal } from './ui';

/** The payload schemas of the contract: the same the server checks with (and serves at /api/schemas/document-events). */
const eventSchemas = documentEventJsonSchemas as Record<string, JsonSchema>;

interface Props {
  doc: DocumentView;
  type: string;
  onDone: (accepted: EventAccepted) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** Smooth, unless the reader asked for less motion. */
function scrollBehavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/**
 * One action on a document: a form built from the event's payload schema, sent once with If-Match.
 * It opens where the user looks: scrolled to the top of the screen, the first field focused; a
 * refusal is scrolled into view as well (at 1366×768 the form used to open below the fold).
 */
export function ActionForm({ doc, type, onDone, onCancel, onReload }: Props): ReactElement {
  const { t } = useTranslation();
  const shape = useMemo(() => formShape(eventSchemas[type] ?? { type: 'object', properties: {} }), [type]);
  const [variant, setVariant] = useState(0);
  const fields = shape.variants[variant] ?? [];
  const [values, setValues] = useState<FormValues>({});
  // A fresh form whenever the schema or the chosen variant changes.
  useEffect(() => setValues(initialValues(shape.variants[variant] ?? [])), [shape, variant]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    form.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    form
      .querySelector<HTMLElement>(
        'input:not([type=hidden]):not(:disabled), select, textarea, [data-testid=action-submit]',
      )
      ?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (error) formRef.current?.querySelector('[data-testid=refusal]')?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const fieldErrors: Record<string, string> = {};
  for (const f of error?.body.fields ?? []) {
    const name = f.field.split('.')[0] ?? f.field;
    if (fields.some((x) => x.name === name)) fieldErrors[name] = f.message;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await api.sendEvent(doc.id, type, toPayload(fields, values), doc.version);
      onDone(accepted);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const title = eventLabel(t, type);
  return (
    <form
      ref={formRef}
      className="panel action-form"
      onSubmit={submit}
      aria-label={title}
      data-testid={`action-form-${type}`}
    >
      <h3>{title}</h3>
      {shape.variants.length > 1 && (
        <fieldset className="variants">
          <legend>{t('action.variant')}</legend>
          {shape.variants.map((v, i) => {
            const name = v.filter((f) => f.required).map((f) => f.name)[0] ?? v[0]?.name ?? String(i);
            // a bare location is no place for a For Official Use document; shown, disabled, with the rule.
            const forbidden = type === 'STORE' ? storeVariantForbidden(t, doc.classification, name) : undefined;
            return (
              <label key={name} className={`variant${forbidden ? ' variant-forbidden' : ''}`}>
                <input
                  type="radio"
                  name={`variant-${type}`}
                  checked={variant === i}
                  disabled={forbidden != null}
                  onChange={() => setVariant(i)}
                  data-testid={`variant-${name}`}
                />
                {v
                  .filter((f) => f.required)
                  .map((f) => fieldLabel(t, f.name))
                  .join(' + ') || fieldLabel(t, name)}
                {forbidden && (
                  <span className="muted small" data-testid={`variant-why-${name}`}>
                    {' '}
                    — ✗ <span className="rule-id">{forbidden.rule}</span> {forbidden.text}
                  </span>
                )}
              </label>
            );
          })}
        </fieldset>
      )}
      {type === 'RECLASSIFY' && !doc.copyOf && doc.copiesMade > 0 && (
        // R-4.1c: copies carry their original's mark; a new mark goes to them in the same step.
        <p className="alert alert-info" data-testid="reclassify-copies-note">
          {t('action.reclassifyCopies', { count: doc.copiesMade })}
        </p>
      )}
      {fields.length === 0 && <p className="muted">{t('action.noFields')}</p>}
      <SchemaForm
        fields={fields}
        values={values}
        onChange={(name, v) => setValues((old) => ({ ...old, [name]: v }))}
        errors={fieldErrors}
        classification={doc.classification}
      />
      {type === 'ISSUE' && (
        <DuePreviewNote
          docId={doc.id}
          dueAt={
            typeof values.dueAt === 'string' && values.dueAt
              ? (bishkekLocalToIso(values.dueAt) ?? undefined)
              : undefined
          }
        />
      )}
      {error && <Refusal error={error} onReload={onReload} fieldLabel={(n) => fieldLabel(t, n)} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="action-submit">
          {busy ? t('common.busy') : `${t('action.submit')}: ${title}`}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="action-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
