import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { bishkekLocalToIso, formatInstant } from '../format';
import { useLoad } from '../hooks';
import type { LoginLogEntry, LoginOutcome } from '../types';
import { Field, LoadError, Loading, PageTitle } from './ui';

const OUTCOMES: readonly LoginOutcome[] = ['success', 'bad_credentials', 'throttled', 'disabled', 'otp_expired'];

/**
 * The sign-in log of the school (issue 10): who signed in, who failed and was throttled, from which
 * client (browser, system, the address masked to its network). The information-security officer
 * supervises it; the auditor reads it. People by name, the name typed beside it.
 */
export function Logins(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [outcome, setOutcome] = useState('');
  const [username, setUsername] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Days of the school's calendar, from the first minute of `from` to the last of `to`, in Bishkek.
  const query = {
    outcome,
    username: username.trim(),
    from: from ? (bishkekLocalToIso(`${from}T00:00`) ?? undefined) : undefined,
    to: to ? (bishkekLocalToIso(`${to}T23:59:59`) ?? undefined) : undefined,
  };
  const loaded = useLoad(() => api.loginLog(query), [JSON.stringify(query)]);

  return (
    <section>
      <PageTitle intro={t('logins.intro')}>{t('logins.title')}</PageTitle>
      <div className="filters" role="search">
        <Field label={t('logins.outcome')}>
          {(id) => (
            <select id={id} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="logins-outcome">
              <option value="">{t('common.all')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`logins.outcomes.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('logins.username')}>
          {(id) => (
            <input
              id={id}
              type="search"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="logins-username"
            />
          )}
        </Field>
        <Field label={t('logins.from')}>
          {(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('logins.to')}>
          {(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      {loaded.error && <LoadError error={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && <LoginTable rows={loaded.data} lang={lang} />}
    </section>
  );
}

function LoginTable({ rows, lang }: { rows: LoginLogEntry[]; lang: string }): ReactElement {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <div className="table-block">
      <p className="muted">{t('common.total', { n: rows.length })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('logins.at')}</th>
              <th scope="col">{t('logins.person')}</th>
              <th scope="col">{t('logins.outcome')}</th>
              <th scope="col">{t('logins.client')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.at}-${i}`} data-testid="login-row">
                <td>{formatInstant(r.at, lang)}</td>
                <td>
                  {r.displayName ?? <span className="muted">{t('logins.noAccount')}</span>}
                  <div className="muted small">{r.username}</div>
                </td>
                <td>
                  <span className={`badge ${r.outcome === 'success' ? 'badge-ok' : 'badge-warn'}`}>
                    {t(`logins.outcomes.${r.outcome}`)}
                  </span>
                </td>
                <td>{r.client}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
