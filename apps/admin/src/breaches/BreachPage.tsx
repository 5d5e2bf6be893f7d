import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad, useSubmit } from '../hooks';
import { listHref } from '../router';
import { ruleText } from '../rules';
import type { BreachView, PersonRef } from '../types';
import { LoadError, Loading, Notice, Refusal } from '../components/ui';
import { PdfLinks, RenderingNotice, SignersPanel, SignForm, useRenderPoll } from '../acts/Signing';
import { BreachTimeline } from './BreachTimeline';
import { forgetReport, reportOf } from './flash';
import {
  BreachStateBadge,
  breachEventLabel,
  breachStateLabel,
  causeLabel,
  personName,
  severityLabel,
  StepDeadline,
  systemLabel,
} from './labels';
import {
  ConfirmResetForm,
  ContainForm,
  FORM_EVENTS,
  InvestigateForm,
  RemediateForm,
  RuleNote,
  TriageForm,
  type StepFormProps,
} from './StepForms';

/** The case's own events, in the order of its steps; their buttons are shown in this order. */
const CASE_EVENTS = ['TRIAGE', 'CONTAIN', 'CONFIRM_RESET', 'INVESTIGATE', 'REMEDIATE', 'SUBMIT_REPORT', 'SIGN'];
const FORMS: Record<(typeof FORM_EVENTS)[number], (p: StepFormProps) => ReactElement> = {
  TRIAGE: TriageForm,
  CONTAIN: ContainForm,
  CONFIRM_RESET: ConfirmResetForm,
  INVESTIGATE: InvestigateForm,
  REMEDIATE: RemediateForm,
};
const hasForm = (type: string): type is (typeof FORM_EVENTS)[number] =>
  (FORM_EVENTS as readonly string[]).includes(type);
/** The report is rendered, signed, or on its way: the signers panel is shown from then on. */
const REPORT_STATES = new Set(['rendering', 'awaiting_signatures', 'closed']);

/**
 * One breach case: the facts of each step, the current step and its deadline, what may be done now
 * (each step's form; events that cannot be done now shown disabled, with the rule), the report's PDF with its
 * signers and their verification, and the timeline of everything done, in words.
 */
export function BreachPage({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const view = useLoad(() => api.breach(id), [id]);
  const history = useLoad(() => api.breachHistory(id), [id]);
  const [open, setOpen] = useState<string | undefined>();
  const [notice, setNotice] = useState<ReactNode>();
  const [reported] = useState(() => reportOf(id));
  useEffect(() => forgetReport(id), [id]);
  const send = useSubmit();
  const c = view.data;
  const reloadView = view.reload;
  const reloadHistory = history.reload;

  const rendering = c?.state === 'rendering';
  useRenderPoll(rendering, reloadView);
  // The history moves on with the case (RENDERED comes from the worker while the page polls).
  const state = c?.state;
  useEffect(() => {
    if (state) reloadHistory();
  }, [state, reloadHistory]);

  if (view.error && !c) {
    return (
      <section>
        <a href={listHref('breaches')}>{t('breach.page.backToList')}</a>
        <LoadError error={view.error} />
      </section>
    );
  }
  if (!c) return <Loading />;

  const available = new Set(c.availableEvents);
  const actions = CASE_EVENTS.filter((e) => available.has(e));
  const blocked = (c.blockedEvents ?? []).filter((b) => !available.has(b.type));

  async function sendEvent(type: string, payload: Record<string, unknown>): Promise<boolean> {
    setNotice(undefined);
    let next: string | undefined;
    const ok = await send.run(async () => {
      next = (await api.sendBreachEvent(id, type, payload, c!.version)).state;
    });
    if (ok) {
      setNotice(
        t('breach.page.accepted', { event: breachEventLabel(t, type), state: breachStateLabel(t, next ?? '') }),
      );
      setOpen(undefined);
      reloadView();
      reloadHistory();
    }
    return ok;
  }

  const formProps = (type: string): StepFormProps => ({
    c,
    busy: send.busy,
    onSend: (payload) => sendEvent(type, payload),
    onCancel: () => setOpen(undefined),
  });
  const Form = open && available.has(open) && hasForm(open) ? FORMS[open] : undefined;

  return (
    <section className="breach-page">
      <a href={listHref('breaches')} data-testid="back-to-breaches">
        {t('breach.page.backToList')}
      </a>
      <header className="doc-header">
        <div>
          <div className="doc-regnumber" data-testid="breach-number">
            {c.number}
          </div>
          <h1>{t('breach.page.title', { system: systemLabel(t, c.system), account: c.account })}</h1>
        </div>
        <div className="doc-badges">
          {c.late && (
            <span className="badge badge-warn" data-testid="breach-late-badge">
              {t('breach.late')}
            </span>
          )}
          <BreachStateBadge value={c.state} testId="breach-state" />
        </div>
      </header>

      {reported && !notice && (
        <Notice>
          <span data-testid="breach-reported-notice">
            ✓ {t('breach.page.reported', { number: reported.number, at: formatInstant(reported.reportDueAt, lang) })}
            {reported.late && ` ${t('breach.page.reportedLate')}`}
          </span>
        </Notice>
      )}
      {notice && (
        <Notice>
          <span data-testid="breach-notice">{notice}</span>
        </Notice>
      )}
      {rendering && <RenderingNotice />}
      {c.state === 'closed' && (
        <p className="alert alert-ok" data-testid="breach-closed">
          {t('breach.page.closed')}
        </p>
      )}
      {c.step && (
        <div className="panel breach-current" data-testid="breach-current-step">
          <span className="muted">{t('breach.page.currentStep')}:</span> <StepDeadline step={c.step} long />
          {c.step.escalated && <p className="small muted">{t('breach.page.escalatedHint')}</p>}
        </div>
      )}

      <div className="doc-grid">
        <BreachFacts c={c} />
        <section className="panel" aria-labelledby="breach-actions-h">
          <h2 id="breach-actions-h">{t('doc.actions')}</h2>
          {actions.length === 0 && blocked.length === 0 && (
            <p className="muted" data-testid="breach-no-actions">
              {c.state === 'closed' ? t('breach.page.nothingLeft') : t('breach.page.notYours')}
            </p>
          )}
          {actions.length > 0 && (
            <div className="action-buttons">
              {actions.map((type) =>
                type === 'SUBMIT_REPORT' ? (
                  <button
                    key={type}
                    type="button"
                    className="btn btn-primary"
                    disabled={send.busy}
                    onClick={() => void sendEvent('SUBMIT_REPORT', {})}
                    data-testid="action-SUBMIT_REPORT"
                  >
                    {breachEventLabel(t, type)}
                  </button>
                ) : (
                  <button
                    key={type}
                    type="button"
                    className={`btn${open === type || type === 'SIGN' ? ' btn-primary' : ''}`}
                    aria-expanded={open === type}
                    onClick={() => {
                      setNotice(undefined);
                      send.clear();
                      setOpen(open === type ? undefined : type);
                    }}
                    data-testid={`action-${type}`}
                  >
                    {breachEventLabel(t, type)}
                  </button>
                ),
              )}
            </div>
          )}
          {Form && <Form key={`${open}-${c.version}`} {...formProps(open!)} />}
          {open === 'SIGN' && available.has('SIGN') && (
            <SignForm
              busy={send.busy}
              onCancel={() => setOpen(undefined)}
              onSign={(passphrase) => sendEvent('SIGN', { passphrase })}
            />
          )}
          {send.error && (
            <Refusal
              error={send.error}
              onReload={() => {
                reloadView();
                reloadHistory();
              }}
              fieldLabel={(f) => t(`breach.field.${f}`, { defaultValue: f })}
            />
          )}
          {blocked.length > 0 && (
            <div className="blocked" data-testid="blocked-events">
              <h3>{t('doc.blocked')}</h3>
              <ul>
                {blocked.map((b) => (
                  <li key={b.type} data-testid={`blocked-${b.type}`} data-code={b.code}>
                    <button type="button" className="btn btn-blocked" disabled data-testid={`action-${b.type}`}>
                      {breachEventLabel(t, b.type)}
                    </button>
                    {b.rule && <span className="rule-id">{b.rule}</span>}
                    <span className="muted">
                      {t(`breach.why.${b.code}`, { defaultValue: '' }) ||
                        t(`acts.why.${b.code}`, { defaultValue: '' }) ||
                        ruleText(b.rule, lang) ||
                        b.code}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>

      {(c.signers.length > 0 || REPORT_STATES.has(c.state)) && (
        <SignersPanel
          id={c.id}
          signers={c.signers}
          awaiting={c.state === 'awaiting_signatures'}
          pdfSha256={c.pdfSha256}
          emptyText={t('breach.page.noSigners')}
        />
      )}

      <section className="panel" aria-labelledby="breach-history-h">
        <h2 id="breach-history-h">{t('breach.page.timeline')}</h2>
        {history.error && <LoadError error={history.error} />}
        {!history.data && !history.error && <Loading />}
        {history.data && <BreachTimeline items={history.data} system={c.system} />}
      </section>
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }): ReactElement {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** "Бакыт Осмонов, 2026-ж., 26-ноябрь 17:00": who did a step, and when. */
function ByAt({ by, at, names }: { by: PersonRef | string; at: string; names: Record<string, string> }): ReactElement {
  const { i18n } = useTranslation();
  return (
    <span className="small muted">
      {personName(by, names)}, {formatInstant(at, i18n.language)}
    </span>
  );
}

/** What the case records, step by step: the report, the triage, the containment, the investigation, the remediation. */
function BreachFacts({ c }: { c: BreachView }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = c.names ?? {};
  const owner = personName(c.owner, names, t('breach.ownerUnknown'));
  return (
    <div className="panel breach-facts">
      <h2>{t('breach.page.report')}</h2>
      <dl className="facts">
        <Fact label={t('breach.field.system')} testId="breach-system">
          {systemLabel(t, c.system)}
        </Fact>
        <Fact label={t('breach.field.account')} testId="breach-account">
          <code>{c.account}</code>
        </Fact>
        <Fact label={t('breach.field.owner')} testId="breach-owner">
          {owner}
        </Fact>
        <Fact label={t('breach.field.reporter')} testId="breach-reporter">
          {personName(c.reporter, names)}
          {c.onBehalf && <span className="badge badge-pending">{t('breach.page.onBehalf')}</span>}
        </Fact>
        <Fact label={t('breach.field.discoveredAt')} testId="breach-discovered">
          {formatInstant(c.discoveredAt, lang)}
        </Fact>
        <Fact label={t('breach.field.reportedAt')} testId="breach-reported">
          {formatInstant(c.reportedAt, lang)}{' '}
          <span className="small muted">({t('breach.page.dueWas', { at: formatInstant(c.reportDueAt, lang) })})</span>
          {c.late && (
            <span className="badge badge-warn" data-testid="breach-late">
              R-5.2.3 · {t('breach.late')}
            </span>
          )}
        </Fact>
        {c.late && c.lateReason && (
          <Fact label={t('breach.field.lateReason')} testId="breach-late-reason">
            <span className="pre-wrap">{c.lateReason}</span>
          </Fact>
        )}
        <Fact label={t('breach.field.description')} testId="breach-description">
          <span className="pre-wrap">{c.description}</span>
        </Fact>
      </dl>

      {c.triage && (
        <>
          <h3>{t('breach.step.triage')}</h3>
          <dl className="facts" data-testid="breach-triage">
            <Fact label={t('breach.field.severity')} testId="breach-severity">
              <span className={`severity severity-${c.triage.severity}`}>{severityLabel(t, c.triage.severity)}</span>
            </Fact>
            <Fact label={t('breach.field.personalData')} testId="breach-personal-data">
              {c.triage.personalData ? (
                <>
                  <strong>{t('common.yes')}</strong> <span className="rule-id">R-1.4</span>
                </>
              ) : (
                t('common.no')
              )}
            </Fact>
            <Fact label={t('breach.field.by')}>
              <ByAt by={c.triage.by} at={c.triage.at} names={names} />
            </Fact>
          </dl>
        </>
      )}

      {c.containment && (
        <>
          <h3>{t('breach.step.containment')}</h3>
          <dl className="facts" data-testid="breach-containment">
            <Fact label={t('breach.field.containedAt')}>
              <ByAt by={c.containment.by} at={c.containment.at} names={names} />
            </Fact>
            {c.system === 'grif' && (
              <Fact label={t('breach.field.sessionsRevoked')} testId="breach-sessions-revoked">
                {c.containment.sessionsRevoked ? t('breach.page.sessionsRevoked') : t('breach.page.noSessionsRevoked')}
              </Fact>
            )}
            {c.system === 'portal' && (
              <Fact label={t('breach.field.resetConfirmedAt')} testId="breach-reset-confirmed">
                {c.containment.resetConfirmedAt ? (
                  formatInstant(c.containment.resetConfirmedAt, lang)
                ) : (
                  <span className="muted">{t('breach.page.resetPending')}</span>
                )}
              </Fact>
            )}
          </dl>
        </>
      )}

      {c.investigation && (
        <>
          <h3>{t('breach.step.investigation')}</h3>
          <dl className="facts" data-testid="breach-investigation">
            <Fact label={t('breach.field.cause')} testId="breach-cause">
              {causeLabel(t, c.investigation.cause)}
            </Fact>
            {c.investigation.ownerLiable && (
              <Fact label={t('breach.field.ownerLiable')} testId="breach-owner-liable">
                <RuleNote rule="R-5.2.1">{t('breach.forms.ownerLiable', { owner })}</RuleNote>
              </Fact>
            )}
            <Fact label={t('breach.field.accessed')} testId="breach-accessed">
              <span className="pre-wrap">{c.investigation.accessed}</span>
            </Fact>
            <Fact label={t('breach.field.by')}>
              <ByAt by={c.investigation.by} at={c.investigation.at} names={names} />
            </Fact>
          </dl>
        </>
      )}

      {c.remediation && (
        <>
          <h3>{t('breach.step.remediation')}</h3>
          <dl className="facts" data-testid="breach-remediation">
            <Fact label={t('breach.field.measures')} testId="breach-measures">
              <span className="pre-wrap">{c.remediation.measures}</span>
            </Fact>
            <Fact label={t('breach.field.rebriefing')} testId="breach-rebriefing">
              {c.remediation.rebriefing ? (
                <>
                  {t('breach.page.rebriefed', { owner })} <span className="rule-id">R-2.5</span>
                </>
              ) : (
                t('common.no')
              )}
            </Fact>
            <Fact label={t('breach.field.by')}>
              <ByAt by={c.remediation.by} at={c.remediation.at} names={names} />
            </Fact>
          </dl>
        </>
      )}

      {(c.pdfSha256 || REPORT_STATES.has(c.state)) && (
        <>
          <h3>{t('breach.page.reportAct')}</h3>
          <dl className="facts">
            <Fact label={t('acts.pdf')} testId="breach-pdf">
              <PdfLinks
                id={c.id}
                pdfSha256={c.pdfSha256}
                signed={c.signers.some((s) => s.signedAt)}
                rendering={c.state === 'rendering'}
              />
            </Fact>
          </dl>
        </>
      )}
    </div>
  );
}
