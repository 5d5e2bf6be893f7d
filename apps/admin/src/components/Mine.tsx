import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad, useSubmit } from '../hooks';
import { href } from '../router';
import type { DocumentRow } from '../types';
import { LoadError, Loading, Mark, Notice, PageTitle, Refusal, StateBadge } from './ui';

/** A teacher's page: what is issued to me now, and the button that signs for it. */
export function Mine(): ReactElement {
  const { t } = useTranslation();
  const list = useLoad(() => api.documents({ mine: 1, pageSize: 100, sort: 'dueAt', order: 'asc' }), []);
  return (
    <section>
      <PageTitle intro={t('mine.intro')}>{t('mine.title')}</PageTitle>
      {list.error && <LoadError error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('mine.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="mine-list">
          {list.data.items.map((r) => (
            <MineRow key={r.id} row={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MineRow({ row }: { row: DocumentRow }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The row has no version or receipt time: the document itself says whether I may still acknowledge.
  const view = useLoad(() => api.document(row.id), [row.id]);
  const ack = useSubmit();
  const [done, setDone] = useState(false);
  const d = view.data;
  const canAck = d ? d.availableEvents.includes('ACKNOWLEDGE') : false;

  async function acknowledge() {
    const ok = await ack.run(() => api.sendEvent(row.id, 'ACKNOWLEDGE', {}, d?.version));
    if (ok) {
      setDone(true);
      view.reload();
    }
  }

  return (
    <li className="panel mine-row" data-testid="mine-row" data-id={row.id}>
      <div className="mine-main">
        <a href={href(`/documents/${row.id}`)} className="doc-regnumber">
          {row.regNumber}
        </a>
        <strong>{row.title}</strong>
        <div className="mine-badges">
          <Mark value={row.classification} />
          <StateBadge value={d?.state ?? row.state} />
        </div>
      </div>
      <dl className="mine-facts">
        {d?.holder && (
          <>
            <div>
              <dt>{t('doc.purpose')}</dt>
              <dd>{d.holder.purpose}</dd>
            </div>
            <div>
              <dt>{t('doc.issuedAt')}</dt>
              <dd>{formatInstant(d.holder.issuedAt, lang)}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('doc.due')}</dt>
          <dd>{formatInstant(d?.holder?.dueAt ?? row.dueAt, lang)}</dd>
        </div>
      </dl>
      <div className="mine-actions">
        {d?.holder?.acknowledgedAt && (
          <span className="ok">{t('mine.acknowledged', { at: formatInstant(d.holder.acknowledgedAt, lang) })}</span>
        )}
        {canAck && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={acknowledge}
            disabled={ack.busy}
            data-testid="mine-ack"
          >
            {ack.busy ? t('common.busy') : t('mine.ack')}
          </button>
        )}
      </div>
      {done && <Notice>{t('mine.done')}</Notice>}
      {ack.error && <Refusal error={ack.error} onReload={view.reload} />}
      {view.error && <LoadError error={view.error} />}
    </li>
  );
}
