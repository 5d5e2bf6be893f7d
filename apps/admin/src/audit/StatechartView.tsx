import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { eventLabel, stateLabel } from '../labels';
import type { Statechart } from './audit-api';
import { layoutChart } from './chart-layout';

/**
 * The instance's machine as its definition has it, laid out by dagre as SVG: the current state
 * filled, visited states and the arrows the history took drawn bold; the rest stays grey.
 */
export function StatechartView({ chart }: { chart: Statechart }): ReactElement {
  const { t } = useTranslation();
  const { states, arrows, width, height } = layoutChart(chart);
  const current = new Set(chart.current);
  const visited = new Set(chart.visited);
  const takenPair = (from: string, to: string) =>
    chart.taken.some(
      (x) => (x.from === from || from.startsWith(`${x.from}.`)) && (x.to === to || to.startsWith(`${x.to}.`)),
    );
  const byId = new Map(states.map((s) => [s.id, s]));
  return (
    <figure className="statechart" data-testid="statechart">
      <svg
        viewBox={`0 0 ${width + 160} ${height}`}
        width="100%"
        style={{ maxWidth: width + 160 }}
        role="img"
        aria-label={t('auditor.statechart')}
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {arrows.map((a) => {
          const taken = takenPair(a.from, a.to);
          const label = a.events.map((e) => (e === 'always' ? t('auditor.always') : eventLabel(t, e))).join(', ');
          const cls = `chart-arrow${taken ? ' chart-taken' : ''}`;
          if (a.from === a.to) {
            const s = byId.get(a.from);
            if (!s) return null;
            const x = s.x + s.width / 2;
            return (
              <g
                key={`${a.from}-loop`}
                className={cls}
                data-testid={`chart-arrow-${a.from}-${a.to}`}
                data-taken={taken}
              >
                <path
                  d={`M${x},${s.y - 8} C${x + 40},${s.y - 30} ${x + 40},${s.y + 30} ${x},${s.y + 8}`}
                  fill="none"
                  stroke="currentColor"
                  markerEnd="url(#arrow)"
                />
                <text x={x + 44} y={s.y + 4} fontSize="10">
                  <title>{label}</title>
                  {label.length > 28 ? `${label.slice(0, 27)}…` : label}
                </text>
              </g>
            );
          }
          const pts = a.points;
          if (pts.length < 2) return null;
          const mid = pts[Math.floor(pts.length / 2)];
          return (
            <g
              key={`${a.from}-${a.to}`}
              className={cls}
              data-testid={`chart-arrow-${a.from}-${a.to}`}
              data-taken={taken}
            >
              <polyline
                points={pts.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke="currentColor"
                markerEnd="url(#arrow)"
              />
              <text x={mid.x + 4} y={mid.y} fontSize="10">
                {label}
              </text>
            </g>
          );
        })}
        {states.map((s) => {
          const def = chart.states.find((x) => x.id === s.id);
          const cls = ['chart-state', current.has(s.id) && 'chart-current', visited.has(s.id) && 'chart-visited']
            .filter(Boolean)
            .join(' ');
          return (
            <g
              key={s.id}
              className={cls}
              data-testid={`chart-state-${s.id}`}
              data-current={current.has(s.id)}
              data-visited={visited.has(s.id)}
            >
              <rect
                x={s.x - s.width / 2}
                y={s.y - s.height / 2}
                width={s.width}
                height={s.height}
                rx={def?.final ? 2 : 12}
                strokeWidth={def?.final ? 3 : 1.5}
              />
              <text x={s.x} y={s.y + 4} textAnchor="middle" fontSize="12">
                {stateLabel(t, s.id)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{t('auditor.chartLegend')}</figcaption>
    </figure>
  );
}
