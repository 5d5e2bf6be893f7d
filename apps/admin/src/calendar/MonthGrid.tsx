import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatMonth, todayInBishkek } from '../format';
import { useLoad } from '../hooks';
import { LoadError, Loading } from '../components/ui';
import type { CalendarDay } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (1–12): day 0 of the next one. */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** ISO weekday (1 = Monday) of a yyyy-mm-dd. */
const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

export const DAY_KINDS = ['working', 'shortened', 'weekend', 'holiday', 'decreed_off', 'decreed_working'] as const;

/** One month of the school's calendar as the server computes it: every day's kind, name and hours. */
export function MonthGrid({
  year,
  month,
  onMonth,
  reloadToken,
}: {
  year: number;
  month: number;
  onMonth: (year: number, month: number) => void;
  /** Change it to ask again (after the calendar was saved). */
  reloadToken: number;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const from = `${year}-${pad(month)}-01`;
  const to = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
  const days = useLoad(() => api.calendarDays(from, to), [from, to, reloadToken, i18n.language]);
  const today = todayInBishkek();
  const step = (delta: number) => {
    const m = month - 1 + delta;
    onMonth(year + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1);
  };

  const cells: (CalendarDay | null)[] = [];
  if (days.data) {
    for (let i = 1; i < isoWeekday(from); i++) cells.push(null);
    cells.push(...days.data);
    while (cells.length % 7 !== 0) cells.push(null);
  }

  return (
    <section className="panel month" aria-labelledby="month-h" data-testid="month-grid" data-month={from.slice(0, 7)}>
      <div className="month-nav">
        <button type="button" className="btn btn-small" onClick={() => step(-1)} data-testid="month-prev">
          ← {t('calendar.prevMonth')}
        </button>
        <h2 id="month-h">{formatMonth(year, month, i18n.language)}</h2>
        <button type="button" className="btn btn-small" onClick={() => step(1)} data-testid="month-next">
          {t('calendar.nextMonth')} →
        </button>
      </div>
      {days.error && <LoadError error={days.error} />}
      {!days.data && !days.error && <Loading />}
      {days.data && (
        <div className="month-grid" role="table" aria-label={formatMonth(year, month, i18n.language)}>
          <div role="row" className="month-row">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <div role="columnheader" key={d} className="month-wd" title={t(`calendar.weekday.${d}`)}>
                {t(`calendar.weekdayShort.${d}`)}
              </div>
            ))}
          </div>
          {Array.from({ length: cells.length / 7 }, (_, w) => (
            <div role="row" className="month-row" key={w}>
              {cells.slice(w * 7, w * 7 + 7).map((c, i) =>
                c ? (
                  <div
                    role="cell"
                    key={c.date}
                    className={`day day-${c.kind}${c.date === today ? ' day-today' : ''}`}
                    data-testid="calendar-day"
                    data-date={c.date}
                    data-kind={c.kind}
                  >
                    <div className="day-head">
                      <span className="day-n">{Number(c.date.slice(8, 10))}</span>
                      <span className="day-kind">{t(`calendar.dayKind.${c.kind}`)}</span>
                    </div>
                    {c.opens && c.closes && (
                      <div className="day-hours">
                        {c.opens}–{c.closes}
                      </div>
                    )}
                    {c.name && <div className="day-name">{c.name}</div>}
                    {c.estimated && (
                      <div className="day-estimated" title={t('calendar.estimatedHint')}>
                        {t('calendar.estimated')}
                      </div>
                    )}
                  </div>
                ) : (
                  <div role="cell" key={`empty-${w}-${i}`} className="day day-outside" aria-hidden="true" />
                ),
              )}
            </div>
          ))}
        </div>
      )}
      <ul className="month-legend" aria-label={t('calendar.legend')}>
        {DAY_KINDS.map((k) => (
          <li key={k}>
            <span className={`swatch day-${k}`} aria-hidden="true" /> {t(`calendar.dayKind.${k}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
