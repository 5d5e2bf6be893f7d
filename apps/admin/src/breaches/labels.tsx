import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatInstant } from '../format';
import { eventLabel } from '../labels';
import type { BreachStep, PersonRef } from '../types';

/** "Чогултулду" for `contained`; an unknown state shows as it is. */
export function breachStateLabel(t: TFunction, state: string): string {
  return t(`breach.state.${state}`, { defaultValue: state });
}

/** The step a case waits on ("triage", "containment", …) in words. */
export function stepLabel(t: TFunction, step: string): string {
  return t(`breach.step.${step}`, { defaultValue: step });
}

export function systemLabel(t: TFunction, system: string): string {
  return t(`breach.system.${system}`, { defaultValue: system });
}

export function severityLabel(t: TFunction, severity: string | null | undefined): string {
  if (!severity) return '—';
  return t(`breach.severity.${severity}`, { defaultValue: severity });
}

export function causeLabel(t: TFunction, cause: string): string {
  return t(`breach.cause.${cause}`, { defaultValue: cause });
}

/** A case event's name: the breach words first (REPORT, TRIAGE, …), then the shared ones (SIGN, SUBMIT). */
export function breachEventLabel(t: TFunction, type: string): string {
  return t(`breach.event.${type}`, { defaultValue: eventLabel(t, type) });
}

/**
 * A person the API names: `{userId, name}`, or an id with the answer's `names` beside it. Never an id on the
 * screen when a name is known; the id itself only as the last resort.
 */
export function personName(
  p: PersonRef | string | null | undefined,
  names: Record<string, string> = {},
  fallback = '—',
): string {
  if (!p) return fallback;
  if (typeof p === 'string') return names[p] ?? p;
  return p.name || names[p.userId] || p.userId;
}

/** The case's state in words, as a badge that also carries the raw value (`data-value`) for tests. */
export function BreachStateBadge({ value, testId }: { value: string; testId?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={`state breach-state breach-state-${value}`} data-testid={testId} data-value={value}>
      {breachStateLabel(t, value)}
    </span>
  );
}

/** The step's limit has passed (by the clock of the reader's machine; the server escalates by its own). */
export function isOverdue(step: Pick<BreachStep, 'dueAt'> | null | undefined, now: number = Date.now()): boolean {
  return !!step && Date.parse(step.dueAt) < now;
}

/**
 * The current step and its deadline: "Баалоо · 2026-ж., 26-ноябрь 17:00 чейин"; past its limit in the danger
 * style, with "escalated to the director" once the server has done so. Nothing for a closed case.
 */
export function StepDeadline({
  step,
  testId = 'breach-step',
  long = false,
}: {
  step: BreachStep | null;
  testId?: string;
  /** On the case page: a sentence rather than a table cell. */
  long?: boolean;
}): ReactElement {
  const { t, i18n } = useTranslation();
  if (!step)
    return (
      <span className="muted" data-testid={testId} data-step="">
        —
      </span>
    );
  const overdue = isOverdue(step);
  const due = formatInstant(step.dueAt, i18n.language);
  return (
    <span
      className={`breach-deadline${overdue ? ' breach-overdue' : ''}`}
      data-testid={testId}
      data-step={step.name}
      data-overdue={overdue}
      data-escalated={step.escalated}
    >
      <strong className="breach-step-name">{stepLabel(t, step.name)}</strong>{' '}
      <time dateTime={step.dueAt} className="breach-due">
        {long
          ? overdue
            ? t('breach.dueWasLong', { at: due })
            : t('breach.dueLong', { at: due })
          : overdue
            ? t('breach.overdueSince', { at: due })
            : t('breach.dueBy', { at: due })}
      </time>
      {step.escalated && (
        <span className="badge badge-bad" data-testid={`${testId}-escalated`}>
          {t('breach.escalated')}
        </span>
      )}
    </span>
  );
}
