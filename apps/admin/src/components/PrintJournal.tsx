import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfUrl, type Query } from '../api';
import { Field } from './ui';
import { todayInBishkek } from '../format';
import { currentLang, LANG_NAMES } from '../i18n';

/** A printed journal is in Kyrgyz or Russian (the server renders no other). */
const PRINT_LANGS = ['ky', 'ru'] as const;
type PrintLang = (typeof PRINT_LANGS)[number];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why the period cannot be printed yet (an i18n key), or null: both days, in order, at most a year apart (as the server checks). */
export function periodProblem(from: string, to: string): string | null {
  if (!DAY.test(from) || !DAY.test(to)) return 'registers.print.needDates';
  if (from > to) return 'registers.print.order';
  if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) return 'registers.print.tooLong';
  return null;
}

/**
 * "Басып чыгаруу (PDF)" beside a journal's CSV export: the same query (`params`: its filters and
 * sort) printed for a period, first day of this month to today by default, in Kyrgyz or Russian.
 * The download stays disabled until the period is one the server takes.
 */
export function PrintJournal({ path, params }: { path: string; params: Query }): ReactElement {
  const { t } = useTranslation();
  const panelId = useId();
  const problemId = useId();
  const today = todayInBishkek();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [lang, setLang] = useState<PrintLang>(currentLang() === 'ru' ? 'ru' : 'ky');
  const problem = periodProblem(from, to);
  return (
    <div className="print-journal">
      <button
        ref={toggle}
        type="button"
        className="btn btn-small btn-ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="print-pdf"
      >
        {t('registers.print.action')}
      </button>
      {open && (
        <div
          id={panelId}
          className="print-panel"
          role="group"
          aria-label={t('registers.print.action')}
          onKeyDown={(e) => e.key === 'Escape' && close()}
        >
          <Field label={t('registers.print.from')} hint={t('registers.print.hint')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="date"
                value={from}
                max={to || undefined}
                onChange={(e) => setFrom(e.target.value)}
                data-testid="print-from"
              />
            )}
          </Field>
          <Field label={t('registers.print.to')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={to}
                min={from || undefined}
                onChange={(e) => setTo(e.target.value)}
                data-testid="print-to"
              />
            )}
          </Field>
          <Field label={t('registers.print.lang')}>
            {(id) => (
              <select
                id={id}
                value={lang}
                onChange={(e) => setLang(e.target.value as PrintLang)}
                data-testid="print-lang"
              >
                {PRINT_LANGS.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANG_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="print-go">
            {problem ? (
              <>
                <button type="button" className="btn btn-small" disabled aria-describedby={problemId}>
                  {t('registers.print.download')}
                </button>
                <p className="field-error" id={problemId} role="status">
                  {t(problem)}
                </p>
              </>
            ) : (
              <a
                className="btn btn-small"
                href={pdfUrl(path, { ...params, from, to, lang })}
                download
                data-testid="print-download"
              >
                {t('registers.print.download')}
              </a>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
