import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSubmit } from '../hooks';
import { Field, Refusal } from './ui';

/** The server's reasons for WEAK_PASSWORD (docs/api.md), in the reader's language. */
const REASONS: [RegExp, string][] = [
  [/at least/, 'short'],
  [/at most/, 'long'],
  [/username/, 'username'],
  [/common/, 'common'],
  [/differ/, 'same'],
];

/** A one-time password must be replaced before anything else (the server refuses every other call). */
export function ChangePassword({
  onChanged,
  onSignOut,
}: {
  onChanged: () => void;
  onSignOut: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [f, setF] = useState({ current: '', next: '', repeat: '' });
  const [local, setLocal] = useState<string | undefined>();
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setLocal(undefined);
    if (f.next !== f.repeat) return setLocal(t('password.mismatch'));
    if (f.next.length < 12) return setLocal(t('password.tooShort'));
    if (await s.run(() => api.changePassword(f.current, f.next))) onChanged();
  }

  return (
    <div className="auth-page">
      <form className="panel auth-card" onSubmit={submit} aria-labelledby="pw-h" data-testid="password-form">
        <h1 id="pw-h">{t('password.title')}</h1>
        <p className="intro">{t('password.intro')}</p>
        <Field label={t('password.current')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              value={f.current}
              onChange={(e) => setF({ ...f, current: e.target.value })}
              data-testid="password-current"
            />
          )}
        </Field>
        <Field label={t('password.next')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              value={f.next}
              onChange={(e) => setF({ ...f, next: e.target.value })}
              data-testid="password-new"
            />
          )}
        </Field>
        <Field label={t('password.repeat')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              value={f.repeat}
              onChange={(e) => setF({ ...f, repeat: e.target.value })}
              data-testid="password-repeat"
            />
          )}
        </Field>
        {local && (
          <div className="alert alert-refusal" role="alert" data-testid="password-local-error">
            {local}
          </div>
        )}
        {s.error?.body.code === 'WEAK_PASSWORD' ? (
          <div className="alert alert-refusal" role="alert" data-testid="password-weak">
            <p>{s.error.message}</p>
            <ul>
              {(s.error.body.fields ?? []).map((r) => {
                const key = REASONS.find(([re]) => re.test(r.message))?.[1];
                return <li key={r.message}>{key ? t(`password.reasons.${key}`) : r.message}</li>;
              })}
            </ul>
          </div>
        ) : (
          s.error && <Refusal error={s.error} />
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={s.busy} data-testid="password-submit">
            {t('password.submit')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onSignOut} data-testid="logout">
            {t('header.logout')}
          </button>
        </div>
      </form>
    </div>
  );
}
