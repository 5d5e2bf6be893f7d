import { useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ruleText } from '../rules';
import { BREACH_CAUSES, BREACH_SEVERITIES, type BreachCause, type BreachSeverity, type BreachView } from '../types';
import { CheckField, Field } from '../components/ui';
import { AccessTrace } from './AccessTrace';
import { breachEventLabel, causeLabel, personName, severityLabel } from './labels';

/** The events that open a form of their own; the rest (SUBMIT_REPORT) are sent at once, SIGN has the act's form. */
export const FORM_EVENTS = ['TRIAGE', 'CONTAIN', 'CONFIRM_RESET', 'INVESTIGATE', 'REMEDIATE'] as const;

export interface StepFormProps {
  c: BreachView;
  busy: boolean;
  onSend: (payload: Record<string, unknown>) => Promise<boolean>;
  onCancel: () => void;
}

/** A rule cited beside a form: its id and its text in the UI language. */
export function RuleNote({ rule, children }: { rule: string; children?: ReactNode }): ReactElement {
  const { i18n } = useTranslation();
  return (
    <p className="rule-note small" data-testid={`rule-${rule}`}>
      <span className="rule-id">{rule}</span> {children ?? ruleText(rule, i18n.language)}
    </p>
  );
}

/** The frame every step form shares: the event's name, what it does, the fields, send and cancel. */
function StepForm({
  type,
  busy,
  intro,
  canSend = true,
  onSubmit,
  onCancel,
  children,
}: {
  type: string;
  busy: boolean;
  intro?: ReactNode;
  canSend?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children?: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <form
      className="panel action-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (!busy && canSend) onSubmit();
      }}
      data-testid={`action-form-${type}`}
      aria-label={breachEventLabel(t, type)}
    >
      <h3>{breachEventLabel(t, type)}</h3>
      {intro && <div className="small">{intro}</div>}
      {children}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !canSend} data-testid="action-submit">
          {busy ? t('common.busy') : breachEventLabel(t, type)}
        </button>
        <button type="button" className="btn" onClick={onCancel} data-testid="action-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** TRIAGE (the officer): how severe, and whether personal data may be exposed. */
export function TriageForm({ busy, onSend, onCancel }: StepFormProps): ReactElement {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<BreachSeverity | ''>('');
  const [personalData, setPersonalData] = useState(false);
  return (
    <StepForm
      type="TRIAGE"
      busy={busy}
      intro={t('breach.forms.triageIntro')}
      canSend={severity !== ''}
      onSubmit={() => void onSend({ severity, personalData })}
      onCancel={onCancel}
    >
      <Field label={t('breach.field.severity')}>
        {(id) => (
          <select
            id={id}
            required
            autoFocus
            value={severity}
            onChange={(e) => setSeverity(e.target.value as BreachSeverity)}
            data-testid="field-severity"
          >
            <option value="">{t('common.choose')}</option>
            {BREACH_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(t, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckField
        label={t('breach.forms.personalData')}
        checked={personalData}
        onChange={setPersonalData}
        testId="field-personalData"
      />
      <RuleNote rule="R-1.4" />
    </StepForm>
  );
}

/**
 * CONTAIN (the officer or support). A Grif account: every session is revoked and a password reset forced, in
 * the same step; a portal account waits for support to confirm the reset there.
 */
export function ContainForm({ c, busy, onSend, onCancel }: StepFormProps): ReactElement {
  const { t } = useTranslation();
  const owner = personName(c.owner, c.names, c.account);
  return (
    <StepForm
      type="CONTAIN"
      busy={busy}
      intro={
        <p className={c.system === 'grif' ? 'alert alert-error' : undefined} data-testid="contain-effect">
          {c.system === 'grif'
            ? t('breach.forms.containGrif', { account: c.account, owner })
            : t('breach.forms.containPortal', { account: c.account, owner })}
        </p>
      }
      onSubmit={() => void onSend({})}
      onCancel={onCancel}
    />
  );
}

/** CONFIRM_RESET (support): the portal account's password was reset there. */
export function ConfirmResetForm({ c, busy, onSend, onCancel }: StepFormProps): ReactElement {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <StepForm
      type="CONFIRM_RESET"
      busy={busy}
      intro={t('breach.forms.confirmResetIntro', { account: c.account })}
      canSend={done}
      onSubmit={() => void onSend({})}
      onCancel={onCancel}
    >
      <CheckField
        label={t('breach.forms.confirmResetCheck')}
        checked={done}
        onChange={setDone}
        testId="field-resetDone"
      />
    </StepForm>
  );
}

/**
 * INVESTIGATE (the officer): the cause — shared credentials break and make the owner liable — and what
 * was accessed; for a Grif account Grif's own sessions and history are shown beside it, to be put in.
 */
export function InvestigateForm({ c, busy, onSend, onCancel }: StepFormProps): ReactElement {
  const { t } = useTranslation();
  const [cause, setCause] = useState<BreachCause | ''>('');
  const [accessed, setAccessed] = useState('');
  const owner = personName(c.owner, c.names, c.account);
  return (
    <StepForm
      type="INVESTIGATE"
      busy={busy}
      intro={t('breach.forms.investigateIntro')}
      canSend={cause !== '' && accessed.trim() !== ''}
      onSubmit={() => void onSend({ cause, accessed: accessed.trim() })}
      onCancel={onCancel}
    >
      <Field label={t('breach.field.cause')}>
        {(id) => (
          <select
            id={id}
            required
            autoFocus
            value={cause}
            onChange={(e) => setCause(e.target.value as BreachCause)}
            data-testid="field-cause"
          >
            <option value="">{t('common.choose')}</option>
            {BREACH_CAUSES.map((s) => (
              <option key={s} value={s}>
                {causeLabel(t, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {cause === 'shared_credentials' && (
        <RuleNote rule="R-5.2.1">
          <span data-testid="owner-liable">{t('breach.forms.ownerLiable', { owner })}</span>
        </RuleNote>
      )}
      <Field
        label={t('breach.field.accessed')}
        hint={c.system === 'grif' ? t('breach.forms.accessedGrif') : t('breach.forms.accessedPortal')}
      >
        {(id, d) => (
          <textarea
            id={id}
            aria-describedby={d}
            rows={6}
            required
            value={accessed}
            onChange={(e) => setAccessed(e.target.value)}
            data-testid="field-accessed"
          />
        )}
      </Field>
      {c.system === 'grif' && (
        <AccessTrace id={c.id} onUse={(text) => setAccessed((old) => (old.trim() ? `${old.trim()}\n${text}` : text))} />
      )}
    </StepForm>
  );
}

/** REMEDIATE (the officer): the measures taken, and a repeated security briefing recorded against the owner. */
export function RemediateForm({ c, busy, onSend, onCancel }: StepFormProps): ReactElement {
  const { t } = useTranslation();
  const [measures, setMeasures] = useState('');
  const [rebriefing, setRebriefing] = useState(c.investigation?.cause === 'shared_credentials');
  const owner = personName(c.owner, c.names, c.account);
  return (
    <StepForm
      type="REMEDIATE"
      busy={busy}
      intro={t('breach.forms.remediateIntro')}
      canSend={measures.trim() !== ''}
      onSubmit={() => void onSend({ measures: measures.trim(), rebriefing })}
      onCancel={onCancel}
    >
      <Field label={t('breach.field.measures')}>
        {(id) => (
          <textarea
            id={id}
            rows={4}
            required
            autoFocus
            value={measures}
            onChange={(e) => setMeasures(e.target.value)}
            data-testid="field-measures"
          />
        )}
      </Field>
      <CheckField
        label={t('breach.forms.rebriefing', { owner })}
        checked={rebriefing}
        onChange={setRebriefing}
        testId="field-rebriefing"
      />
      <RuleNote rule="R-2.5">{t('breach.forms.rebriefingRule')}</RuleNote>
    </StepForm>
  );
}
