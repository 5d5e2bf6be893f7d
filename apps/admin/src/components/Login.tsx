import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSubmit } from '../hooks';
import type { Me } from '../types';
import { LanguageSwitch } from './Header';
import { Field, Refusal } from './ui';

/** Username and password; a wrong pair shows the server's own sentence. */
export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }): ReactElement {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const s = useSubmit();

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
          <div className="muted small">{t('app.school')}</div>
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
        {s.error && <Refusal error={s.error} />}
        <button type="submit" className="btn btn-primary btn-block" disabled={s.busy} data-testid="login-submit">
          {s.busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
