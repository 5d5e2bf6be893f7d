import { useEffect, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { forgetRegistration, registrationOf } from '../flash';
import { bishkekLocalToIso, formatDate, formatInstant } from '../format';
import { invalidateRefs, useLoad, usePersonName, useSubmit } from '../hooks';
import { eventLabel, optionLabel, stateLabel } from '../labels';
import { href, listHref } from '../router';
import { ruleText } from '../rules';
import { permissions, useSession } from '../session';
import { USER_EVENT_TYPES, type DocumentView, type HolderAt } from '../types';
import { ActionForm } from './ActionForm';
import { History } from './History';
import { Field, LoadError, Loading, Mark, Notice, Refusal, StateBadge } from './ui';

/** Only the events a person sends (the ladder's alarms and DEADLINE_MOVED come from the system). */
const USER_EVENTS = new Set<string>(USER_EVENT_TYPES);

/** One document: its journal entry, where it is, who holds it, what may be done now, and its history. */
export function DocumentPage({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const doc = useLoad(() => api.document(id), [id]);
  const history = useLoad(() => api.history(id), [id]);
  const [open, setOpen] = useState<string | undefined>();
  const [notice, setNotice] = useState<ReactNode>();
  // Shown once, on the page the registration form led to.
  const [registered] = useState(() => registrationOf(id));
  useEffect(() => forgetRegistration(id), [id]);

  function reloadAll() {
    doc.reload();
    history.reload();
  }

  if (doc.error && !doc.data) {
    return (
      <section>
        <a href={listHref('documents')}>{t('doc.backToList')}</a>
        <LoadError error={doc.error} />
      </section>
    );
  }
  if (!doc.data) return <Loading />;
  const d = doc.data;
  const actions = d.availableEvents.filter((e) => USER_EVENTS.has(e));
  const blocked = (d.blockedEvents ?? []).filter((b) => USER_EVENTS.has(b.type) && !actions.includes(b.type));

  const openBlocked = open !== undefined && blocked.some((b) => b.type === open);
  const form =
    open && (actions.includes(open) || openBlocked) ? (
      <ActionForm
        key={`${open}-${d.version}`}
        doc={d}
        type={open}
        onCancel={() => setOpen(undefined)}
        onReload={reloadAll}
        onDone={(accepted) => {
          const done = t('doc.accepted', { event: eventLabel(t, open), state: stateLabel(t, accepted.state) });
          setNotice(accepted.copies?.length ? <NewCopies done={done} copies={accepted.copies} /> : done);
          setOpen(undefined);
          if (open === 'STORE') invalidateRefs('rooms');
          reloadAll();
        }}
      />
    ) : null;

  return (
    <section className="document-page">
      {permissions(me).documents && (
        <a href={listHref('documents')} data-testid="back-to-list">
          {t('doc.backToList')}
        </a>
      )}
      <header className="doc-header">
        <div>
          <div className="doc-regnumber" data-testid="doc-regnumber">
            {d.regNumber}
          </div>
          <h1>{d.title}</h1>
        </div>
        <div className="doc-badges">
          <Mark value={d.classification} testId="doc-classification" />
          <StateBadge value={d.state} testId="doc-state" />
        </div>
      </header>

      {registered && !notice && (
        <Notice>
          <span data-testid="registered-notice">
            ✓ {t('register.done')}{' '}
            <a href={href(`/documents/${registered.id}`)} className="doc-regnumber">
              {registered.regNumber}
            </a>
          </span>{' '}
          · <a href={href('/register')}>{t('register.another')}</a>
        </Notice>
      )}
      {notice && <Notice>{notice}</Notice>}

      <div className="doc-grid">
        <DocumentFacts d={d} />
        <div>
          <section className="panel" aria-labelledby="actions-h">
            <h2 id="actions-h">{t('doc.actions')}</h2>
            {actions.length === 0 && blocked.length === 0 ? (
              <p className="muted">{me.roles.every((r) => r === 'auditor') ? t('doc.readOnly') : t('doc.noActions')}</p>
            ) : (
              <div className="action-buttons">
                {actions.map((type) => (
                  <button
                    key={type}
                    type="button"
                    className={`btn${open === type ? ' btn-primary' : ''}`}
                    aria-expanded={open === type}
                    onClick={() => {
                      setNotice(undefined);
                      setOpen(open === type ? undefined : type);
                    }}
                    data-testid={`action-${type}`}
                  >
                    {eventLabel(t, type)}
                  </button>
                ))}
              </div>
            )}
            {/* The open form right under the button that opened it. */}
            {!openBlocked && form}
            {blocked.length > 0 && (
              <div className="blocked" data-testid="blocked-events">
                <h3>{t('doc.blocked')}</h3>
                <ul>
                  {blocked.map((b) => (
                    <li key={b.type} data-testid={`blocked-${b.type}`}>
                      {/* Still attemptable: the server's refusal names the rule, in the user's language. */}
                      <button
                        type="button"
                        className="btn btn-blocked"
                        aria-expanded={open === b.type}
                        onClick={() => setOpen(open === b.type ? undefined : b.type)}
                        data-testid={`action-${b.type}`}
                      >
                        {eventLabel(t, b.type)}
                      </button>
                      {b.rule && <span className="rule-id">{b.rule}</span>}
                      <span className="muted">{ruleText(b.rule, i18n.language) ?? b.code}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {openBlocked && form}
          </section>
          {permissions(me).holderAt && <HolderAtPanel key={id} id={id} />}
        </div>
      </div>

      <section className="panel" aria-labelledby="history-h">
        <h2 id="history-h">{t('doc.history')}</h2>
        {history.error && <LoadError error={history.error} />}
        {history.data ? <History items={history.data} /> : !history.error && <Loading />}
      </section>
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

/** What a COPY made (R-4.1c): each new copy by its number, a link to it. */
function NewCopies({ done, copies }: { done: string; copies: { id: string; regNumber: string }[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      {done}{' '}
      <span data-testid="new-copies">
        {t('doc.copiesMadeNow')}{' '}
        {copies.map((c, i) => (
          <span key={c.id}>
            {i > 0 && ', '}
            <a href={href(`/documents/${c.id}`)} data-testid="new-copy-link">
              {c.regNumber}
            </a>
          </span>
        ))}
      </span>
    </>
  );
}

function DocumentFacts({ d }: { d: DocumentView }): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language;
  const personName = usePersonName();

  // The server names the cabinet and its room: a holder may not list the rooms, and must not read an id.
  const cabinet: ReactNode = d.cabinet ? (
    <>
      {d.cabinet.roomName}, {d.cabinet.name}
      {d.cabinet.secure && <span className="badge badge-secure">{t('doc.secureRoom')}</span>}
    </>
  ) : null;

  return (
    <dl className="facts panel">
      <Fact label={t('field.direction')}>{optionLabel(t, 'direction', d.direction)}</Fact>
      <Fact label={t('field.kind')}>{optionLabel(t, 'kind', d.kind)}</Fact>
      <Fact label={t('field.correspondent')}>{d.correspondent}</Fact>
      <Fact label={t('field.documentDate')}>{formatDate(d.documentDate, lang)}</Fact>
      <Fact label={t('field.pages')}>{d.pages}</Fact>
      <Fact label={t('field.annexes')}>{d.annexes || '—'}</Fact>
      <Fact label={t('field.classification')}>
        <Mark value={d.classification} />
      </Fact>
      <Fact label={t('field.state')}>{stateLabel(t, d.state)}</Fact>
      <Fact label={t('doc.location')} testId="doc-location">
        {cabinet ?? d.location ?? <span className="muted">{t('doc.notStored')}</span>}
      </Fact>
      <Fact label={t('field.holder')} testId="doc-holder">
        {d.holder ? (
          <>
            <strong>{d.holder.name || personName(d.holder.id)}</strong>
            <div className="small">
              {t('doc.purpose')}: {d.holder.purpose}
            </div>
            <div className="small">
              {t('doc.issuedAt')}: {formatInstant(d.holder.issuedAt, lang)}
            </div>
            <div className="small">
              {d.holder.acknowledgedAt ? (
                t('doc.acknowledged', { at: formatInstant(d.holder.acknowledgedAt, lang) })
              ) : (
                <span className="warn">{t('doc.notAcknowledged')}</span>
              )}
            </div>
          </>
        ) : (
          <span className="muted">{t('doc.noHolder')}</span>
        )}
      </Fact>
      <Fact label={t('doc.due')} testId="doc-due">
        {d.holder?.dueAt ? (
          <time dateTime={d.holder.dueAt} className={d.state === 'overdue' ? 'warn' : undefined}>
            {formatInstant(d.holder.dueAt, lang)}
          </time>
        ) : (
          <span className="muted">{t('doc.noDue')}</span>
        )}
      </Fact>
      <Fact label={t('doc.copyOf')} testId="doc-copyof">
        {d.copyOf ? (
          <>
            <a href={href(`/documents/${d.copyOf.id}`)}>{d.copyOf.regNumber}</a>
            {d.copyNumber != null && <> · {t('documents.copyMark', { n: d.copyNumber })}</>}
          </>
        ) : (
          <span className="muted">{t('doc.notACopy')}</span>
        )}
      </Fact>
      {d.copiesMade != null && (
        <Fact label={t('doc.copiesMade')} testId="doc-copies-made">
          {d.copiesMade > 0 && !d.copyOf && permissions(me).registers ? (
            // R-4.1c: the copy journal, narrowed to this original by its registration number.
            <a href={href('/registers/copies', { of: d.regNumber })} data-testid="doc-copies-link">
              {t('doc.copiesInJournal', { n: d.copiesMade })}
            </a>
          ) : (
            d.copiesMade
          )}
        </Fact>
      )}
      {d.dispatched && (
        <Fact label={t('doc.dispatched')} testId="doc-dispatched">
          {t('doc.dispatchedTo', { addressee: d.dispatched.addressee, at: formatInstant(d.dispatched.at, lang) })}
          {d.dispatched.via && <> · {optionLabel(t, 'via', d.dispatched.via)}</>}
        </Fact>
      )}
      {d.lost && (
        <Fact label={t('doc.lost')} testId="doc-lost">
          <span className="warn">
            {t('doc.lostAt', { at: formatInstant(d.lost.at, lang), by: d.lost.reportedByName })}
          </span>
          <div className="small">{d.lost.circumstances}</div>
        </Fact>
      )}
      <Fact label={t('doc.file')} testId="doc-file">
        {d.file ? (
          <>
            {d.file.index} — {d.file.title}
          </>
        ) : (
          <span className="muted">{t('doc.noFile')}</span>
        )}
      </Fact>
      <Fact label={t('field.destructionEligibleFrom')} testId="doc-destruction">
        {d.destructionEligibleFrom ? formatDate(d.destructionEligibleFrom, lang) : '—'}
      </Fact>
    </dl>
  );
}

/**
 * "Who held it on…": the holder, state and mark the document's history gives for a chosen
 * moment (Bishkek wall time). A 404 means the history had not begun yet: it was registered later.
 */
function HolderAtPanel({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const personName = usePersonName();
  const submit = useSubmit();
  const [local, setLocal] = useState('');
  const [answer, setAnswer] = useState<HolderAt | undefined>();
  const iso = local ? bishkekLocalToIso(local) : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!iso) return;
    setAnswer(undefined);
    await submit.run(async () => setAnswer(await api.holderAt(id, iso)));
  }

  const state = answer?.state ? stateLabel(t, answer.state).toLocaleLowerCase(lang) : '—';
  return (
    <section className="panel" aria-labelledby="holder-at-h">
      <h2 id="holder-at-h">{t('holderAt.title')}</h2>
      <form className="form-inline" onSubmit={onSubmit}>
        <Field label={t('holderAt.moment')} hint={t('common.bishkekTime')}>
          {(fid, d) => (
            <input
              id={fid}
              aria-describedby={d}
              type="datetime-local"
              required
              value={local}
              onChange={(e) => setLocal(e.target.value)}
              data-testid="holder-at-input"
            />
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={!iso || submit.busy} data-testid="holder-at-submit">
          {submit.busy ? t('common.busy') : t('holderAt.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {submit.error &&
          (submit.error.status === 404 ? (
            <p className="muted" data-testid="holder-at-result" data-holder="" data-state="">
              {t('holderAt.notYet')}
            </p>
          ) : (
            <Refusal error={submit.error} />
          ))}
        {answer && (
          <div
            className="holder-at-result"
            data-testid="holder-at-result"
            data-holder={answer.holderId ?? ''}
            data-state={answer.state ?? ''}
          >
            <div className="muted small">{t('holderAt.asAt', { at: formatInstant(answer.at, lang) })}</div>
            <div>
              {answer.holderId ? (
                <>
                  <strong>{personName(answer.holderId)}</strong> — {state}
                </>
              ) : (
                t('holderAt.nobody', { state })
              )}
            </div>
            <div>
              {t('field.classification')}: <Mark value={answer.classification} />
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
