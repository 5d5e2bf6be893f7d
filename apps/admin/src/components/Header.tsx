import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_NAMES, LANGS, setLang } from '../i18n';
import { roleLabel } from '../labels';
import { useUnreadCount } from '../notifications';
import { href, useRoute } from '../router';
import { permissions, useSession } from '../session';

/** Kyrgyz (default) / Русский / English; the choice is kept in localStorage. */
export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`lang${i18n.language === l ? ' lang-active' : ''}`}
          aria-pressed={i18n.language === l}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
        >
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

const NAV = [
  { id: 'board', path: '/board' },
  { id: 'documents', path: '/documents' },
  { id: 'register', path: '/register' },
  { id: 'registers', path: '/registers' },
  { id: 'mine', path: '/mine' },
  { id: 'people', path: '/people' },
  { id: 'users', path: '/users' },
  { id: 'acts', path: '/acts' },
  { id: 'breaches', path: '/breaches' },
  { id: 'calendar', path: '/calendar' },
  { id: 'audit', path: '/audit' },
  { id: 'logins', path: '/logins' },
  { id: 'compliance', path: '/compliance' },
  { id: 'notifications', path: '/notifications' },
] as const;

/** The unread count, linking to the notifications page; nothing at all when everything is read. */
function NotificationsBadge(): ReactElement | null {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  if (unread <= 0) return null;
  const label = t('notifications.unreadCount', { n: unread });
  return (
    <a
      className="notif-badge"
      href={href('/notifications')}
      aria-label={label}
      title={label}
      data-testid="notifications-badge"
    >
      {unread}
    </a>
  );
}

/**
 * The brand, the unread badge, the user and the menu. On a narrow screen (a phone) everything but the
 * brand, the badge and a "Menu" button folds away, so the page starts within the first screenful;
 * the menu closes again on navigation and on Escape.
 */
export function Header({ section }: { section: string }): ReactElement {
  const { t } = useTranslation();
  const { me, signOut, signOutEverywhere } = useSession();
  const can = permissions(me);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const route = useRoute().join('/');
  useEffect(() => setOpen(false), [route]);

  return (
    <header
      className={`app-header${open ? ' menu-open' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <div className="header-top">
        <div className="brand-block">
          <a className="brand" href={href('/')}>
            {t('app.name')}
          </a>
          {/* Many schools share an install: each sees its own. */}
          <div className="school">{me.schoolName}</div>
        </div>
        <div className="header-quick">
          {/* anyone whose login may have leaked reports it within a working day, from any page. */}
          <a className="btn btn-ghost btn-small report-breach" href={href('/breaches/new')} data-testid="report-breach">
            {t('breach.reportAction')}
          </a>
          <NotificationsBadge />
          <button
            ref={toggle}
            type="button"
            className="btn btn-ghost menu-toggle"
            aria-expanded={open}
            aria-controls="header-menu header-user"
            onClick={() => setOpen(!open)}
            data-testid="menu-toggle"
          >
            <span aria-hidden="true">{open ? '✕' : '☰'}</span> {t('header.menu')}
          </button>
        </div>
        <div className="header-user" id="header-user">
          <LanguageSwitch />
          <div className="user">
            <strong data-testid="user-name">{me.displayName}</strong>
            <span className="roles" data-testid="user-roles">
              {me.roles.map((r) => roleLabel(t, r)).join(', ')}
            </span>
            {/* Anyone may be asked to sign an act (an incoming clerk holds no role yet): everyone has the page. */}
            <a className="user-link" href={href('/me/certificate')} data-testid="nav-certificate">
              {t('nav.certificate')}
            </a>
          </div>
          <button type="button" className="btn btn-ghost" onClick={() => void signOut()} data-testid="logout">
            {t('header.logout')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            title={t('header.logoutAllHint')}
            onClick={() => {
              if (window.confirm(t('header.logoutAllConfirm'))) void signOutEverywhere();
            }}
            data-testid="logout-all"
          >
            {t('header.logoutAll')}
          </button>
        </div>
      </div>
      <nav className="main-nav" id="header-menu" aria-label={t('nav.label')}>
        {NAV.filter((n) => can[n.id]).map((n) => (
          <a
            key={n.id}
            href={href(n.path)}
            className={section === n.id ? 'active' : undefined}
            aria-current={section === n.id ? 'page' : undefined}
            data-testid={`nav-${n.id}`}
          >
            {t(`nav.${n.id}`)}
          </a>
        ))}
        {me.roles.includes('admin') &&
          // Bull Board is served by the API itself, outside this app's routes. It holds every school's jobs: another
          // school's administrator sees it disabled, with why (the API refuses it too).
          (me.runsInstall ? (
            <a href="/admin/queues" data-testid="nav-queues">
              {t('nav.queues')}
            </a>
          ) : (
            <span
              className="nav-disabled"
              aria-disabled="true"
              title={t('nav.queuesInstallOnly')}
              data-testid="nav-queues"
            >
              {t('nav.queues')}
            </span>
          ))}
      </nav>
    </header>
  );
}
