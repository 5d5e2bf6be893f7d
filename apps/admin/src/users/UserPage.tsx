import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Loading, LoadError, Notice, PageTitle, Refusal } from '../components/ui';
import { EnumField } from '../components/selects';
import { formatDate, formatInstant, todayInBishkek } from '../format';
import { fieldErrorOf, useLoad, useSubmit } from '../hooks';
import { roleLabel } from '../labels';
import { href } from '../router';
import { useSession } from '../session';
import { ROLES } from '../types';
import { canManageUsers } from './access';
import { usersApi, type AccountEventView, type AppointmentView, type UserView } from './api';
import { OneTimePassword } from './OneTimePassword';
import { UserState } from './UsersList';

/**
 * One account: its state, disable (with the reason) / enable, a password reset, and its appointments, newest
 * first, each with the order that gave it and the order that ended it. Every change here ends
 * the person's sessions on the server; the page says so.
 */
export function UserPage({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const admin = canManageUsers(me);
  const users = useLoad(() => usersApi.list(), [id]);
  const history = useLoad(() => usersApi.appointments(id), [id]);
  const events = useLoad(() => usersApi.events(id), [id]);
  const reload = () => {
    users.reload();
    history.reload();
    events.reload();
  };
  const u = users.data?.find((x) => x.id === id);
  const back = (
    <p>
      <a href={href('/users')}>← {t('users.back')}</a>
    </p>
  );
  if (users.error) return <LoadError error={users.error} />;
  if (!users.data) return <Loading />;
  if (!u)
    return (
      <section>
        {back}
        <p className="alert alert-error">{t('users.notFound')}</p>
      </section>
    );

  return (
    <section data-testid="user-page" data-user={u.username}>
      {back}
      <PageTitle>{u.displayName}</PageTitle>
      <dl className="facts panel">
        <div className="fact">
          <dt>{t('users.signInName')}</dt>
          <dd data-testid="user-sign-in-name">{u.signInName}</dd>
        </div>
        <div className="fact">
          <dt>{t('field.roles')}</dt>
          <dd data-testid="user-roles-now">
            {u.roles.length ? u.roles.map((r) => roleLabel(t, r)).join(', ') : t('users.noRoles')}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('users.state')}</dt>
          <dd>
            <UserState u={u} />
          </dd>
        </div>
        <div className="fact">
          <dt>{t('users.lastLogin')}</dt>
          <dd>{u.lastLoginAt ? formatInstant(u.lastLoginAt, i18n.language) : t('users.never')}</dd>
        </div>
      </dl>
      {!admin && (
        <p className="hint" data-testid="users-read-only">
          {t('users.readOnly')}
        </p>
      )}
      <DisableOrEnable u={u} admin={admin} self={u.id === me.id} onDone={reload} />
      <ResetPassword u={u} admin={admin} onDone={reload} />
      <h3>{t('users.appointments')}</h3>
      {history.error ? (
        <LoadError error={history.error} />
      ) : !history.data ? (
        <Loading />
      ) : (
        <Appointments u={u} items={history.data} admin={admin} onDone={reload} />
      )}
      <AppointForm u={u} admin={admin} onDone={reload} />
      <h3>{t('users.accountHistory')}</h3>
      {events.error ? (
        <LoadError error={events.error} />
      ) : events.data ? (
        <AccountEvents items={events.data} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

/** What was done to the account, newest first: a reason stays readable after the account is enabled again. */
function AccountEvents({ items }: { items: AccountEventView[] }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <ul className="entries" data-testid="account-events">
      {items.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          {formatInstant(e.at, i18n.language)} — {t(`users.event.${e.kind}`)}
          {e.reason && <span className="muted"> — {e.reason}</span>} ({e.byName})
        </li>
      ))}
    </ul>
  );
}

/** Why an administrator's button is off here, if it is: the reason is shown beside it. */
function blocked(admin: boolean, t: (k: string) => string, other?: string): string | undefined {
  if (!admin) return t('users.onlyAdmin');
  return other;
}

function DisableOrEnable(props: { u: UserView; admin: boolean; self: boolean; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const s = useSubmit();
  const { u } = props;

  if (u.disabled) {
    const why = blocked(props.admin, t);
    return (
      <div className="panel" data-testid="user-enable-panel">
        <h3>{t('users.enable')}</h3>
        <button
          type="button"
          className="btn btn-primary"
          disabled={s.busy || why !== undefined}
          title={why}
          onClick={async () => {
            setDone(undefined);
            if (await s.run(() => usersApi.enable(u.id))) {
              setDone(t('users.enabledDone'));
              props.onDone();
            }
          }}
          data-testid="user-enable"
        >
          {t('users.enable')}
        </button>
        {why && <p className="hint">{why}</p>}
        {s.error && <Refusal error={s.error} />}
        {done && <Notice>{done}</Notice>}
      </div>
    );
  }

  const why = blocked(props.admin, t, props.self ? t('users.cannotDisableSelf') : undefined);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    if (await s.run(() => usersApi.disable(u.id, reason.trim()))) {
      setReason('');
      setDone(t('users.disabledDone'));
      props.onDone();
    }
  }
  return (
    <form className="panel" onSubmit={submit} aria-label={t('users.disable')} data-testid="user-disable-form">
      <h3>{t('users.disable')}</h3>
      <p className="hint">{t('users.disableHint')}</p>
      <fieldset className="plain" disabled={why !== undefined} title={why}>
        <Field label={t('users.field.reason')} error={fieldErrorOf(s.error, 'reason')}>
          {(id) => (
            <input
              id={id}
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="user-disable-reason"
            />
          )}
        </Field>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={s.busy || !reason.trim()}
          data-testid="user-disable-submit"
        >
          {t('users.disable')}
        </button>
      </fieldset>
      {why && (
        <p className="hint" data-testid="user-disable-why">
          {why}
        </p>
      )}
      {s.error && <Refusal error={s.error} />}
      {done && <Notice>{done}</Notice>}
    </form>
  );
}

function ResetPassword({ u, admin, onDone }: { u: UserView; admin: boolean; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const [password, setPassword] = useState<string | undefined>();
  const s = useSubmit();
  const why = blocked(admin, t, u.disabled ? t('users.resetNeedsEnabled') : undefined);
  return (
    <div className="panel" data-testid="user-reset-panel">
      <h3>{t('users.reset')}</h3>
      <p className="hint">{t('users.resetHint')}</p>
      <button
        type="button"
        className="btn"
        disabled={s.busy || why !== undefined}
        title={why}
        onClick={async () => {
          setPassword(undefined);
          let answer: string | undefined;
          if (await s.run(async () => (answer = (await usersApi.resetPassword(u.id)).oneTimePassword))) {
            setPassword(answer);
            onDone();
          }
        }}
        data-testid="user-reset"
      >
        {t('users.reset')}
      </button>
      {why && <p className="hint">{why}</p>}
      {s.error && <Refusal error={s.error} />}
      {password && (
        <>
          <Notice>{t('users.resetDone')}</Notice>
          <OneTimePassword value={password} />
        </>
      )}
    </div>
  );
}

function Appointments(props: {
  u: UserView;
  items: AppointmentView[];
  admin: boolean;
  onDone: () => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (props.items.length === 0) return <p className="muted">{t('users.noAppointments')}</p>;
  const today = todayInBishkek();
  return (
    <div className="table-block">
      <div className="table-scroll">
        <table data-testid="appointments">
          <thead>
            <tr>
              <th>{t('users.field.role')}</th>
              <th>{t('users.field.orderNumber')}</th>
              <th>{t('users.field.validFrom')}</th>
              <th>{t('users.field.validUntil')}</th>
              <th>{t('users.end')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((a) => {
              const running = a.validUntil === null;
              const inForce = a.validFrom <= today && (a.validUntil === null || a.validUntil >= today);
              return (
                <tr key={a.id} data-testid="appointment-row" data-role={a.role} data-running={running}>
                  <td>
                    {roleLabel(t, a.role)}
                    {inForce && <span className="badge badge-ok"> {t('users.inForce')}</span>}
                  </td>
                  <td title={t('users.recordedBy', { name: a.createdByName })}>
                    {t('users.order', { number: a.orderNumber, date: formatDate(a.orderDate, lang) })}
                    <div className="muted small">{t('users.recordedBy', { name: a.createdByName })}</div>
                  </td>
                  <td>{formatDate(a.validFrom, lang)}</td>
                  <td>{a.validUntil ? formatDate(a.validUntil, lang) : '—'}</td>
                  <td>
                    {a.endOrderNumber ? (
                      <span data-testid="appointment-ended">
                        {t('users.endedBy', {
                          number: a.endOrderNumber,
                          date: formatDate(a.endOrderDate, lang),
                          name: a.endedByName ?? '—',
                        })}
                      </span>
                    ) : running ? (
                      <EndForm u={props.u} a={a} admin={props.admin} onDone={props.onDone} />
                    ) : (
                      <span className="muted">{t('users.endedOn', { date: formatDate(a.validUntil, lang) })}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** an appointment ends by an order, too (its number and date); by default the role ends at once. */
function EndForm(props: { u: UserView; a: AppointmentView; admin: boolean; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const [f, setF] = useState({ orderNumber: '', orderDate: todayInBishkek() });
  const s = useSubmit();
  const why = blocked(props.admin, t);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (
      await s.run(() =>
        usersApi.end(props.u.id, props.a.id, { orderNumber: f.orderNumber.trim(), orderDate: f.orderDate }),
      )
    )
      props.onDone();
  }
  return (
    <form className="form-inline" onSubmit={submit} aria-label={t('users.end')} data-testid="appointment-end-form">
      <fieldset className="plain" disabled={why !== undefined} title={why ?? t('users.endHint')}>
        <OrderFields
          order={f}
          onChange={(order) => setF({ ...f, ...order })}
          error={s.error}
          labels={[t('users.field.endOrderNumber'), t('users.field.endOrderDate')]}
          testIds={['appointment-end-number', 'appointment-end-date']}
        />
        <button
          type="submit"
          className="btn"
          disabled={s.busy || !f.orderNumber.trim()}
          data-testid="appointment-end-submit"
        >
          {t('users.end')}
        </button>
      </fieldset>
      {why && <p className="hint">{why}</p>}
      {s.error && <Refusal error={s.error} />}
    </form>
  );
}

/** a role only by a school order, its number and date recorded. */
function AppointForm({ u, admin, onDone }: { u: UserView; admin: boolean; onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const today = todayInBishkek();
  const [f, setF] = useState({ role: 'staff', orderNumber: '', orderDate: today, validFrom: today });
  const [done, setDone] = useState(false);
  const s = useSubmit();
  const why = blocked(admin, t, u.disabled ? t('users.appointNeedsEnabled') : undefined);
  const label = (n: string) => t(`users.field.${n}`, { defaultValue: n });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body = {
      role: f.role as (typeof ROLES)[number],
      orderNumber: f.orderNumber.trim(),
      orderDate: f.orderDate,
      validFrom: f.validFrom,
    };
    if (await s.run(() => usersApi.appoint(u.id, body))) {
      setDone(true);
      setF({ ...f, orderNumber: '' });
      onDone();
    }
  }

  return (
    <form className="panel form-inline" onSubmit={submit} aria-label={t('users.appoint')} data-testid="appoint-form">
      <h3>{t('users.appoint')}</h3>
      <p className="hint">{t('users.appointHint')}</p>
      <fieldset className="plain" disabled={why !== undefined} title={why}>
        <EnumField
          label={label('role')}
          field="role"
          values={ROLES}
          value={f.role}
          onChange={(v) => setF({ ...f, role: v })}
          error={fieldErrorOf(s.error, 'role')}
          testId="appoint-role"
        />
        <OrderFields
          order={f}
          onChange={(order) => setF({ ...f, ...order })}
          error={s.error}
          labels={[label('orderNumber'), label('orderDate')]}
          testIds={['appoint-order-number', 'appoint-order-date']}
        />
        <Field label={label('validFrom')} error={fieldErrorOf(s.error, 'validFrom')}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              min={f.orderDate}
              value={f.validFrom}
              onChange={(e) => setF({ ...f, validFrom: e.target.value })}
              data-testid="appoint-valid-from"
            />
          )}
        </Field>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={s.busy || !f.orderNumber.trim()}
          data-testid="appoint-submit"
        >
          {t('users.appoint')}
        </button>
      </fieldset>
      {why && (
        <p className="hint" data-testid="appoint-why">
          {why}
        </p>
      )}
      {s.error && <Refusal error={s.error} fieldLabel={label} />}
      {done && <Notice>{t('users.appointed')}</Notice>}
    </form>
  );
}

interface Order {
  orderNumber: string;
  orderDate: string;
}

/** The order (буйрук) that appoints or ends a role, R-2.3: its number, and its date, never after today. */
function OrderFields(props: {
  order: Order;
  onChange: (order: Order) => void;
  error: Parameters<typeof fieldErrorOf>[0];
  labels: [string, string];
  testIds: [string, string];
}): ReactElement {
  const { order, onChange, error, labels, testIds } = props;
  return (
    <>
      <Field label={labels[0]} error={fieldErrorOf(error, 'orderNumber')}>
        {(id) => (
          <input
            id={id}
            required
            maxLength={100}
            value={order.orderNumber}
            onChange={(e) => onChange({ ...order, orderNumber: e.target.value })}
            data-testid={testIds[0]}
          />
        )}
      </Field>
      <Field label={labels[1]} error={fieldErrorOf(error, 'orderDate')}>
        {(id) => (
          <input
            id={id}
            type="date"
            required
            max={todayInBishkek()}
            value={order.orderDate}
            onChange={(e) => onChange({ ...order, orderDate: e.target.value })}
            data-testid={testIds[1]}
          />
        )}
      </Field>
    </>
  );
}
