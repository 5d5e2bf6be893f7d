import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useLoad } from '../hooks';
import { href } from '../router';
import { LoadError } from '../components/ui';
import { ActsTable } from './ActsList';

/**
 * "To sign": the acts waiting for my signature now (`GET /api/acts?awaiting=me`), on the home page.
 * The director's final signature makes an act take effect, so the director always sees the panel;
 * anyone else (a commission member, a clerk handing over or taking over) only while something waits.
 */
export function ToSignQueue({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }): ReactElement | null {
  const { t } = useTranslation();
  const queue = useLoad(() => api.acts({ awaiting: 'me' }), []);
  const rows = queue.data ?? [];
  // A role that may not list acts, or nothing waiting: no panel at all for those who only might sign.
  if (hideWhenEmpty && rows.length === 0) return null;
  return (
    <section className="panel to-sign" aria-labelledby="to-sign-h" data-testid="to-sign">
      <h2 id="to-sign-h">
        {t('acts.toSign')} <span className={`count${rows.length ? '' : ' count-zero'}`}>{rows.length}</span>
      </h2>
      {queue.error && !hideWhenEmpty && <LoadError error={queue.error} />}
      {queue.data && <ActsTable rows={rows} empty={t('acts.toSignEmpty')} testId="to-sign-table" compact />}
      {rows.length > 0 && (
        <p className="small">
          <a href={href('/acts', { awaiting: 'me' })}>{t('acts.allAwaiting')}</a>
        </p>
      )}
    </section>
  );
}
