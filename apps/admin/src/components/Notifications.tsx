import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatDate, formatInstant } from '../format';
import { useLoad, useSubmit } from '../hooks';
import { announceUnread } from '../notifications';
import { href } from '../router';
import type { TFunction } from 'i18next';
import { actKindLabel } from '../acts/labels';
import { stepLabel, systemLabel } from '../breaches/labels';
import type { NotificationView } from '../types';
import { LoadError, Loading, PageTitle, Refusal } from './ui';

/**
 * My notifications, newest first (the server's order): what happened, when, the document (linked only
 * when I may open it), "mark as read". One about something already settled (the document is back) is greyed.
 */
export function Notifications(): ReactElement {
  const { t } = useTranslation();
  const list = useLoad(() => api.notifications(), []);
  const unread = list.data?.unread;
  useEffect(() => {
    if (unread !== undefined) announceUnread(unread);
  }, [unread]);
  return (
    <section>
      <PageTitle intro={t('notifications.intro')}>{t('notifications.title')}</PageTitle>
      {list.error && <LoadError error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="notif-list">
          {list.data.items.map((n) => (
            <NotificationRow key={n.id} n={n} onRead={list.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NotificationRow({ n, onRead }: { n: NotificationView; onRead: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mark = useSubmit();
  const [done, setDone] = useState(false);
  const read = done || n.readAt !== null;

  async function markRead() {
    if (await mark.run(() => api.markNotificationRead(n.id))) {
      setDone(true);
      onRead(); // the server's list and count, which the badge then takes over
    }
  }

  return (
    <li
      className={`panel notif-row${read ? '' : ' notif-unread'}${n.settled ? ' notif-settled' : ''}`}
      data-testid="notification-row"
      data-id={n.id}
      data-template={n.template}
      data-read={read}
      data-settled={n.settled}
    >
      <div className="notif-main">
        <NotificationText n={n} />
        <div className="notif-meta">
          <time dateTime={n.createdAt}>{formatInstant(n.createdAt, lang)}</time>
          {n.settled && (
            <span className="badge badge-ok" data-testid="notification-settled">
              ✓ {t('notifications.settled')}
            </span>
          )}
          {/* The server gives a link only to a page this reader may open now. */}
          {n.link && (
            <a href={href(n.link)} data-testid="notification-doc">
              {linkText(t, n)}
            </a>
          )}
          <SharingOpenCase n={n} />
        </div>
      </div>
      <div className="notif-actions">
        {read ? (
          <span className="muted small">
            {n.readAt ? t('notifications.readAt', { at: formatInstant(n.readAt, lang) }) : t('notifications.read')}
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            onClick={markRead}
            disabled={mark.busy}
            data-testid="notification-read"
          >
            {mark.busy ? t('common.busy') : t('notifications.markRead')}
          </button>
        )}
      </div>
      {mark.error && <Refusal error={mark.error} />}
    </li>
  );
}

/** A value from `data` as text: strings and numbers as they are, anything else as '—'. */
function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '—';
}

/** One sentence per known template; an unknown one shows its id and its data on one line. */
function NotificationText({ n }: { n: NotificationView }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = n.data ?? {};
  const due = typeof d.dueAt === 'string' ? formatInstant(d.dueAt, lang) : '—';
  switch (n.template) {
    case 'document.reminder':
      return <p className="notif-text">{t('notifications.reminder', { regNumber: text(d.regNumber), dueAt: due })}</p>;
    case 'document.escalated':
      return <p className="notif-text">{t('notifications.escalated', { regNumber: text(d.regNumber), dueAt: due })}</p>;
    case 'digest.official_use_out':
      return <DigestText n={n} />;
    case 'document.overdue':
      return (
        <p className="notif-text">
          {t('notifications.overdue', {
            regNumber: text(d.regNumber),
            dueAt: typeof d.dueAt === 'string' ? formatInstant(d.dueAt, lang) : '—',
          })}
        </p>
      );
    case 'breach.reported':
      return (
        <p className="notif-text">
          {t('breach.notifications.reported', {
            number: text(d.number),
            system: typeof d.system === 'string' ? systemLabel(t, d.system) : '—',
          })}
          {d.late === true && ` ${t('breach.notifications.late')}`}
        </p>
      );
    case 'breach.step_overdue':
      return (
        <p className="notif-text notif-danger">
          {t('breach.notifications.stepOverdue', {
            number: text(d.number),
            step: typeof d.step === 'string' ? stepLabel(t, d.step) : '—',
            dueAt: due,
          })}
        </p>
      );
    case 'breach.sharing_suspected':
      return (
        <p className="notif-text notif-danger">
          {t('breach.notifications.sharing', {
            username: text(d.username),
            clients: Array.isArray(d.clients) ? d.clients.map(text).join(', ') : '—',
          })}
        </p>
      );
    case 'act.to_sign':
      return (
        <p className="notif-text">
          {t('breach.notifications.toSign', {
            act: typeof d.kind === 'string' ? actKindLabel(t, d.kind) : '—',
            number: text(d.actNumber ?? d.number),
          })}
        </p>
      );
    case 'act.completed':
      return (
        <p className="notif-text">
          {t('breach.notifications.actCompleted', {
            act: typeof d.kind === 'string' ? actKindLabel(t, d.kind) : '—',
            number: text(d.actNumber ?? d.number),
          })}
        </p>
      );
    case 'document.lost':
      return (
        <p className="notif-text">
          {t('notifications.lost', { regNumber: text(d.regNumber), circumstances: text(d.circumstances) })}
        </p>
      );
    default: {
      const raw = JSON.stringify(d);
      return (
        <p className="notif-text">
          <code>{n.template}</code>{' '}
          <code className="notif-data" title={raw}>
            {raw.length > 160 ? `${raw.slice(0, 159)}…` : raw}
          </code>
        </p>
      );
    }
  }
}

interface DigestItem {
  documentId: string;
  regNumber: string;
  title: string;
  holderName: string | null;
  dueAt: string | null;
  state: string;
}

/** The end-of-day list: how many For Official Use items are not back, and each by number, title and holder. */
function DigestText({ n }: { n: NotificationView }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = n.data ?? {};
  const items = (Array.isArray(d.items) ? d.items : []) as DigestItem[];
  const date = typeof d.date === 'string' ? formatDate(d.date, lang) : '—';
  if (items.length === 0) return <p className="notif-text">{t('notifications.digestEmpty', { date })}</p>;
  return (
    <>
      <p className="notif-text">{t('notifications.digest', { date, count: items.length })}</p>
      <ul className="notif-items" data-testid="digest-items">
        {items.map((i) => {
          const line = t('notifications.digestItem', {
            regNumber: i.regNumber,
            title: i.title,
            holder: i.holderName ?? '—',
            dueAt: i.dueAt ? formatInstant(i.dueAt, lang) : '—',
            state: t(`state.${i.state}`, { defaultValue: i.state }).toLocaleLowerCase(lang),
          });
          return (
            <li key={i.documentId}>
              {/* Only a reader the server gave a link to (the records office) may open the documents. */}
              {n.link ? <a href={href(`/documents/${i.documentId}`)}>{line}</a> : line}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** What the notification's link opens, in words: a breach case, an act, a document, or the list. */
function linkText(t: TFunction, n: NotificationView): string {
  if (n.link?.startsWith('/breaches/')) return t('breach.notifications.openCase');
  if (n.link?.startsWith('/acts/')) return t('breach.notifications.openAct');
  return n.instanceId ? t('notifications.openDocument') : t('notifications.openList');
}

/**
 * The sharing signal (R-5.2.1: one Grif account active from two clients at once) opens a case in one click: the
 * report form, filled in for that account with the clients seen and the time of the alert, for the officer to send.
 */
function SharingOpenCase({ n }: { n: NotificationView }): ReactElement | null {
  const { t } = useTranslation();
  const d = n.data ?? {};
  if (n.template !== 'breach.sharing_suspected' || typeof d.username !== 'string') return null;
  const clients = Array.isArray(d.clients) ? d.clients.map(text).join(', ') : '—';
  return (
    <a
      className="btn btn-small btn-primary"
      href={href('/breaches/new', {
        system: 'grif',
        account: d.username,
        discoveredAt: n.createdAt,
        description: t('breach.notifications.sharingDescription', { clients }),
      })}
      data-testid="notification-open-case"
    >
      {t('breach.notifications.openCase')}
    </a>
  );
}
