import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatDate } from '../format';
import { useSubmit } from '../hooks';
import i18n from '../i18n';
import { Field, Refusal } from '../components/ui';
import type { CalendarChange, CalendarEntry, WorkingCalendar } from '../types';

const FIVE_DAYS = [1, 2, 3, 4, 5];
const SIX_DAYS = [1, 2, 3, 4, 5, 6];
const INSTITUTION_CLASSES = ['state', 'municipal', 'budget', 'private'] as const;
/** What the director adds: a kind of entry, or an announced lunar holiday (a holiday with the key it replaces). */
const ADD_KINDS = [
  'holiday',
  'decreed_off',
  'decreed_working',
  'shortened',
  'working_holiday',
  'orozo_ait',
  'kurman_ait',
] as const;
type AddKind = (typeof ADD_KINDS)[number];
const LUNAR = new Set<AddKind>(['orozo_ait', 'kurman_ait']);

const sameWeek = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort().every((d, i) => d === b[i]);

/** The name a lunar holiday has in every language of the UI: the Regulation's languages, not only the reader's. */
function lunarName(key: string): CalendarEntry['name'] {
  const name = (lang: string) => i18n.getFixedT(lang)(`calendar.lunar.${key}`);
  return { ky: name('ky'), ru: name('ru'), en: name('en') };
}

/**
 * The director's form over the school's working calendar: hours, the working week (five or six days),
 * the institution class the Cabinet's decrees speak to, and the school's own dated entries (holidays,
 * decreed days off and working days, shortened days, announced lunar dates). Saved whole with
 * `PUT /api/calendar`; the answer says how many running deadlines moved. Anyone else reads it, disabled,
 * with the reason.
 */
export function CalendarEditor({
  calendar,
  canEdit,
  onSaved,
}: {
  calendar: WorkingCalendar;
  canEdit: boolean;
  onSaved: (change: CalendarChange) => void;
}): ReactElement {
  const {
    t,
    i18n: { language: lang },
  } = useTranslation();
  const [draft, setDraft] = useState<WorkingCalendar>(calendar);
  const submit = useSubmit();
  const dirty = JSON.stringify(draft) !== JSON.stringify(calendar);
  const put = (patch: Partial<WorkingCalendar>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldError = (name: string) => submit.error?.body.fields?.find((f) => f.field.split('.')[0] === name)?.message;

  async function save(e: FormEvent) {
    e.preventDefault();
    await submit.run(async () => {
      onSaved(await api.saveCalendar(draft));
    });
  }

  const week = sameWeek(draft.workingWeekdays, FIVE_DAYS)
    ? 'five'
    : sameWeek(draft.workingWeekdays, SIX_DAYS)
      ? 'six'
      : '';
  const entries = [...draft.entries].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section className="panel" aria-labelledby="calendar-edit-h">
      <h2 id="calendar-edit-h">{t('calendar.settingsTitle')}</h2>
      {!canEdit && (
        <p className="alert alert-error" data-testid="calendar-read-only">
          {t('calendar.readOnly')}
        </p>
      )}
      <form onSubmit={save} data-testid="calendar-form">
        <fieldset className="plain" disabled={!canEdit}>
          <div className="form-grid">
            <Field label={t('calendar.dayStart')} error={fieldError('dayStart')}>
              {(id) => (
                <input
                  id={id}
                  type="time"
                  required
                  value={draft.dayStart}
                  onChange={(e) => put({ dayStart: e.target.value })}
                  data-testid="calendar-dayStart"
                />
              )}
            </Field>
            <Field label={t('calendar.dayEnd')} error={fieldError('dayEnd')}>
              {(id) => (
                <input
                  id={id}
                  type="time"
                  required
                  value={draft.dayEnd}
                  onChange={(e) => put({ dayEnd: e.target.value })}
                  data-testid="calendar-dayEnd"
                />
              )}
            </Field>
            <Field
              label={t('calendar.shortenedMinutes')}
              hint={t('calendar.shortenedHint')}
              error={fieldError('shortenedMinutes')}
            >
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  type="number"
                  min={0}
                  max={600}
                  step={5}
                  required
                  value={draft.shortenedMinutes}
                  onChange={(e) => put({ shortenedMinutes: Number(e.target.value) })}
                  data-testid="calendar-shortenedMinutes"
                />
              )}
            </Field>
            <Field label={t('calendar.institutionClass')} hint={t('calendar.institutionHint')}>
              {(id, d) => (
                <select
                  id={id}
                  aria-describedby={d}
                  value={draft.institutionClass}
                  onChange={(e) => put({ institutionClass: e.target.value as WorkingCalendar['institutionClass'] })}
                  data-testid="calendar-institutionClass"
                >
                  {INSTITUTION_CLASSES.map((c) => (
                    <option key={c} value={c}>
                      {t(`calendar.institution.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <fieldset className="variants" data-testid="calendar-week">
            <legend>{t('calendar.workingWeek')}</legend>
            {(['five', 'six'] as const).map((w) => (
              <label key={w} className="variant">
                <input
                  type="radio"
                  name="working-week"
                  checked={week === w}
                  onChange={() => put({ workingWeekdays: w === 'five' ? FIVE_DAYS : SIX_DAYS })}
                  data-testid={`calendar-week-${w}`}
                />
                {t(`calendar.week.${w}`)}
              </label>
            ))}
            {week === '' && (
              <span className="muted small">
                {t('calendar.week.other', {
                  days: draft.workingWeekdays.map((d) => t(`calendar.weekday.${d}`)).join(', '),
                })}
              </span>
            )}
          </fieldset>

          <h3>{t('calendar.entries')}</h3>
          <p className="hint">{t('calendar.entriesHint')}</p>
          {entries.length === 0 ? (
            <p className="muted" data-testid="calendar-no-entries">
              {t('calendar.noEntries')}
            </p>
          ) : (
            <div className="table-scroll">
              <table data-testid="calendar-entries">
                <thead>
                  <tr>
                    <th scope="col">{t('field.date')}</th>
                    <th scope="col">{t('calendar.entryKind')}</th>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('calendar.source')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={`${e.date}-${e.kind}-${e.key ?? ''}`} data-testid="calendar-entry" data-date={e.date}>
                      <td>{formatDate(e.date, lang)}</td>
                      <td>
                        {e.key
                          ? t(`calendar.lunarAnnounced.${e.key}`, { defaultValue: e.key })
                          : t(`calendar.entryKinds.${e.kind}`)}
                      </td>
                      <td>{e.name[lang as keyof CalendarEntry['name']] ?? e.name.ky}</td>
                      <td>{e.source ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => put({ entries: draft.entries.filter((x) => x !== e) })}
                          data-testid="calendar-entry-remove"
                        >
                          {t('calendar.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canEdit && (
            <AddEntry
              onAdd={(entry) =>
                put({
                  // One entry per date from this form, and an announced lunar date replaces its guess all year.
                  entries: [
                    ...draft.entries.filter(
                      (x) =>
                        x.date !== entry.date &&
                        !(entry.key && x.key === entry.key && x.date.slice(0, 4) === entry.date.slice(0, 4)),
                    ),
                    entry,
                  ],
                })
              }
            />
          )}
        </fieldset>
        {submit.error && <Refusal error={submit.error} />}
        {canEdit && (
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!dirty || submit.busy}
              data-testid="calendar-save"
            >
              {submit.busy ? t('common.busy') : t('common.save')}
            </button>
            <button type="button" className="btn" disabled={!dirty} onClick={() => setDraft(calendar)}>
              {t('calendar.discard')}
            </button>
            {dirty && <span className="warn small">{t('calendar.unsaved')}</span>}
          </div>
        )}
      </form>
    </section>
  );
}

/** A new dated entry: its date, kind, name in Kyrgyz (Russian and English default to it) and its source. */
function AddEntry({ onAdd }: { onAdd: (entry: CalendarEntry) => void }): ReactElement {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<AddKind>('decreed_off');
  const [name, setName] = useState({ ky: '', ru: '', en: '' });
  const [source, setSource] = useState('');
  const lunar = LUNAR.has(kind);
  const ready = date !== '' && (lunar || name.ky.trim() !== '');

  function add() {
    if (!ready) return;
    const ky = name.ky.trim();
    const entry: CalendarEntry = lunar
      ? { date, kind: 'holiday', key: kind, name: lunarName(kind) }
      : { date, kind: kind as CalendarEntry['kind'], name: { ky, ru: name.ru.trim() || ky, en: name.en.trim() || ky } };
    if (source.trim()) entry.source = source.trim();
    onAdd(entry);
    setDate('');
    setName({ ky: '', ru: '', en: '' });
    setSource('');
  }

  return (
    <div className="add-entry" data-testid="calendar-add">
      <h3>{t('calendar.addEntry')}</h3>
      <div className="form-grid">
        <Field label={t('field.date')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              data-testid="entry-date"
            />
          )}
        </Field>
        <Field label={t('calendar.entryKind')} hint={t(`calendar.addKindHint.${kind}`)}>
          {(id, d) => (
            <select
              id={id}
              aria-describedby={d}
              value={kind}
              onChange={(e) => setKind(e.target.value as AddKind)}
              data-testid="entry-kind"
            >
              {ADD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {LUNAR.has(k) ? t(`calendar.lunarAnnounced.${k}`) : t(`calendar.entryKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!lunar && (
          <>
            <Field label={t('calendar.nameKy')}>
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={name.ky}
                  onChange={(e) => setName({ ...name, ky: e.target.value })}
                  data-testid="entry-name-ky"
                />
              )}
            </Field>
            <Field label={t('calendar.nameRu')} required={false}>
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={name.ru}
                  onChange={(e) => setName({ ...name, ru: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('calendar.nameEn')} required={false}>
              {(id) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  value={name.en}
                  onChange={(e) => setName({ ...name, en: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
        <Field label={t('calendar.source')} hint={t('calendar.sourceHint')} required={false}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="text"
              maxLength={300}
              value={source}
              onChange={(e) => setSource(e.target.value)}
              data-testid="entry-source"
            />
          )}
        </Field>
      </div>
      <button type="button" className="btn" disabled={!ready} onClick={add} data-testid="entry-add">
        {t('calendar.addToList')}
      </button>
    </div>
  );
}
