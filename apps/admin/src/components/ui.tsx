import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import type { ErrorBody } from '../types';

/** A labelled form control: the label is tied to the control, the error is announced with it. */
export function Field(props: {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactElement;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required === false && <span className="optional"> ({t('common.optional')})</span>}
      </label>
      {props.children(id, describedBy)}
      {props.hint && (
        <div className="hint" id={hintId}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div className="field-error" id={errId}>
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A checkbox with its label on the right. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
  error?: string;
}): ReactElement {
  const id = useId();
  return (
    <div className={`field field-check${props.error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.error && <div className="field-error">{props.error}</div>}
    </div>
  );
}

/** "R-4.2.5: text" → "text" when the rule is shown beside it anyway. */
function stripRulePrefix(message: string, rule: string | undefined): string {
  if (!rule) return message;
  const prefix = `${rule}:`;
  return message.startsWith(prefix) ? message.slice(prefix.length).trim() : message;
}

/** Refusals that a fresh look at the document answers: it moved on since the page read it. */
const RELOAD_HELPS: readonly ErrorBody['code'][] = ['STALE_VERSION', 'EVENT_NOT_ACCEPTED'];

/**
 * The server said no. A rule refusal shows the rule id and the server's own
 * sentence (already in the user's language); a bad payload lists its fields.
 */
export function Refusal({
  error,
  onReload,
  fieldLabel,
}: {
  error: ApiError;
  onReload?: () => void;
  fieldLabel?: (name: string) => string;
}): ReactElement {
  const { t } = useTranslation();
  const b = error.body;
  const message = b.statusCode === 0 ? t('error.NETWORK') : b.message || t('error.generic', { status: b.statusCode });
  return (
    <div className="alert alert-refusal" role="alert" data-testid="refusal">
      <div className="alert-title">
        {t('refusal.title')}
        {b.rule && (
          <span className="rule-id" data-testid="refusal-rule" title={t('refusal.rule')}>
            {b.rule}
          </span>
        )}
      </div>
      <p className="alert-message" data-testid="refusal-message">
        {stripRulePrefix(message, b.rule)}
      </p>
      {b.fields && b.fields.length > 0 && (
        <div className="alert-fields">
          {t('refusal.fields')}
          <ul>
            {b.fields.map((f, i) => (
              <li key={`${f.field}-${i}`}>
                <strong>{fieldLabel ? fieldLabel(f.field) : f.field}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="alert-meta">
        {b.statusCode > 0 && (
          <span>
            HTTP {b.statusCode} · {t('refusal.code')}: {b.code}
          </span>
        )}
        {onReload && RELOAD_HELPS.includes(b.code) && (
          <button type="button" className="btn btn-small" onClick={onReload}>
            {t('refusal.reload')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A quiet one-line error for lists that failed to load. */
export function LoadError({ error }: { error: ApiError }): ReactElement {
  const { t } = useTranslation();
  const b = error.body;
  const msg =
    b.statusCode === 0
      ? t('error.NETWORK')
      : b.statusCode === 404
        ? t('error.notFoundItem')
        : b.message || t('error.generic', { status: b.statusCode });
  return (
    <div className="alert alert-error" role="alert">
      {msg}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }): ReactElement {
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}

export function Loading(): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** The classification mark (гриф) as a stamp-like badge. */
export function Mark({ value, testId }: { value: string | null | undefined; testId?: string }): ReactElement {
  const { t } = useTranslation();
  const key = value ?? 'none';
  return (
    <span className={`mark mark-${key}`} data-testid={testId} data-value={key}>
      {t(`classification.${key}`, { defaultValue: key })}
    </span>
  );
}

export function StateBadge({ value, testId }: { value: string; testId?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={`state state-${value}`} data-testid={testId} data-value={value}>
      {t(`state.${value}`, { defaultValue: value })}
    </span>
  );
}

export function PageTitle({ children, intro }: { children: ReactNode; intro?: string }): ReactElement {
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {intro && <p className="intro">{intro}</p>}
    </div>
  );
}
