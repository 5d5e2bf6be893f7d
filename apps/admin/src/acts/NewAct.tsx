import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatDate, todayInBishkek } from '../format';
import { useLoad, useRefList, useSubmit } from '../hooks';
import { href, navigate, useUrlState } from '../router';
import { ruleText } from '../rules';
import { hasRole, permissions, useSession } from '../session';
import type { DestructionCandidate } from '../types';
import { Field, LoadError, Loading, PageTitle, Refusal } from '../components/ui';
import { useHorizontalOverflow } from '../components/useHorizontalOverflow';
import { actKindLabel } from './labels';

/**
 * A new act: the clerk drafts a destruction act from the documents whose retention has run out
 * (R-4.1d); the director opens a custody transfer to a newly appointed clerk. The kind is
 * in the address (`#/acts/new?kind=destruction`); a person who may open only one kind gets that one.
 */
export function NewAct(): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const can = permissions(me);
  const kinds = [
    ...(can.createDestruction ? (['destruction'] as const) : []),
    ...(can.createCustody ? (['custody_transfer'] as const) : []),
  ];
  const [f, setF] = useUrlState({ kind: kinds[0] ?? 'destruction' });
  const kind = kinds.find((k) => k === f.kind) ?? kinds[0];

  if (!kind) return <p className="alert alert-error">{t('error.forbidden')}</p>;
  return (
    <section>
      <a href={href('/acts')}>{t('acts.backToList')}</a>
      <PageTitle>{kind === 'destruction' ? t('acts.newDestruction') : t('acts.newCustody')}</PageTitle>
      {kinds.length > 1 && (
        <nav className="tabs" aria-label={t('acts.col.kind')}>
          {kinds.map((k) => (
            <a
              key={k}
              href={href('/acts/new', { kind: k })}
              className={`tab${k === kind ? ' tab-active' : ''}`}
              aria-current={k === kind ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setF({ kind: k });
              }}
            >
              {actKindLabel(t, k)}
            </a>
          ))}
        </nav>
      )}
      {kind === 'destruction' ? <NewDestruction /> : <NewCustodyTransfer />}
    </section>
  );
}

/** R-4.1d in the user's language: from the contract when it knows the rule, else this page's own words. */
function RuleNote({ rule, fallbackKey, testId }: { rule: string; fallbackKey: string; testId: string }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert alert-info rule-note" data-testid={testId}>
      <span className="rule-id">{rule}</span> {ruleText(rule, i18n.language) ?? ''}
      <p className="alert-message">{t(fallbackKey)}</p>
    </div>
  );
}

/**
 * The destruction candidates: a row per original whose file's retention has run out, with its
 * copies. Choosing an original chooses every copy of it too, and they cannot be unchosen while the
 * original stays (R-4.1d: an original is not destroyed while a copy of it lives outside the act).
 */
function NewDestruction(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const candidates = useLoad(() => api.destructionCandidates(), []);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const submit = useSubmit();
  const rows = candidates.data ?? [];
  const scroll = useHorizontalOverflow([rows]);

  const copyOwner = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of rows) for (const k of c.copies) m.set(k.documentId, c.documentId);
    return m;
  }, [rows]);

  function toggleOriginal(c: DestructionCandidate, on: boolean) {
    const next = new Set(chosen);
    for (const id of [c.documentId, ...c.copies.map((k) => k.documentId)]) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setChosen(next);
  }
  function toggleCopy(id: string, on: boolean) {
    const owner = copyOwner.get(id);
    if (!on && owner && chosen.has(owner)) return; // R-4.1d: it goes with its original
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }
  const allChosen = rows.length > 0 && rows.every((c) => chosen.has(c.documentId));
  function toggleAll(on: boolean) {
    setChosen(on ? new Set(rows.flatMap((c) => [c.documentId, ...c.copies.map((k) => k.documentId)])) : new Set());
  }

  const originals = rows.filter((c) => chosen.has(c.documentId)).length;
  const copies = [...chosen].filter((id) => copyOwner.has(id)).length;

  async function create(e: FormEvent) {
    e.preventDefault();
    if (chosen.size === 0) return;
    // Originals first, each followed by its copies: the act lists them in this order.
    const documentIds = rows.flatMap((c) =>
      [c.documentId, ...c.copies.map((k) => k.documentId)].filter((id) => chosen.has(id)),
    );
    await submit.run(async () => {
      const created = await api.createAct({ kind: 'destruction', documentIds });
      navigate(`/acts/${created.id}`);
    });
  }

  return (
    <form onSubmit={create}>
      <RuleNote rule="R-4.1d" fallbackKey="acts.destructionRule" testId="rule-R-4.1d" />
      {candidates.error && <LoadError error={candidates.error} />}
      {!candidates.data && !candidates.error && <Loading />}
      {candidates.data && rows.length === 0 && (
        <p className="muted" data-testid="candidates-empty">
          {t('acts.noCandidates')}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-block">
          <div className="table-tools">
            <span className="muted">{t('acts.candidatesIntro')}</span>
          </div>
          <div
            ref={scroll.ref}
            className={`table-scroll${scroll.overflowing ? ' overflowing' : ''}${scroll.moreRight ? ' more-right' : ''}`}
            tabIndex={scroll.overflowing ? 0 : undefined}
          >
            <table data-testid="candidates">
              <thead>
                <tr>
                  <th scope="col" className="check-col">
                    <input
                      type="checkbox"
                      checked={allChosen}
                      onChange={(e) => toggleAll(e.target.checked)}
                      aria-label={t('acts.chooseAll')}
                      title={t('acts.chooseAll')}
                      data-testid="candidates-all"
                    />
                  </th>
                  <th scope="col">{t('field.regNumber')}</th>
                  <th scope="col">{t('acts.col.fileIndex')}</th>
                  <th scope="col">{t('acts.col.eligibleSince')}</th>
                  <th scope="col">{t('field.title')}</th>
                  <th scope="col">{t('acts.col.copies')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const on = chosen.has(c.documentId);
                  return (
                    <tr
                      key={c.documentId}
                      className={on ? 'row-chosen' : undefined}
                      data-testid="candidate-row"
                      data-id={c.documentId}
                    >
                      <td className="check-col">
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={(e) => toggleOriginal(c, e.target.checked)}
                          aria-label={t('acts.chooseOne', { regNumber: c.regNumber })}
                          data-testid="candidate-check"
                        />
                      </td>
                      <td>
                        <a href={href(`/documents/${c.documentId}`)} className="doc-regnumber">
                          {c.regNumber}
                        </a>
                      </td>
                      <td>{c.fileIndex}</td>
                      <td>{formatDate(c.eligibleSince, lang)}</td>
                      <td>{c.title}</td>
                      <td>
                        {c.copies.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <ul className="copy-checks">
                            {c.copies.map((k) => (
                              <li key={k.documentId}>
                                <label title={on ? t('acts.copyGoesWithOriginal') : undefined}>
                                  <input
                                    type="checkbox"
                                    checked={chosen.has(k.documentId)}
                                    disabled={on}
                                    onChange={(e) => toggleCopy(k.documentId, e.target.checked)}
                                    data-testid="candidate-copy-check"
                                    data-id={k.documentId}
                                  />{' '}
                                  {k.regNumber}
                                </label>
                              </li>
                            ))}
                            {on && <li className="muted small">{t('acts.copyGoesWithOriginal')}</li>}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {submit.error && <Refusal error={submit.error} />}
      <div className="form-actions act-create-bar">
        <span data-testid="candidates-summary" data-count={chosen.size}>
          {t('acts.chosen', { originals, copies })}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={chosen.size === 0 || submit.busy}
          data-testid="act-create"
        >
          {submit.busy ? t('common.busy') : t('acts.createDraft')}
        </button>
      </div>
    </form>
  );
}

/**
 * The director appoints the incoming clerk by order. Grif then builds the inventory of
 * everything in the outgoing clerk's custody. The picker names people; the clerk in office now is
 * shown but cannot take over from themself.
 */
function NewCustodyTransfer(): ReactElement {
  const { t } = useTranslation();
  const people = useRefList('people');
  const submit = useSubmit();
  const [incoming, setIncoming] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState(() => todayInBishkek());
  const fieldError = (name: string) =>
    submit.error?.body.fields?.find((x) => x.field === name || x.field.startsWith(`${name}.`))?.message;

  async function create(e: FormEvent) {
    e.preventDefault();
    await submit.run(async () => {
      const created = await api.createAct({
        kind: 'custody_transfer',
        incomingClerkId: incoming,
        order: { number: orderNumber.trim(), date: orderDate },
      });
      navigate(`/acts/${created.id}`);
    });
  }

  return (
    <form className="panel" onSubmit={create} data-testid="custody-form">
      <RuleNote rule="R-4.2.6" fallbackKey="acts.custodyRule" testId="rule-R-4.2.6" />
      <div className="form-grid">
        <Field label={t('acts.incomingClerk')} error={fieldError('incomingClerkId')}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              required
              value={incoming}
              onChange={(e) => setIncoming(e.target.value)}
              data-testid="custody-incoming"
            >
              <option value="">{t('common.choose')}</option>
              {people.items.map((p) => {
                const current = hasRole(p, 'records_clerk');
                return (
                  <option key={p.id} value={p.id} disabled={current}>
                    {p.displayName}
                    {current ? ` — ${t('acts.currentClerk')}` : ''}
                  </option>
                );
              })}
            </select>
          )}
        </Field>
        <Field label={t('acts.orderNumber')} error={fieldError('order')}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="text"
              required
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.target.value)}
              placeholder="№12-к"
              data-testid="custody-order-number"
            />
          )}
        </Field>
        <Field label={t('acts.orderDate')}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={orderDate}
              onChange={(e) => setOrderDate(e.target.value)}
              data-testid="custody-order-date"
            />
          )}
        </Field>
        {people.error && <LoadError error={people.error} />}
        {submit.error && <Refusal error={submit.error} />}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!incoming || !orderNumber.trim() || submit.busy}
            data-testid="custody-create"
          >
            {submit.busy ? t('common.busy') : t('acts.createCustody')}
          </button>
        </div>
      </div>
    </form>
  );
}
