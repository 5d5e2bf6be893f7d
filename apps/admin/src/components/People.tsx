import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatDate, todayInBishkek } from '../format';
import { fieldErrorOf, invalidateRefs, useRefList, useSubmit } from '../hooks';
import { fieldLabel, roleLabel } from '../labels';
import { permissions, useSession } from '../session';
import { CLEARANCE_KINDS, type PersonView, type RecordClearanceRequest } from '../types';
import { ClearanceBadge } from './Clearance';
import { DataTable } from './DataTable';
import { EnumField, PersonField } from './selects';
import { Field, Notice, PageTitle, Refusal } from './ui';

/**
 * People with their clearance: the obligation and briefing in force, what the rule makes of them
 * now (judged on the server by the one rule), and every entry, so a record dated ahead or a revocation
 * never hides the one in force. The security officer records; the officer or the director revokes.
 */
export function People(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useSession();
  const [token, setToken] = useState(0);
  const changed = () => {
    setToken((n) => n + 1);
    invalidateRefs('people');
  };

  return (
    <section>
      <PageTitle intro={t('people.intro')}>{t('people.title')}</PageTitle>
      {permissions(me).recordClearance && <ClearanceForm onRecorded={changed} />}
      {permissions(me).revokeClearance && <RevokeForm onRevoked={changed} />}
      {permissions(me).editEmail && <EmailForm onSaved={changed} />}
      <DataTable<PersonView>
        path="/api/people"
        reloadToken={token}
        rowKey={(p) => p.id}
        rowTestId="person-row"
        defaultSort={{ key: 'displayName', order: 'asc' }}
        columns={[
          { key: 'displayName', label: t('field.displayName') },
          { key: 'username', label: t('field.username') },
          {
            key: 'roles',
            label: t('field.roles'),
            sortable: false,
            render: (p) => p.roles.map((r) => roleLabel(t, r)).join(', '),
          },
          { key: 'nda', label: t('field.nda'), render: (p) => formatDate(p.nda, lang) },
          { key: 'briefing', label: t('field.briefing'), render: (p) => formatDate(p.briefing, lang) },
          {
            key: 'cleared',
            label: t('field.cleared'),
            sortValue: (p) => (p.cleared ? 0 : p.clearance.from ? 1 : 2),
            render: (p) => <ClearanceBadge c={p.clearance} />,
          },
          {
            key: 'clearances',
            label: t('field.clearances'),
            sortable: false,
            render: (p) => <Entries p={p} />,
          },
          { key: 'email', label: t('field.email'), render: (p) => p.email ?? '—' },
        ]}
      />
    </section>
  );
}

/** Every entry of a person, in the order they take effect; one dated ahead says from when. */
function Entries({ p }: { p: PersonView }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (p.clearances.length === 0) return <span className="muted">—</span>;
  const today = todayInBishkek(new Date(p.asOf));
  return (
    <ul className="entries" data-testid="clearance-entries">
      {p.clearances.map((e) => {
        const ahead = e.date > today;
        return (
          <li
            key={e.id}
            className={e.kind === 'revocation' ? 'revocation' : ahead ? 'ahead' : undefined}
            data-kind={e.kind}
            data-date={e.date}
            title={t('people.recordedBy', { name: e.recordedByName })}
          >
            {e.kind === 'revocation' ? (
              <>
                {t('people.revoked', { date: formatDate(e.date, lang) })}
                {e.note && <span className="muted"> — {t('people.reason', { reason: e.note })}</span>}
              </>
            ) : (
              <>
                {t(`field.${e.kind}`)}:{' '}
                {ahead ? t('people.from', { date: formatDate(e.date, lang) }) : formatDate(e.date, lang)}
                {e.note && <span className="muted"> — {e.note}</span>}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ClearanceForm({ onRecorded }: { onRecorded: () => void }): ReactElement {
  const { t } = useTranslation();
  const [f, setF] = useState({ personId: '', kind: 'nda', date: todayInBishkek(), note: '' });
  const [done, setDone] = useState(false);
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const note = f.note.trim();
    if (
      await s.run(() =>
        api.recordClearance(f.personId, {
          kind: f.kind as RecordClearanceRequest['kind'],
          date: f.date,
          ...(note ? { note } : {}),
        }),
      )
    ) {
      setDone(true);
      setF((o) => ({ ...o, note: '' }));
      onRecorded();
    }
  }

  return (
    <form className="panel form-inline" onSubmit={submit} aria-label={t('people.record')} data-testid="clearance-form">
      <h3>{t('people.record')}</h3>
      <PersonField
        label={t('field.person')}
        required
        value={f.personId}
        onChange={(v) => setF({ ...f, personId: v })}
        empty={t('common.choose')}
        testId="clearance-person"
      />
      <EnumField
        label={t('field.clearanceKind')}
        error={fieldErrorOf(s.error, 'kind')}
        field="clearanceKind"
        values={CLEARANCE_KINDS}
        value={f.kind}
        onChange={(v) => setF({ ...f, kind: v })}
        testId="clearance-kind"
      />
      <Field label={t('field.date')} error={fieldErrorOf(s.error, 'date')}>
        {(id) => (
          <input
            id={id}
            type="date"
            required
            value={f.date}
            onChange={(e) => setF({ ...f, date: e.target.value })}
            data-testid="clearance-date"
          />
        )}
      </Field>
      <Field label={t('field.note')} required={false} error={fieldErrorOf(s.error, 'note')}>
        {(id) => (
          <input
            id={id}
            type="text"
            maxLength={500}
            value={f.note}
            onChange={(e) => setF({ ...f, note: e.target.value })}
            data-testid="clearance-note"
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={s.busy || !f.personId} data-testid="clearance-submit">
        {t('common.save')}
      </button>
      {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
      {done && <Notice>{t('people.recorded')}</Notice>}
    </form>
  );
}

/** a revocation is a new entry with its reason, from today or a later day; nothing recorded is changed. */
function RevokeForm({ onRevoked }: { onRevoked: () => void }): ReactElement {
  const { t } = useTranslation();
  const today = todayInBishkek();
  const [f, setF] = useState({ personId: '', date: today, reason: '' });
  const [done, setDone] = useState(false);
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (await s.run(() => api.revokeClearance(f.personId, { date: f.date, reason: f.reason.trim() }))) {
      setDone(true);
      setF((o) => ({ ...o, reason: '' }));
      onRevoked();
    }
  }

  return (
    <form className="panel form-inline" onSubmit={submit} aria-label={t('people.revoke')} data-testid="revoke-form">
      <h3>{t('people.revoke')}</h3>
      <p className="hint">{t('people.revokeIntro')}</p>
      <PersonField
        label={t('field.person')}
        required
        value={f.personId}
        onChange={(v) => setF({ ...f, personId: v })}
        empty={t('common.choose')}
        testId="revoke-person"
      />
      <Field label={t('people.effectiveFrom')} error={fieldErrorOf(s.error, 'date')}>
        {(id) => (
          <input
            id={id}
            type="date"
            required
            min={today}
            value={f.date}
            onChange={(e) => setF({ ...f, date: e.target.value })}
            data-testid="revoke-date"
          />
        )}
      </Field>
      <Field label={t('field.reason')} error={fieldErrorOf(s.error, 'reason')}>
        {(id) => (
          <input
            id={id}
            type="text"
            required
            maxLength={500}
            value={f.reason}
            onChange={(e) => setF({ ...f, reason: e.target.value })}
            data-testid="revoke-reason"
          />
        )}
      </Field>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={s.busy || !f.personId || !f.reason.trim()}
        data-testid="revoke-submit"
      >
        {t('people.revoke')}
      </button>
      {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
      {done && <Notice>{t('people.revokedDone')}</Notice>}
    </form>
  );
}

/** Where a person's notifications are also e-mailed (when the server has SMTP); empty stops the e-mails. */
function EmailForm({ onSaved }: { onSaved: () => void }): ReactElement {
  const { t } = useTranslation();
  const people = useRefList('people');
  const [f, setF] = useState({ personId: '', email: '' });
  const [done, setDone] = useState(false);
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const email = f.email.trim();
    if (await s.run(() => api.setEmail(f.personId, { email: email || null }))) {
      setDone(true);
      onSaved();
    }
  }

  return (
    <form className="panel form-inline" onSubmit={submit} aria-label={t('people.setEmail')} data-testid="email-form">
      <h3>{t('people.setEmail')}</h3>
      <PersonField
        label={t('field.person')}
        required
        value={f.personId}
        onChange={(v) => {
          setDone(false);
          setF({ personId: v, email: people.items.find((p) => p.id === v)?.email ?? '' });
        }}
        empty={t('common.choose')}
        testId="email-person"
      />
      <Field
        label={t('field.email')}
        hint={t('people.emailHint')}
        required={false}
        error={fieldErrorOf(s.error, 'email')}
      >
        {(id, describedBy) => (
          <input
            id={id}
            type="email"
            maxLength={254}
            autoComplete="off"
            value={f.email}
            onChange={(e) => setF({ ...f, email: e.target.value })}
            aria-describedby={describedBy}
            data-testid="email-address"
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={s.busy || !f.personId} data-testid="email-submit">
        {t('common.save')}
      </button>
      {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
      {done && <Notice>{t('people.emailSaved')}</Notice>}
    </form>
  );
}
