import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSubmit } from '../hooks';
import { formatInstant } from '../format';
import type { Me } from '../types';
import { LanguageSwitch } from './Header';
import { Field, Refusal } from './ui';

/**
 * Username and password; a wrong pair shows the server's own sentence. Too many failures (429) say how
 * long to wait (Retry-After) and until when, and the button rests until then: trying sooner only refuses again.
 */
export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const s = useSubmit();
  const [until, setUntil] = useState<number | undefined>();

  useEffect(() => {
    const wait = s.error?.status === 429 ? s.error.retryAfterS : undefined;
    if (!wait) return;
    const at = Date.now() + wait * 1000;
    setUntil(at);
    const timer = setTimeout(() => setUntil(undefined), wait * 1000);
    return () => clearTimeout(timer);
  }, [s.error]);
  const throttled = until !== undefined && s.error?.status === 429;
  // Before anyone signs in, the school named is the install's: many schools may share it.
  const [school, setSchool] = useState<string | null>(null);
  useEffect(() => {
    api.install().then(
      (i) => setSchool(i.schoolName),
      () => setSchool(null),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await s.run(async () => {
      const out = await api.login(username.trim(), password);
      setPassword('');
      onSignedIn(out.user);
    });
  }

  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <form className="panel auth-card" onSubmit={submit} aria-labelledby="login-h">
        <div className="brand-block">
          <div className="brand">{t('app.name')}</div>
          {school && (
            <div className="muted small" data-testid="login-school">
              {school}
            </div>
          )}
        </div>
        <h1 id="login-h">{t('login.title')}</h1>
        <Field label={t('login.username')}>
          {(id) => (
            <input
              id={id}
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
              autoFocus
            />
          )}
        </Field>
        <Field label={t('login.password')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          )}
        </Field>
        {throttled ? (
          <div className="alert alert-refusal" role="alert" data-testid="login-throttled">
            {t('login.throttled', {
              minutes: Math.max(1, Math.ceil((until - Date.now()) / 60_000)),
              at: formatInstant(new Date(until).toISOString(), i18n.language),
            })}
          </div>
        ) : (
          s.error && <Refusal error={s.error} />
        )}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={s.busy || throttled}
          data-testid="login-submit"
        >
          {s.busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
