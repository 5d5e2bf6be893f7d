import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import type { TFunction } from 'i18next';
import { eventLabel, fieldLabel, stateLabel } from '../labels';
import { href } from '../router';
import { Loading, LoadError, PageTitle } from '../components/ui';
import { auditApi, type Timeline } from './audit-api';
import { StatechartView } from './StatechartView';

type Change = Timeline['steps'][number]['diff'][number];
type Names = Timeline['names'];
/** A value as a reader knows it: an id by the name the server gave it. */
const shown = (v: unknown, names: Names) =>
  v === undefined ? '—' : typeof v === 'string' ? (names[v] ?? v) : JSON.stringify(v);

/** A context path in words: its last part is the field a form names ("registration.title" → the title). */
const pathLabel = (t: TFunction, path: string) => fieldLabel(t, path.split('.').at(-1) ?? path);

/** One step's change of the context, a path a line: before struck through, after in bold. */
function Diff({ changes, names }: { changes: Change[]; names: Names }): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="diff">
      {changes.map((c) => (
        <li key={c.path}>
          <span title={c.path}>{pathLabel(t, c.path)}</span>:{' '}
          {c.before !== undefined && <del>{shown(c.before, names)}</del>} → <strong>{shown(c.after, names)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** An instance for the auditor: its statechart with the path taken, its timeline with diffs, and its history on paper. */
export function InstancePage({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const timeline = useLoad(() => auditApi.timeline(id), [id]);
  const chart = useLoad(() => auditApi.statechart(id), [id]);
  if (timeline.error) return <LoadError error={timeline.error} />;
  if (!timeline.data) return <Loading />;
  const { instance, steps, names } = timeline.data;
  const machine = t(`auditor.machine.${instance.machine}`, { defaultValue: instance.machine });
  return (
    <section data-testid="audit-instance">
      <p>
        <a href={href('/audit')}>← {t('auditor.back')}</a>
      </p>
      <PageTitle>
        {machine}: {instance.subject || '—'}
      </PageTitle>
      <p>
        {t('auditor.current')}: <strong data-testid="audit-current-state">{stateLabel(t, instance.state)}</strong>{' '}
        <a
          className="btn"
          href={auditApi.historyPdfUrl(id, i18n.language)}
          target="_blank"
          rel="noreferrer"
          data-testid="audit-print"
        >
          {t('auditor.print')}
        </a>
      </p>
      <h2>{t('auditor.statechart')}</h2>
      {chart.error && <LoadError error={chart.error} />}
      {chart.data && <StatechartView chart={chart.data} />}
      <h2>{t('auditor.timeline')}</h2>
      <ol className="timeline" data-testid="audit-timeline">
        {steps.map((s) => (
          <li key={s.seq} data-testid={`audit-step-${s.seq}`}>
            <div>
              <strong>
                {s.seq}. {eventLabel(t, s.type)}
              </strong>{' '}
              · {formatInstant(s.at, i18n.language)} · {s.actorName} · {stateLabel(t, s.fromState)} →{' '}
              {stateLabel(t, s.state)}
            </div>
            {s.diff.length ? (
              <Diff changes={s.diff} names={names} />
            ) : (
              <p className="muted small">{t('auditor.noChange')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
