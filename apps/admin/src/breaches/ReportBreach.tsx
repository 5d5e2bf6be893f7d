import { useEffect, useId, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { bishkekLocalToIso, formatInstant, isoToBishkekLocal } from '../format';
import { fieldErrorOf, toApiError, useLoad } from '../hooks';
import { navigate, parseRouteQuery } from '../router';
import { ruleText } from '../rules';
import { useSession } from '../session';
import { BREACH_SYSTEMS, type BreachSystem, type ReportBreachRequest } from '../types';
import { Field, PageTitle, Refusal } from '../components/ui';
import { breachPermissions } from './access';
import { rememberReport } from './flash';
import { systemLabel } from './labels';
import { useReportDue } from './late';

const nowLocal = () => isoToBishkekLocal(new Date().toISOString());

/** What a link may fill in ahead (the sharing signal's "open case"): `#/breaches/new?system=grif&account=…`. */
function prefill() {
  const q = parseRouteQuery(window.location.hash);
  const system = q.get('system');
  const at = q.get('discoveredAt');
  return {
    system: (BREACH_SYSTEMS as readonly string[]).includes(system ?? '') ? (system as BreachSystem) : undefined,
    account: q.get('account') ?? undefined,
    ownerId: q.get('ownerId') ?? undefined,
    discoveredAt: at && !Number.isNaN(Date.parse(at)) ? isoToBishkekLocal(at) : undefined,
    description: q.get('description') ?? undefined,
  };
}

/**
 * "Report a breach", open to everyone signed in: which system, the account, when it was discovered
 * (Bishkek time), what happened. A Grif account is one's own username; technical support and the
 * information-security officer may report for someone else, chosen by name. A report after one working day
 * asks why (the server's 400 names `lateReason`; the calendar lets the form warn ahead).
 */
export function ReportBreach(): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language;
  const forOthers = breachPermissions(me).reportForOthers;
  const [initial] = useState(prefill);
  const [system, setSystem] = useState<BreachSystem>(initial.system ?? 'grif');
  const [forWhom, setForWhom] = useState<'me' | 'other'>(
    forOthers && (initial.ownerId || (initial.account && initial.account !== me.username)) ? 'other' : 'me',
  );
  const [ownerId, setOwnerId] = useState(initial.ownerId ?? '');
  // A Grif account typed by hand: only when the people list cannot be read (the server then names the owner).
  const [typedAccount, setTypedAccount] = useState(initial.account ?? '');
  const [portalAccount, setPortalAccount] = useState(initial.system === 'portal' ? (initial.account ?? '') : '');
  const [discovered, setDiscovered] = useState(initial.discoveredAt ?? nowLocal());
  const [description, setDescription] = useState(initial.description ?? '');
  const [lateReason, setLateReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [serverSaysLate, setServerSaysLate] = useState(false);
  // Who may be named (support too: `GET /api/people/names`); asked only by those who report for others.
  const names = useLoad(() => (forOthers ? api.peopleNames() : Promise.resolve([])), [forOthers]);
  const people = { items: names.data ?? [], error: names.error };
  const ids = { system: useId(), whom: useId() };

  const other = forOthers && forWhom === 'other';
  // A Grif account given ahead (the sharing signal's link) chooses its owner once the people list is there.
  useEffect(() => {
    if (!other || ownerId || !typedAccount) return;
    const p = people.items.find((x) => x.username === typedAccount);
    if (p) setOwnerId(p.id);
  }, [other, ownerId, typedAccount, people.items]);
  const owner = other ? people.items.find((p) => p.id === ownerId) : undefined;
  // From a name: the grif account's username; with no list to pick from, as typed (and a prefilled one as given).
  const pickByName = other && !people.error;
  const grifAccount = !other
    ? me.username
    : pickByName
      ? (owner?.username ?? (ownerId ? '' : typedAccount))
      : typedAccount;
  const account = system === 'grif' ? grifAccount : portalAccount;

  const discoveredIso = useMemo(() => bishkekLocalToIso(discovered), [discovered]);
  const due = useReportDue(discoveredIso);
  const lateByCalendar = due !== undefined && Date.now() > Date.parse(due);
  const askReason = lateByCalendar || serverSaysLate || lateReason !== '';
  const future = discoveredIso !== null && Date.parse(discoveredIso) > Date.now() + 60_000;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !discoveredIso) return;
    setBusy(true);
    setError(undefined);
    const body: ReportBreachRequest = {
      system,
      account: account.trim(),
      discoveredAt: discoveredIso,
      description: description.trim(),
    };
    if (lateReason.trim()) body.lateReason = lateReason.trim();
    // A portal account says nothing of whose it is: the owner is named (for a Grif account, the username does).
    if (other && system === 'portal' && ownerId) body.ownerId = ownerId;
    try {
      const out = await api.reportBreach(body);
      rememberReport(out);
      navigate(`/breaches/${out.id}`);
    } catch (err) {
      const apiErr = toApiError(err);
      // reported after a working day: the server wants the reason.
      if (fieldErrorOf(apiErr, 'lateReason')) setServerSaysLate(true);
      setError(apiErr);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => fieldErrorOf(error, name);
  // a refusal that only wants the reason is said beside the field, in the UI's words; any other in full.
  const onlyLate =
    error?.body.fields !== undefined &&
    error.body.fields.length > 0 &&
    error.body.fields.every((f) => f.field.split('.')[0] === 'lateReason');
  return (
    <section className="breach-report">
      <PageTitle intro={t('breach.report.intro')}>{t('breach.report.title')}</PageTitle>
      <p className="rule-note small" data-testid="rule-R-5.2.3">
        <span className="rule-id">R-5.2.3</span> {ruleText('R-5.2.3', lang) ?? t('breach.report.rule')}
      </p>
      <form className="panel breach-form" onSubmit={submit} data-testid="breach-form" noValidate>
        {forOthers && (
          <fieldset className="field choice" aria-describedby={`${ids.whom}-hint`}>
            <legend>{t('breach.report.forWhom')}</legend>
            {(['me', 'other'] as const).map((w) => (
              <label key={w} className="choice-option">
                <input
                  type="radio"
                  name="breach-whom"
                  value={w}
                  checked={forWhom === w}
                  onChange={() => setForWhom(w)}
                  data-testid={`breach-for-${w}`}
                />{' '}
                {w === 'me' ? t('breach.report.forMe') : t('breach.report.forOther')}
              </label>
            ))}
            <div className="hint" id={`${ids.whom}-hint`}>
              {t('breach.report.forWhomHint')}
            </div>
          </fieldset>
        )}
        {other && !people.error && (
          <Field label={t('breach.report.owner')} error={fieldError('ownerId')}>
            {(id) => (
              <select
                id={id}
                required
                value={ownerId}
                onChange={(e) => setOwnerId(e.target.value)}
                data-testid="breach-owner"
              >
                <option value="">{t('common.choose')}</option>
                {people.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <fieldset className="field choice">
          <legend id={ids.system}>{t('breach.report.system')}</legend>
          {BREACH_SYSTEMS.map((s) => (
            <label key={s} className="choice-option">
              <input
                type="radio"
                name="breach-system"
                value={s}
                checked={system === s}
                onChange={() => setSystem(s)}
                data-testid={`breach-system-${s}`}
              />{' '}
              {systemLabel(t, s)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t('breach.report.account')}
          hint={
            system === 'grif'
              ? other && pickByName
                ? t('breach.report.accountGrifOther')
                : other
                  ? t('breach.report.accountGrifTyped')
                  : t('breach.report.accountGrifMine')
              : t('breach.report.accountPortal')
          }
          error={fieldError('account')}
        >
          {(id, d) =>
            system === 'grif' && (!other || pickByName) ? (
              // Grif's own account is the username: mine, or that of the person chosen above.
              <input id={id} aria-describedby={d} type="text" readOnly value={account} data-testid="breach-account" />
            ) : (
              <input
                id={id}
                aria-describedby={d}
                type="text"
                required
                autoComplete="off"
                value={account}
                onChange={(e) =>
                  system === 'grif' ? setTypedAccount(e.target.value) : setPortalAccount(e.target.value)
                }
                data-testid="breach-account"
              />
            )
          }
        </Field>
        <Field
          label={t('breach.report.discoveredAt')}
          hint={`${t('common.bishkekTime')}. ${
            due ? t('breach.report.dueHint', { at: formatInstant(due, lang) }) : t('breach.report.discoveredHint')
          }`}
          error={fieldError('discoveredAt') ?? (future ? t('breach.report.future') : undefined)}
        >
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="datetime-local"
              required
              max={nowLocal()}
              value={discovered}
              onChange={(e) => setDiscovered(e.target.value)}
              data-testid="breach-discovered-at"
            />
          )}
        </Field>
        <Field
          label={t('breach.report.description')}
          hint={t('breach.report.descriptionHint')}
          error={fieldError('description')}
        >
          {(id, d) => (
            <textarea
              id={id}
              aria-describedby={d}
              rows={4}
              required
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              data-testid="breach-description"
            />
          )}
        </Field>
        {askReason && (
          <div className="late-block" data-testid="breach-late" data-asked={onlyLate ? 'server' : 'calendar'}>
            <p className="alert alert-error" data-testid="breach-late-warning">
              <span className="rule-id">R-5.2.3</span>{' '}
              {due ? t('breach.report.lateSince', { at: formatInstant(due, lang) }) : t('breach.report.lateServer')}
            </p>
            <Field
              label={t('breach.report.lateReason')}
              error={onlyLate ? t('breach.report.lateReasonRequired') : fieldError('lateReason')}
            >
              {(id, d) => (
                <textarea
                  id={id}
                  aria-describedby={d}
                  rows={3}
                  required
                  value={lateReason}
                  onChange={(e) => setLateReason(e.target.value)}
                  data-testid="breach-late-reason"
                />
              )}
            </Field>
          </div>
        )}
        {error && !onlyLate && (
          <Refusal error={error} fieldLabel={(f) => t(`breach.field.${f}`, { defaultValue: f })} />
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !account.trim() || !description.trim() || !discoveredIso || future}
            data-testid="breach-submit"
          >
            {busy ? t('common.busy') : t('breach.report.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
