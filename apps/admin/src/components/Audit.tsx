import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSubmit } from '../hooks';
import { href } from '../router';
import { permissions, useSession } from '../session';
import type { VerifyResult } from '../types';
import { PageTitle, Refusal } from './ui';

/** The auditor's check: recompute every hash chain of the school and name the first broken link. */
export function Audit(): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const canSeal = permissions(me).seal;
  const [result, setResult] = useState<VerifyResult | undefined>();
  const [sealed, setSealed] = useState<string | undefined>();
  const s = useSubmit();

  async function verify() {
    setResult(undefined);
    await s.run(async () => setResult(await api.verify()));
  }

  async function seal() {
    setSealed(undefined);
    await s.run(async () => {
      const a = await api.seal();
      setSealed('unchanged' in a ? t('audit.unchanged') : t('audit.sealed', { seq: a.seq, heads: a.heads }));
    });
  }

  return (
    <section>
      <PageTitle intro={t('audit.intro')}>{t('audit.title')}</PageTitle>
      <button type="button" className="btn btn-primary" onClick={verify} disabled={s.busy} data-testid="audit-verify">
        {s.busy ? t('audit.verifying') : t('audit.verify')}
      </button>{' '}
      {canSeal && (
        <button type="button" className="btn" onClick={seal} disabled={s.busy} data-testid="audit-seal">
          {t('audit.seal')}
        </button>
      )}
      {/* The auditor only reads: sealing is a write, so it is not offered (the server refuses it too). */}
      <p className="muted small" data-testid="audit-seal-note">
        {canSeal ? t('audit.sealNote') : t('audit.sealNoteReadOnly')}
      </p>
      {sealed && <p data-testid="audit-sealed">{sealed}</p>}
      {s.error && <Refusal error={s.error} />}
      {result && (
        <div
          className={`alert ${result.ok ? 'alert-ok' : 'alert-refusal'}`}
          role="status"
          data-testid="audit-result"
          data-ok={result.ok}
        >
          <div className="alert-title">{result.ok ? `✓ ${t('audit.ok')}` : `✗ ${t('audit.broken')}`}</div>
          <p>
            {t('audit.instances')}: <strong>{result.instances}</strong> · {t('audit.events')}:{' '}
            <strong>{result.events}</strong> · {t('audit.checkpoints')}: <strong>{result.checkpoints}</strong>
          </p>
          {result.firstBreak && (
            <dl className="facts" data-testid="audit-break">
              <div className="fact">
                <dt>{t('audit.instance')}</dt>
                <dd>
                  <a href={href(`/documents/${result.firstBreak.instanceId}`)}>
                    <code>{result.firstBreak.instanceId}</code>
                  </a>
                </dd>
              </div>
              <div className="fact">
                <dt>{t('audit.seq')}</dt>
                <dd>{result.firstBreak.seq}</dd>
              </div>
              {result.firstBreak.eventId && (
                <div className="fact">
                  <dt>{t('audit.event')}</dt>
                  <dd>
                    <code>{result.firstBreak.eventId}</code>
                  </dd>
                </div>
              )}
              <div className="fact">
                <dt>{t('audit.problem')}</dt>
                <dd data-testid="audit-problem">{t(`audit.problems.${result.firstBreak.problem}`)}</dd>
              </div>
              <div className="fact">
                <dt>{t('audit.reason')}</dt>
                <dd>{t(`audit.reasons.${result.firstBreak.reason}`, { defaultValue: result.firstBreak.reason })}</dd>
              </div>
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
