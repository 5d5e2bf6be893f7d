import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { CalendarEditor } from '../calendar/CalendarEditor';
import { DeadlineSettingsForm } from '../calendar/DeadlineSettingsForm';
import { MonthGrid } from '../calendar/MonthGrid';
import { formatInstant, todayInBishkek } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';
import { permissions, useSession } from '../session';
import { LoadError, Loading, Notice, PageTitle } from './ui';

const TABS = ['days', 'deadlines'] as const;
type Tab = (typeof TABS)[number];

/** The school's working calendar: the month as the server computes it, and the director's form under it. */
function CalendarTab({ canEdit }: { canEdit: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  const today = todayInBishkek();
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const [reloadToken, setReloadToken] = useState(0);
  // Kept here: the form starts afresh from what the server saved, the confirmation stays.
  const [saved, setSaved] = useState<string | undefined>();
  const view = useLoad(() => api.calendar(), [reloadToken]);
  return (
    <>
      <MonthGrid
        year={month.year}
        month={month.month}
        onMonth={(year, m) => setMonth({ year, month: m })}
        reloadToken={reloadToken}
      />
      {view.error && <LoadError error={view.error} />}
      {!view.data && !view.error && <Loading />}
      {view.data && (
        <>
          {saved && (
            <Notice>
              <span data-testid="calendar-saved">{saved}</span>
            </Notice>
          )}
          <p className="muted small" data-testid="calendar-updated">
            {view.data.updatedAt
              ? t('calendar.updated', {
                  at: formatInstant(view.data.updatedAt, i18n.language),
                  by: view.data.updatedBy ?? '—',
                })
              : t('calendar.shipped')}
          </p>
          <CalendarEditor
            // A fresh form from what the server saved, every time it answers.
            key={`${view.data.updatedAt ?? 'shipped'}-${reloadToken}`}
            calendar={view.data.calendar}
            canEdit={canEdit}
            onSaved={(change) => {
              setSaved(t('calendar.saved', { n: change.movedDeadlines }));
              setReloadToken((n) => n + 1);
            }}
          />
        </>
      )}
    </>
  );
}

function DeadlinesTab({ canEdit }: { canEdit: boolean }): ReactElement {
  const settings = useLoad(() => api.deadlineSettings(), []);
  if (settings.error) return <LoadError error={settings.error} />;
  if (!settings.data) return <Loading />;
  return <DeadlineSettingsForm settings={settings.data} canEdit={canEdit} onSaved={() => undefined} />;
}

/**
 * `#/calendar` and `#/calendar/deadlines`: the school's working calendar and the deadline ladder.
 * Everyone plans by them; only the director changes them (the server refuses anyone else too).
 */
export function CalendarPage({ tab }: { tab?: string }): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const canEdit = permissions(me).editCalendar;
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'days';
  return (
    <section>
      <PageTitle intro={t('calendar.intro')}>{t('calendar.title')}</PageTitle>
      <div className="tabs" role="tablist" aria-label={t('calendar.title')}>
        {TABS.map((k) => (
          <a
            key={k}
            role="tab"
            id={`tab-${k}`}
            aria-selected={k === current}
            aria-controls="calendar-panel"
            className={`tab${k === current ? ' tab-active' : ''}`}
            href={href(k === 'days' ? '/calendar' : `/calendar/${k}`)}
            data-testid={`tab-${k}`}
          >
            {t(`calendar.tabs.${k}`)}
          </a>
        ))}
      </div>
      <div role="tabpanel" id="calendar-panel" aria-labelledby={`tab-${current}`}>
        {current === 'days' ? <CalendarTab canEdit={canEdit} /> : <DeadlinesTab canEdit={canEdit} />}
      </div>
    </section>
  );
}
