import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api';
import { formatDate, formatInstant } from '../format';
import { useLoad, useSubmit } from '../hooks';
import { eventLabel } from '../labels';
import { href, listHref } from '../router';
import { ruleText } from '../rules';
import type { ActItem, ActView } from '../types';
import { Field, LoadError, Loading, Notice, Refusal } from '../components/ui';
import { useHorizontalOverflow } from '../components/useHorizontalOverflow';
import { ActStateBadge, actHasItems, actHref, actKindLabel, actStateLabel, itemKindLabel } from './labels';
import { PdfLinks, RenderingNotice, SignersPanel, SignForm, useRenderPoll } from './Signing';

/** Events that concern one item: sent from the item's row, never from the act's buttons. */
const ITEM_EVENTS = new Set(['WITHDRAW_ITEM', 'MARK']);
/** The act's own events, in the order their buttons are shown. */
const ACT_EVENTS = ['SUBMIT', 'SIGN', 'REJECT'];

/**
 * One act: what it lists, who has signed and whether each signature verifies, and what may be done
 * now. While the worker renders the PDF the page says so and asks again until it is ready.
 */
export function ActPage({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const act = useLoad(() => api.act(id), [id]);
  const [open, setOpen] = useState<'SIGN' | 'REJECT' | undefined>();
  const [notice, setNotice] = useState<ReactNode>();
  const send = useSubmit();
  const a = act.data;
  const { reload } = act;

  // The PDF is made by a job outside the transition: ask again until the state moves on.
  const rendering = a?.state === 'rendering';
  useRenderPoll(rendering, reload);

  if (act.error && !a) {
    return (
      <section>
        <a href={listHref('acts')}>{t('acts.backToList')}</a>
        <LoadError error={act.error} />
      </section>
    );
  }
  if (!a) return <Loading />;
  // A breach case's report is read and signed on the case's page, beside the case it reports.
  if (!actHasItems(a.kind))
    return (
      <p className="alert alert-info" data-testid="act-elsewhere">
        <a href={actHref(a.kind, a.id)}>
          {actKindLabel(t, a.kind)} {a.number}
        </a>
      </p>
    );

  const available = new Set(a.availableEvents);
  const blocked = (a.blockedEvents ?? []).filter((b) => !available.has(b.type));
  const actions = ACT_EVENTS.filter((e) => available.has(e));

  async function sendEvent(type: string, payload: Record<string, unknown>): Promise<boolean> {
    setNotice(undefined);
    let state: string | undefined;
    const ok = await send.run(async () => {
      state = (await api.sendActEvent(id, type, payload, a!.version)).state;
    });
    if (ok) {
      setNotice(t('acts.accepted', { event: eventLabel(t, type), state: actStateLabel(t, state ?? '') }));
      setOpen(undefined);
      reload();
    }
    return ok;
  }

  // A blocked event can still be tried (as on the document page): the server's refusal names the rule. Its
  // form then opens under the list of blocked events, where the button was.
  const openBlocked = open !== undefined && blocked.some((b) => b.type === open);
  const shown = open !== undefined && (available.has(open) || openBlocked) ? open : undefined;
  const forms = (
    <>
      {shown === 'SIGN' && (
        <SignForm
          busy={send.busy}
          onCancel={() => setOpen(undefined)}
          onSign={(passphrase) => sendEvent('SIGN', { passphrase })}
        />
      )}
      {shown === 'REJECT' && (
        <RejectForm
          busy={send.busy}
          onCancel={() => setOpen(undefined)}
          onReject={(reason) => sendEvent('REJECT', { reason })}
        />
      )}
    </>
  );

  return (
    <section className="act-page">
      <a href={listHref('acts')} data-testid="back-to-acts">
        {t('acts.backToList')}
      </a>
      <header className="doc-header">
        <div>
          <div className="doc-regnumber" data-testid="act-number">
            {a.number}
          </div>
          <h1 data-testid="act-kind" data-value={a.kind}>
            {actKindLabel(t, a.kind)}
          </h1>
        </div>
        <div className="doc-badges">
          <ActStateBadge value={a.state} testId="act-state" />
        </div>
      </header>

      {notice && (
        <Notice>
          <span data-testid="act-notice">{notice}</span>
        </Notice>
      )}
      {rendering && <RenderingNotice />}
      {a.state === 'completed' && (
        <p className="alert alert-ok" data-testid="act-completed">
          {a.kind === 'destruction' ? t('acts.completedDestruction') : t('acts.completedCustody')}
        </p>
      )}
      {a.rejected && (
        <div className="alert alert-refusal" data-testid="act-rejected">
          <div className="alert-title">{t('acts.rejectedTitle')}</div>
          <p className="alert-message">
            {t('acts.rejectedBy', { by: a.rejected.byName, at: formatInstant(a.rejected.at, i18n.language) })}
          </p>
          <p className="alert-message">
            {t('field.reason')}: {a.rejected.reason}
          </p>
        </div>
      )}

      <div className="doc-grid">
        <ActFacts a={a} />
        <section className="panel" aria-labelledby="act-actions-h">
          <h2 id="act-actions-h">{t('doc.actions')}</h2>
          {actions.length === 0 && blocked.length === 0 && <p className="muted">{t('doc.noActions')}</p>}
          {actions.length > 0 && (
            <div className="action-buttons">
              {actions.map((type) =>
                type === 'SUBMIT' ? (
                  <button
                    key={type}
                    type="button"
                    className="btn btn-primary"
                    disabled={send.busy}
                    onClick={() => void sendEvent('SUBMIT', {})}
                    data-testid="action-SUBMIT"
                  >
                    {t('acts.submit')}
                  </button>
                ) : (
                  <button
                    key={type}
                    type="button"
                    className={`btn${open === type || type === 'SIGN' ? ' btn-primary' : ''}`}
                    aria-expanded={open === type}
                    onClick={() => {
                      setNotice(undefined);
                      send.clear();
                      setOpen(open === type ? undefined : (type as 'SIGN' | 'REJECT'));
                    }}
                    data-testid={`action-${type}`}
                  >
                    {eventLabel(t, type)}
                  </button>
                ),
              )}
            </div>
          )}
          {!openBlocked && forms}
          {send.error && <Refusal error={send.error} onReload={reload} />}
          {blocked.length > 0 && (
            <div className="blocked" data-testid="blocked-events">
              <h3>{t('doc.blocked')}</h3>
              <ul>
                {blocked.map((b) => (
                  <li key={b.type} data-testid={`blocked-${b.type}`}>
                    {/* Item events are sent from the items' rows; the act's own can still be tried. */}
                    <button
                      type="button"
                      className="btn btn-blocked"
                      disabled={ITEM_EVENTS.has(b.type) || send.busy}
                      aria-expanded={b.type === 'SUBMIT' ? undefined : open === b.type}
                      onClick={() => {
                        setNotice(undefined);
                        send.clear();
                        if (b.type === 'SUBMIT') void sendEvent('SUBMIT', {});
                        else setOpen(open === b.type ? undefined : (b.type as 'SIGN' | 'REJECT'));
                      }}
                      data-testid={`action-${b.type}`}
                    >
                      {eventLabel(t, b.type)}
                    </button>
                    {b.rule && <span className="rule-id">{b.rule}</span>}
                    <span className="muted">
                      {t(`acts.why.${b.code}`, { defaultValue: '' }) || ruleText(b.rule, i18n.language) || b.code}
                    </span>
                  </li>
                ))}
              </ul>
              {openBlocked && forms}
            </div>
          )}
        </section>
      </div>

      <Items a={a} available={available} busy={send.busy} onEvent={sendEvent} />
      <SignersPanel
        id={a.id}
        signers={a.signers}
        awaiting={a.state === 'awaiting_signatures'}
        pdfSha256={a.pdfSha256}
      />
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function ActFacts({ a }: { a: ActView }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <dl className="facts panel">
      <Fact label={t('acts.col.kind')}>{actKindLabel(t, a.kind)}</Fact>
      <Fact label={t('acts.col.state')}>{actStateLabel(t, a.state)}</Fact>
      <Fact label={t('acts.createdBy')} testId="act-created-by">
        {a.createdBy.name}, {formatInstant(a.createdAt, lang)}
      </Fact>
      {a.completedAt && (
        <Fact label={t('acts.completedAt')} testId="act-completed-at">
          {formatInstant(a.completedAt, lang)}
        </Fact>
      )}
      <Fact label={t('acts.col.items')}>{a.items.length}</Fact>
      {a.order && (
        <Fact label={t('acts.order')} testId="act-order">
          {t('acts.orderOf', { number: a.order.number, date: formatDate(a.order.date, lang) })}
        </Fact>
      )}
      {a.outgoingClerk && (
        <Fact label={t('acts.outgoingClerk')} testId="act-outgoing">
          {a.outgoingClerk.name}
        </Fact>
      )}
      {a.incomingClerk && (
        <Fact label={t('acts.incomingClerk')} testId="act-incoming">
          {a.incomingClerk.name}
        </Fact>
      )}
      <Fact label={t('acts.pdf')} testId="act-pdf-fact">
        <PdfLinks
          id={a.id}
          pdfSha256={a.pdfSha256}
          signed={a.signers.some((s) => s.signedAt)}
          rendering={a.state === 'rendering'}
        />
      </Fact>
    </dl>
  );
}

/** The items: each with its number (a link to the document), title, kind, and for custody whether it was found. */
function Items({
  a,
  available,
  busy,
  onEvent,
}: {
  a: ActView;
  available: Set<string>;
  busy: boolean;
  onEvent: (type: string, payload: Record<string, unknown>) => Promise<boolean>;
}): ReactElement {
  const { t } = useTranslation();
  const scroll = useHorizontalOverflow([a.items]);
  const custody = a.kind === 'custody_transfer';
  const canWithdraw = available.has('WITHDRAW_ITEM');
  const canMark = available.has('MARK');
  const unmarked = custody ? a.items.filter((i) => i.present === null).length : 0;
  const itemBlocked = (a.blockedEvents ?? []).some((b) => ITEM_EVENTS.has(b.type));
  const inAct = useMemo(() => new Set(a.items.map((i) => i.documentId)), [a.items]);
  return (
    <section className="panel" aria-labelledby="act-items-h">
      <h2 id="act-items-h">
        {t('acts.items')} <span className="count">{a.items.length}</span>
      </h2>
      {custody && canMark && (
        <p className="small" data-testid="items-unmarked" data-count={unmarked}>
          {unmarked > 0 ? t('acts.unmarked', { n: unmarked }) : t('acts.allMarked')}
        </p>
      )}
      {a.items.length === 0 ? (
        <p className="muted" data-testid="act-items-empty">
          {t('acts.noItems')}
        </p>
      ) : (
        <div
          ref={scroll.ref}
          className={`table-scroll${scroll.overflowing ? ' overflowing' : ''}${scroll.moreRight ? ' more-right' : ''}`}
          tabIndex={scroll.overflowing ? 0 : undefined}
        >
          <table data-testid="act-items">
            <thead>
              <tr>
                <th scope="col">{t('field.regNumber')}</th>
                <th scope="col">{t('field.title')}</th>
                <th scope="col">{t('acts.col.itemKind')}</th>
                {custody && <th scope="col">{t('acts.col.present')}</th>}
                {(canWithdraw || canMark) && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {a.items.map((i) => (
                <ItemRow
                  key={i.documentId}
                  item={i}
                  inAct={inAct}
                  custody={custody}
                  canWithdraw={canWithdraw}
                  canMark={canMark}
                  busy={busy}
                  onEvent={onEvent}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {itemBlocked && !canWithdraw && !canMark && a.state === 'draft' && (
        <p className="muted small">{t('acts.itemsLocked')}</p>
      )}
    </section>
  );
}

function presentLabel(t: TFunction, present: boolean | null): string {
  return present === null ? t('acts.present.unmarked') : present ? t('acts.present.yes') : t('acts.present.no');
}

function ItemRow({
  item: i,
  inAct,
  custody,
  canWithdraw,
  canMark,
  busy,
  onEvent,
}: {
  item: ActItem;
  /** The ids of every item in the act. */
  inAct: ReadonlySet<string>;
  custody: boolean;
  canWithdraw: boolean;
  canMark: boolean;
  busy: boolean;
  onEvent: (type: string, payload: Record<string, unknown>) => Promise<boolean>;
}): ReactElement {
  const { t } = useTranslation();
  const presentValue = i.present === null ? 'unmarked' : i.present ? 'present' : 'missing';
  const withOriginal = i.copyOfId !== null && inAct.has(i.copyOfId);
  return (
    <tr data-testid="act-item" data-id={i.documentId} data-kind={i.itemKind} data-present={presentValue}>
      <td>
        {/* A carrier (a flash drive, a disk) is not a document: it has no page of its own. */}
        {i.itemKind === 'carrier' ? (
          <span className="doc-regnumber">{i.regNumber}</span>
        ) : (
          <a href={href(`/documents/${i.documentId}`)} className="doc-regnumber" data-testid="act-item-link">
            {i.regNumber}
          </a>
        )}
      </td>
      <td>{i.title}</td>
      <td>{itemKindLabel(t, i.itemKind)}</td>
      {custody && (
        <td>
          <span className={`badge ${i.present === null ? 'badge-pending' : i.present ? 'badge-ok' : 'badge-warn'}`}>
            {presentLabel(t, i.present)}
          </span>
        </td>
      )}
      {(canWithdraw || canMark) && (
        <td>
          <div className="row-actions">
            {canWithdraw && (
              <button
                type="button"
                className="btn btn-small"
                // R-4.1d: a copy stays while its original does (withdraw the original first).
                disabled={busy || withOriginal}
                title={withOriginal ? t('acts.copyStaysWithOriginal') : undefined}
                onClick={() => void onEvent('WITHDRAW_ITEM', { documentId: i.documentId })}
                data-testid="item-withdraw"
              >
                {t('acts.withdraw')}
              </button>
            )}
            {canMark && (
              <>
                <button
                  type="button"
                  className={`btn btn-small${i.present === true ? ' btn-primary' : ''}`}
                  aria-pressed={i.present === true}
                  disabled={busy}
                  onClick={() => void onEvent('MARK', { documentId: i.documentId, present: true })}
                  data-testid="item-mark-present"
                >
                  {t('acts.markPresent')}
                </button>
                <button
                  type="button"
                  className={`btn btn-small${i.present === false ? ' btn-primary' : ''}`}
                  aria-pressed={i.present === false}
                  disabled={busy}
                  onClick={() => void onEvent('MARK', { documentId: i.documentId, present: false })}
                  data-testid="item-mark-missing"
                >
                  {t('acts.markMissing')}
                </button>
              </>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

function RejectForm({
  busy,
  onReject,
  onCancel,
}: {
  busy: boolean;
  onReject: (reason: string) => Promise<boolean>;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="panel action-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void onReject(reason.trim());
      }}
      data-testid="action-form-REJECT"
      aria-label={eventLabel(t, 'REJECT')}
    >
      <h3>{eventLabel(t, 'REJECT')}</h3>
      <p className="small muted">{t('acts.rejectHint')}</p>
      <Field label={t('field.reason')}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            required
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reject-reason"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !reason.trim()} data-testid="reject-submit">
          {busy ? t('common.busy') : eventLabel(t, 'REJECT')}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="action-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
