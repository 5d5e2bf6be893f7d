import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useSubmit } from '../hooks';
import { Field, Notice, Refusal } from '../components/ui';
import type { DeadlineSettings } from '../types';
import { DURATION_UNITS, formatDuration, parseDuration, type Amount, type DurationUnit } from './durations';

const DEFAULT_AMOUNT: Amount = { n: 30, unit: 'minutes' };

/** A number and a unit, standing for an ISO-8601 duration. */
function DurationInput({
  label,
  hint,
  value,
  onChange,
  testId,
  error,
}: {
  label: string;
  hint?: string;
  value: Amount;
  onChange: (v: Amount) => void;
  testId: string;
  error?: string;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={hint} error={error}>
      {(id, d) => (
        <div className="duration">
          <input
            id={id}
            aria-describedby={d}
            type="number"
            min={1}
            step={1}
            required
            value={value.n}
            onChange={(e) => onChange({ ...value, n: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
            data-testid={`${testId}-n`}
          />
          <select
            aria-label={t('settings.unit')}
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
            data-testid={`${testId}-unit`}
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`settings.units.${u}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

/**
 * The ladder of an issued item: how long before the due time the holder is reminded, when the director
 * hears of an item still out, and how many working days a classified item (other than For Official Use)
 * is issued for by default. The director saves it (`PUT /api/settings/deadlines`); running reminders and
 * escalations follow. Anyone else reads it, disabled, with the reason.
 */
export function DeadlineSettingsForm({
  settings,
  canEdit,
  onSaved,
}: {
  settings: DeadlineSettings;
  canEdit: boolean;
  onSaved: (s: DeadlineSettings) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [reminder, setReminder] = useState<Amount>(parseDuration(settings.reminderBefore) ?? DEFAULT_AMOUNT);
  const [nextDay, setNextDay] = useState(settings.directorAfter === 'next_working_day');
  const [after, setAfter] = useState<Amount>(
    (settings.directorAfter !== 'next_working_day' && parseDuration(settings.directorAfter)) || { n: 2, unit: 'hours' },
  );
  const [days, setDays] = useState(String(settings.defaultReturnDays));
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const fieldError = (name: string) => submit.error?.body.fields?.find((f) => f.field.split('.')[0] === name)?.message;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    await submit.run(async () => {
      const answer = await api.saveDeadlineSettings({
        reminderBefore: formatDuration(reminder),
        directorAfter: nextDay ? 'next_working_day' : formatDuration(after),
        defaultReturnDays: Number(days),
      });
      setSaved(true);
      onSaved(answer);
    });
  }

  return (
    <section className="panel" aria-labelledby="deadline-settings-h">
      <h2 id="deadline-settings-h">{t('settings.title')}</h2>
      <p className="intro">{t('settings.intro')}</p>
      {!canEdit && (
        <p className="alert alert-error" data-testid="settings-read-only">
          {t('settings.readOnly')}
        </p>
      )}
      <form onSubmit={save} data-testid="settings-form">
        <fieldset className="plain" disabled={!canEdit}>
          <div className="form-grid">
            <DurationInput
              label={t('settings.reminderBefore')}
              hint={t('settings.reminderHint')}
              value={reminder}
              onChange={(v) => {
                setSaved(false);
                setReminder(v);
              }}
              testId="settings-reminder"
              error={fieldError('reminderBefore')}
            />
            <Field
              label={t('settings.defaultReturnDays')}
              hint={t('settings.defaultReturnHint')}
              error={fieldError('defaultReturnDays')}
            >
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  type="number"
                  min={1}
                  max={60}
                  step={1}
                  required
                  value={days}
                  onChange={(e) => {
                    setSaved(false);
                    setDays(e.target.value);
                  }}
                  data-testid="settings-defaultReturnDays"
                />
              )}
            </Field>
          </div>
          <fieldset className="variants">
            <legend>{t('settings.directorAfter')}</legend>
            <label className="variant">
              <input
                type="radio"
                name="director-after"
                checked={nextDay}
                onChange={() => {
                  setSaved(false);
                  setNextDay(true);
                }}
                data-testid="settings-director-next-day"
              />
              {t('settings.nextWorkingDay')}
            </label>
            <label className="variant">
              <input
                type="radio"
                name="director-after"
                checked={!nextDay}
                onChange={() => {
                  setSaved(false);
                  setNextDay(false);
                }}
                data-testid="settings-director-after"
              />
              {t('settings.afterDuration')}
            </label>
          </fieldset>
          {!nextDay && (
            <div className="form-grid">
              <DurationInput
                label={t('settings.afterOverdue')}
                value={after}
                onChange={(v) => {
                  setSaved(false);
                  setAfter(v);
                }}
                testId="settings-after"
                error={fieldError('directorAfter')}
              />
            </div>
          )}
        </fieldset>
        {submit.error && <Refusal error={submit.error} />}
        {saved && (
          <Notice>
            <span data-testid="settings-saved">{t('settings.saved')}</span>
          </Notice>
        )}
        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={submit.busy} data-testid="settings-save">
              {submit.busy ? t('common.busy') : t('common.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
