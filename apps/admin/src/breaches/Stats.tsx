import { useEffect, useRef, useState, type ReactElement, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { request, withQuery } from '../api';
import type { components } from '../api/schema';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import i18n from '../i18n';
import { href, useUrlState } from '../router';
import { Field, LoadError, Loading, PageTitle } from '../components/ui';

type Stats = components['schemas']['BreachStats'];
type Cause = keyof Stats['byCause'];

/** In the order of the investigation form; shared credentials first. */
const CAUSES: readonly Cause[] = ['shared_credentials', 'phishing', 'lost_device', 'weak_password', 'unknown'];

/** The words of this screen, Kyrgyz first; ru and en are typed as ky's shape, so a missing one fails tsc. */
const ky = {
  title: 'Бузулуулардын статистикасы',
  intro:
    'Тандалган мезгилде билдирилген иштер: канчасы кечиктирилип билдирилген (R-5.2.3), билдирүүдөн токтотууга чейинки убакыттын медианасы жана иликтөөдө аныкталган себептер.',
  back: 'Иштердин тизмесине',
  from: 'Башталышы',
  to: 'Аягы',
  presets: 'Мезгил',
  thisMonth: 'Ушул ай',
  lastMonth: 'Өткөн ай',
  thisYear: 'Ушул жыл',
  period: '{{from}} — {{to}}',
  summary: 'Жыйынтык',
  indicator: 'Көрсөткүч',
  value: 'Маани',
  cases: 'Билдирилген иштер',
  late: 'Кечиктирилип билдирилгендер (R-5.2.3)',
  median: 'Токтотууга чейинки убакыттын медианасы',
  medianNone: 'Мезгилде токтотулган иш жок',
  hours: '{{n}} саат',
  share: '{{n}} %',
  byCause: 'Себептери боюнча',
  cause: 'Себеби',
  count: 'Иштер',
  ofInvestigated: 'Иликтелгендердин үлүшү',
  total: 'Баары иликтелди',
  notInvestigated: 'Азырынча иликтене элек: {{n}}',
  chartTitle: 'Себептери боюнча иштер',
  chartDesc: 'Ар бир себеп үчүн иштердин саны, мезгил: {{period}}.',
  none: 'Бул мезгилде бир да иш билдирилген эмес.',
  badDate: 'Күндү текшериңиз (жжжж-аа-кк).',
  fromAfterTo: 'Мезгилдин аягы башталышынан мурун боло албайт.',
  tooLong: 'Мезгил он жылдан ашпашы керек.',
  causes: {
    shared_credentials: 'Логин башкага берилген',
    phishing: 'Фишинг',
    lost_device: 'Түзмөк жоголгон',
    weak_password: 'Алсыз сырсөз',
    unknown: 'Белгисиз',
  },
};
type Words = typeof ky;

const ru: Words = {
  title: 'Статистика нарушений',
  intro:
    'Дела, о которых сообщили за выбранный период: сколько сообщений опоздало (R-5.2.3), медиана времени от сообщения до локализации и причины, установленные расследованием.',
  back: 'К списку дел',
  from: 'С',
  to: 'По',
  presets: 'Период',
  thisMonth: 'Этот месяц',
  lastMonth: 'Прошлый месяц',
  thisYear: 'Этот год',
  period: '{{from}} — {{to}}',
  summary: 'Итоги',
  indicator: 'Показатель',
  value: 'Значение',
  cases: 'Сообщено дел',
  late: 'Сообщено с опозданием (R-5.2.3)',
  median: 'Медиана времени до локализации',
  medianNone: 'За период ни одно дело не локализовано',
  hours: '{{n}} ч',
  share: '{{n}} %',
  byCause: 'По причинам',
  cause: 'Причина',
  count: 'Дел',
  ofInvestigated: 'Доля среди расследованных',
  total: 'Всего расследовано',
  notInvestigated: 'Ещё не расследовано: {{n}}',
  chartTitle: 'Дела по причинам',
  chartDesc: 'Число дел по каждой причине за период {{period}}.',
  none: 'За этот период сообщений о нарушениях не было.',
  badDate: 'Проверьте дату (гггг-мм-дд).',
  fromAfterTo: 'Конец периода не может быть раньше начала.',
  tooLong: 'Период не может быть длиннее десяти лет.',
  causes: {
    shared_credentials: 'Передача логина',
    phishing: 'Фишинг',
    lost_device: 'Потеря устройства',
    weak_password: 'Слабый пароль',
    unknown: 'Не установлена',
  },
};

const en: Words = {
  title: 'Breach statistics',
  intro:
    'Cases reported in the chosen period: how many were reported late (R-5.2.3), the median time from the report to containment, and the causes the investigation found.',
  back: 'Back to the cases',
  from: 'From',
  to: 'To',
  presets: 'Period',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisYear: 'This year',
  period: '{{from}} – {{to}}',
  summary: 'Summary',
  indicator: 'Indicator',
  value: 'Value',
  cases: 'Cases reported',
  late: 'Reported late (R-5.2.3)',
  median: 'Median time to containment',
  medianNone: 'No case was contained in the period',
  hours: '{{n}} h',
  share: '{{n}}%',
  byCause: 'By cause',
  cause: 'Cause',
  count: 'Cases',
  ofInvestigated: 'Share of those investigated',
  total: 'Investigated in all',
  notInvestigated: 'Not investigated yet: {{n}}',
  chartTitle: 'Cases by cause',
  chartDesc: 'The number of cases for each cause, {{period}}.',
  none: 'No breach was reported in this period.',
  badDate: 'Check the date (yyyy-mm-dd).',
  fromAfterTo: 'The end of the period cannot come before its start.',
  tooLong: 'The period cannot be longer than ten years.',
  causes: {
    shared_credentials: 'Shared credentials',
    phishing: 'Phishing',
    lost_device: 'Lost device',
    weak_password: 'Weak password',
    unknown: 'Unknown',
  },
};

// Mounted beside the other words, under `breachStats`, without touching the shared dictionaries.
for (const [lang, words] of Object.entries({ ky, ru, en }))
  i18n.addResourceBundle(lang, 'translation', { breachStats: words }, true, false);

/** Today in Bishkek, yyyy-MM-dd. */
function bishkekToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(new Date());
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The quick periods, each from its first day to its last (this month and this year end today). */
function presets(today: string): { key: 'thisMonth' | 'lastMonth' | 'thisYear'; from: string; to: string }[] {
  const [y, m] = today.split('-').map(Number);
  return [
    { key: 'thisMonth', from: iso(y, m, 1), to: today },
    { key: 'lastMonth', from: iso(y, m - 1, 1), to: iso(y, m, 0) },
    { key: 'thisYear', from: iso(y, 1, 1), to: today },
  ];
}

/** Numbers in the reader's language (Kyrgyz writes them as Russian does: a decimal comma). */
function number(n: number, lang: string, digits = 0): string {
  return n.toLocaleString(lang === 'en' ? 'en' : 'ru', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/**
 * The statistics of credential-breach cases per period: for the information-security officer, the
 * director and the auditor. A period picker (kept in the address, so a link or a reload shows the same
 * period), a summary table, the cases by cause as a table and as a bar chart drawn in SVG.
 */
export function BreachStatsPage(): ReactElement {
  const { t, i18n: tr } = useTranslation();
  const lang = tr.language;
  const today = bishkekToday();
  const [first] = presets(today);
  const [period, setPeriod] = useUrlState({ from: first.from, to: first.to });
  const stats = useLoad(
    () => request<Stats>(withQuery('/api/breaches/stats', { from: period.from, to: period.to })),
    [period.from, period.to],
  );
  // The server names the field; the words are the reader's.
  const fieldError = (name: 'from' | 'to') => {
    if (!stats.error?.body.fields?.some((f) => f.field === name)) return undefined;
    if (name === 'from' || !DAY.test(period.from) || !DAY.test(period.to)) return t('breachStats.badDate');
    return period.from > period.to ? t('breachStats.fromAfterTo') : t('breachStats.tooLong');
  };
  const periodError = Boolean(stats.error?.body.fields?.length);
  const periodText = t('breachStats.period', {
    from: formatDate(period.from, lang),
    to: formatDate(period.to, lang),
  });

  return (
    <section data-testid="breach-stats">
      <PageTitle intro={t('breachStats.intro')}>{t('breachStats.title')}</PageTitle>
      <p>
        <a href={href('/breaches')}>← {t('breachStats.back')}</a>
      </p>

      <div className="panel">
        <div className="filters" style={{ alignItems: 'flex-start' }}>
          <Field label={t('breachStats.from')} error={fieldError('from')}>
            {(id, describedBy) => (
              <input
                id={id}
                type="date"
                value={period.from}
                max={period.to || undefined}
                aria-describedby={describedBy}
                onChange={(e) => setPeriod({ from: e.target.value })}
                data-testid="stats-from"
              />
            )}
          </Field>
          <Field label={t('breachStats.to')} error={fieldError('to')}>
            {(id, describedBy) => (
              <input
                id={id}
                type="date"
                value={period.to}
                min={period.from || undefined}
                aria-describedby={describedBy}
                onChange={(e) => setPeriod({ to: e.target.value })}
                data-testid="stats-to"
              />
            )}
          </Field>
        </div>
        <div className="form-actions" role="group" aria-label={t('breachStats.presets')}>
          {presets(today).map((p) => {
            const active = p.from === period.from && p.to === period.to;
            return (
              <button
                key={p.key}
                type="button"
                className={`btn btn-small${active ? ' btn-primary' : ''}`}
                aria-pressed={active}
                onClick={() => setPeriod({ from: p.from, to: p.to })}
                data-testid={`stats-preset-${p.key}`}
              >
                {t(`breachStats.${p.key}`)}
              </button>
            );
          })}
        </div>
      </div>

      {stats.error && !periodError && <LoadError error={stats.error} />}
      {!stats.data && !stats.error && <Loading />}
      {stats.data && !periodError && <StatsView stats={stats.data} period={periodText} t={t} lang={lang} />}
    </section>
  );
}

function StatsView({
  stats,
  period,
  t,
  lang,
}: {
  stats: Stats;
  period: string;
  t: TFunction;
  lang: string;
}): ReactElement {
  const investigated = CAUSES.reduce((n, c) => n + stats.byCause[c], 0);
  const median = stats.medianHoursToContainment;
  return (
    <div data-testid="stats-result" aria-live="polite">
      <div className="table-block" style={{ marginBottom: '1rem', maxWidth: '48rem' }}>
        <table data-testid="stats-summary">
          <caption className="sr-only">{`${t('breachStats.summary')}, ${period}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('breachStats.indicator')}</th>
              <th scope="col" style={{ textAlign: 'right' }}>
                {t('breachStats.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('breachStats.cases')}</th>
              <td style={{ textAlign: 'right' }} data-testid="stats-cases" data-value={stats.cases}>
                {number(stats.cases, lang)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('breachStats.late')}</th>
              <td
                style={{ textAlign: 'right' }}
                className={stats.late ? 'warn' : undefined}
                data-testid="stats-late"
                data-value={stats.late}
              >
                {number(stats.late, lang)}
                {stats.cases > 0 && (
                  <span className="muted"> ({t('breachStats.share', { n: percent(stats.late, stats.cases) })})</span>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('breachStats.median')}</th>
              <td style={{ textAlign: 'right' }} data-testid="stats-median" data-value={median ?? ''}>
                {median === null ? (
                  <span className="muted">{t('breachStats.medianNone')}</span>
                ) : (
                  t('breachStats.hours', { n: number(median, lang, 1) })
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      {stats.cases === 0 ? (
        <p className="muted" data-testid="stats-none">
          {t('breachStats.none')}
        </p>
      ) : (
        <div className="panel" style={{ maxWidth: '48rem' }}>
          <h2>{t('breachStats.byCause')}</h2>
          <CauseChart stats={stats} period={period} t={t} lang={lang} />
          <table data-testid="stats-causes">
            <caption className="sr-only">{`${t('breachStats.byCause')}, ${period}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breachStats.cause')}</th>
                <th scope="col" style={{ textAlign: 'right' }}>
                  {t('breachStats.count')}
                </th>
                <th scope="col" style={{ textAlign: 'right' }}>
                  {t('breachStats.ofInvestigated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CAUSES.map((c) => (
                <tr key={c} data-testid={`stats-cause-${c}`} data-value={stats.byCause[c]}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    {t(`breachStats.causes.${c}`)}
                    {c === 'shared_credentials' && <span className="muted small"> (R-5.2.1)</span>}
                  </th>
                  <td style={{ textAlign: 'right' }}>{number(stats.byCause[c], lang)}</td>
                  <td style={{ textAlign: 'right' }} className="muted">
                    {investigated ? t('breachStats.share', { n: percent(stats.byCause[c], investigated) }) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('breachStats.total')}</th>
                <td style={{ textAlign: 'right' }}>{number(investigated, lang)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          {stats.cases > investigated && (
            <p className="muted small" data-testid="stats-not-investigated">
              {t('breachStats.notInvestigated', { n: number(stats.cases - investigated, lang) })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The chart's box: measured, so its text stays the page's size on a phone as on a desk. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.min(720, Math.floor(el.clientWidth))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Cases by cause as horizontal bars, drawn in SVG: one row per cause, the bar's length in proportion to the
 * largest, the count at its end; shared credentials in the warning colour. Wide, each cause's name
 * stands left of its bar; narrow (a phone), above it. The table below carries the same figures for a screen
 * reader; the chart is named by its title and description.
 */
function CauseChart({
  stats,
  period,
  t,
  lang,
}: {
  stats: Stats;
  period: string;
  t: TFunction;
  lang: string;
}): ReactElement {
  const [ref, width] = useWidth();
  const narrow = width < 480;
  const label = narrow ? 0 : 190;
  const row = narrow ? 46 : 34;
  const bar = 18;
  const top = 6;
  const span = width - label - 40;
  const height = top * 2 + CAUSES.length * row;
  const max = Math.max(1, ...CAUSES.map((c) => stats.byCause[c]));
  return (
    <div ref={ref} style={{ marginBottom: '1rem' }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        style={{ display: 'block', maxWidth: '100%' }}
        role="img"
        aria-labelledby="stats-chart-title stats-chart-desc"
        data-testid="stats-chart"
      >
        <title id="stats-chart-title">{t('breachStats.chartTitle')}</title>
        <desc id="stats-chart-desc">{t('breachStats.chartDesc', { period })}</desc>
        {!narrow && (
          <line x1={label} x2={label} y1={top / 2} y2={height - top / 2} stroke="var(--line)" strokeWidth={1} />
        )}
        {CAUSES.map((c, i) => {
          const n = stats.byCause[c];
          const y = top + i * row;
          const barY = narrow ? y + row - bar - 4 : y + (row - bar) / 2;
          const w = n ? Math.max(3, (n / max) * span) : 0;
          return (
            <g key={c} data-testid={`stats-bar-${c}`} data-value={n}>
              <text
                x={narrow ? 0 : label - 8}
                y={narrow ? y + 13 : y + row / 2}
                textAnchor={narrow ? 'start' : 'end'}
                dominantBaseline="middle"
                fontSize={13}
                fill="var(--ink)"
              >
                {t(`breachStats.causes.${c}`)}
              </text>
              <rect
                x={label}
                y={barY}
                width={w}
                height={bar}
                rx={3}
                fill={c === 'shared_credentials' ? 'var(--danger)' : 'var(--primary)'}
              />
              <text
                x={label + w + 6}
                y={barY + bar / 2}
                dominantBaseline="middle"
                fontSize={13}
                fontWeight={600}
                fill="var(--ink)"
              >
                {number(n, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
