import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Field, LoadError, Loading, PageTitle } from '../components/ui';
import { useLoad } from '../hooks';
import { LANG_NAMES } from '../i18n';
import { ruleText } from '../rules';
import type { ComplianceRow } from '../types';

type Status = ComplianceRow['status'];
const STATUSES: readonly Status[] = ['fail', 'not_enforced', 'untested', 'not_run', 'pass'];
const BADGE: Record<Status, string> = {
  pass: 'badge-ok',
  fail: 'badge-bad',
  untested: 'badge-warn',
  not_run: 'badge-pending',
  not_enforced: 'badge-warn',
};
const PRINT_LANGS = ['ky', 'ru'] as const;

/**
 * The compliance matrix (issue 11): each clause of the Regulation, its status, the lines of code that enforce it and
 * the tests that prove it with their latest result. The server generates it from the code and the last test run;
 * this screen only shows it, and offers the printed matrix.
 */
export function Compliance(): ReactElement {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [printLang, setPrintLang] = useState<'ky' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'ky');
  const loaded = useLoad(() => api.compliance(), []);
  const rows = (loaded.data ?? []).filter((r) => !status || r.status === status);

  return (
    <section>
      <PageTitle intro={t('compliance.intro')}>{t('compliance.title')}</PageTitle>
      <div className="filters" role="search">
        <Field label={t('compliance.filter')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value)} data-testid="compliance-status">
              <option value="">{t('compliance.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`compliance.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('compliance.printLang')}>
          {(id) => (
            <select id={id} value={printLang} onChange={(e) => setPrintLang(e.target.value as 'ky' | 'ru')}>
              {PRINT_LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="print-go">
          <a className="btn btn-small" href={api.compliancePdfUrl(printLang)} download data-testid="compliance-print">
            {t('compliance.print')}
          </a>
        </div>
      </div>
      {loaded.error && <LoadError error={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && (
        <div className="table-block">
          <p className="muted">{t('compliance.shown', { n: rows.length })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('compliance.clause')}</th>
                  <th scope="col">{t('compliance.requirement')}</th>
                  <th scope="col">{t('compliance.status')}</th>
                  <th scope="col">{t('compliance.enforcedIn')}</th>
                  <th scope="col">{t('compliance.tests')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ClauseRow key={r.rule} row={r} lang={i18n.language} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

function ClauseRow({ row, lang }: { row: ComplianceRow; lang: string }): ReactElement {
  const { t } = useTranslation();
  // The rule in the reader's language where Grif words it; the clause's title is the Regulation's English rendering.
  const words = ruleText(row.rule, lang);
  const failed = row.tests.filter((x) => x.status === 'fail').length;
  const passed = row.tests.filter((x) => x.status === 'pass').length;
  return (
    <tr data-testid="compliance-row" data-rule={row.rule} data-status={row.status}>
      <th scope="row" className="compliance-rule">
        {row.rule}
      </th>
      <td>
        {words && <div>{words}</div>}
        <div className={words ? 'muted small' : undefined} lang="en">
          {row.title}
        </div>
      </td>
      <td>
        <span className={`badge ${BADGE[row.status]}`}>{t(`compliance.statuses.${row.status}`)}</span>
      </td>
      <td>
        {row.enforcedIn.length === 0 ? (
          <span className="muted">{t('compliance.none')}</span>
        ) : (
          <details>
            <summary>{t('compliance.places', { n: row.enforcedIn.length })}</summary>
            <ul className="small">
              {row.enforcedIn.map((p) => (
                <li key={`${p.file}:${p.line}`}>
                  <code>
                    {p.file}:{p.line}
                  </code>
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td>
        {row.tests.length === 0 ? (
          <span className="muted">{t('compliance.none')}</span>
        ) : (
          <details>
            <summary>{t('compliance.testCount', { n: row.tests.length, pass: passed, fail: failed })}</summary>
            <ul className="small">
              {row.tests.map((x, i) => (
                <li key={`${x.file}-${i}`}>
                  <span
                    className={`badge ${x.status === 'pass' ? 'badge-ok' : x.status === 'fail' ? 'badge-bad' : 'badge-pending'}`}
                  >
                    {t(`compliance.testStatuses.${x.status}`)}
                  </span>{' '}
                  {x.name} <span className="muted">({x.file})</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}
