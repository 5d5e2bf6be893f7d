import { useState, type FormEvent, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { Field, Notice, PageTitle, Refusal } from '../components/ui';
import { formatInstant } from '../format';
import { fieldErrorOf, useSubmit } from '../hooks';
import { roleLabel } from '../labels';
import { href } from '../router';
import { useSession } from '../session';
import { canManageUsers } from './access';
import { usersApi, type CreateUserRequest, type UserCreated, type UserView } from './api';
import { OneTimePassword } from './OneTimePassword';

/**
 * The accounts of the school, by name, with their roles (by appointment, R-2.3) and state. The administrator
 * creates one here and reads its one-time password this once; the officer and the director only read.
 */
export function UsersList(): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [token, setToken] = useState(0);
  return (
    <section>
      <PageTitle intro={t('users.intro')}>{t('users.title')}</PageTitle>
      <CreateUserForm admin={canManageUsers(me)} onCreated={() => setToken((n) => n + 1)} />
      <DataTable<UserView>
        path="/api/users"
        reloadToken={token}
        rowKey={(u) => u.id}
        rowTestId="user-row"
        defaultSort={{ key: 'displayName', order: 'asc' }}
        columns={[
          {
            key: 'displayName',
            label: t('users.field.displayName'),
            render: (u) => (
              <a href={href(`/users/${u.id}`)} data-testid="user-open">
                {u.displayName}
              </a>
            ),
          },
          { key: 'signInName', label: t('users.signInName') },
          {
            key: 'roles',
            label: t('field.roles'),
            sortable: false,
            render: (u) =>
              u.roles.length ? (
                u.roles.map((r) => roleLabel(t, r)).join(', ')
              ) : (
                <span className="muted">{t('users.noRoles')}</span>
              ),
          },
          {
            key: 'disabled',
            label: t('users.state'),
            sortValue: (u) => (u.disabled ? 1 : 0),
            render: (u) => <UserState u={u} />,
          },
          {
            key: 'lastLoginAt',
            label: t('users.lastLogin'),
            render: (u) => (u.lastLoginAt ? formatInstant(u.lastLoginAt, i18n.language) : t('users.never')),
          },
        ]}
      />
    </section>
  );
}

/** A one-time password not yet changed: until when it signs in, or that it no longer does (ASVS 2.3.1). */
function oneTimePasswordNote(u: UserView, t: TFunction, lang: string): string {
  if (!u.oneTimePasswordUntil) return t('users.mustChange');
  if (Date.parse(u.oneTimePasswordUntil) <= Date.now()) return t('users.oneTimePasswordExpired');
  return t('users.mustChangeUntil', { at: formatInstant(u.oneTimePasswordUntil, lang) });
}

export function UserState({ u }: { u: UserView }): ReactElement {
  const { t, i18n } = useTranslation();
  if (u.disabled)
    return (
      <span className="badge badge-warn" data-testid="user-state" data-state="disabled">
        {u.disabledReason ? t('users.disabledBecause', { reason: u.disabledReason }) : t('users.disabled')}
      </span>
    );
  return (
    <span data-testid="user-state" data-state="active">
      <span className="badge badge-ok">{t('users.active')}</span>
      {u.mustChangePassword && (
        <span className="muted small" data-testid="user-one-time-password">
          {' '}
          · {oneTimePasswordNote(u, t, i18n.language)}
        </span>
      )}
    </span>
  );
}

function CreateUserForm({ admin, onCreated }: { admin: boolean; onCreated: () => void }): ReactElement {
  const { t } = useTranslation();
  const empty = { username: '', displayName: '', email: '', locale: 'ky' };
  const [f, setF] = useState(empty);
  const [created, setCreated] = useState<UserCreated | undefined>();
  const s = useSubmit();
  const label = (n: string) => t(`users.field.${n}`, { defaultValue: n });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setCreated(undefined);
    const body: CreateUserRequest = {
      username: f.username.trim(),
      displayName: f.displayName.trim(),
      locale: f.locale as CreateUserRequest['locale'],
      ...(f.email.trim() ? { email: f.email.trim() } : {}),
    };
    let answer: UserCreated | undefined;
    if (await s.run(async () => (answer = await usersApi.create(body)))) {
      setCreated(answer);
      setF(empty);
      onCreated();
    }
  }

  return (
    <form className="panel form-inline" onSubmit={submit} aria-label={t('users.create')} data-testid="user-create-form">
      <h3>{t('users.create')}</h3>
      {!admin && (
        <p className="hint" data-testid="users-read-only">
          {t('users.readOnly')}
        </p>
      )}
      {/* What the role cannot do is shown, disabled, with the reason; the server refuses it anyway. */}
      <fieldset className="plain" disabled={!admin} title={admin ? undefined : t('users.onlyAdmin')}>
        <Field label={label('username')} error={fieldErrorOf(s.error, 'username')}>
          {(id) => (
            <input
              id={id}
              required
              maxLength={60}
              autoComplete="off"
              pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,59}"
              value={f.username}
              onChange={(e) => setF({ ...f, username: e.target.value })}
              data-testid="user-username"
            />
          )}
        </Field>
        <Field label={label('displayName')} error={fieldErrorOf(s.error, 'displayName')}>
          {(id) => (
            <input
              id={id}
              required
              maxLength={200}
              value={f.displayName}
              onChange={(e) => setF({ ...f, displayName: e.target.value })}
              data-testid="user-display-name"
            />
          )}
        </Field>
        <Field label={label('email')} required={false} error={fieldErrorOf(s.error, 'email')}>
          {(id) => (
            <input
              id={id}
              type="email"
              maxLength={254}
              value={f.email}
              onChange={(e) => setF({ ...f, email: e.target.value })}
              data-testid="user-email"
            />
          )}
        </Field>
        <Field label={label('locale')}>
          {(id) => (
            <select
              id={id}
              value={f.locale}
              onChange={(e) => setF({ ...f, locale: e.target.value })}
              data-testid="user-locale"
            >
              <option value="ky">Кыргызча</option>
              <option value="ru">Русский</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <button type="submit" className="btn btn-primary" disabled={s.busy} data-testid="user-create-submit">
          {t('users.create')}
        </button>
      </fieldset>
      {s.error && <Refusal error={s.error} fieldLabel={label} />}
      {created && (
        <>
          <Notice>{t('users.created', { name: created.user.displayName, signIn: created.user.signInName })}</Notice>
          <OneTimePassword value={created.oneTimePassword} />
        </>
      )}
    </form>
  );
}
