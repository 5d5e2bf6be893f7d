import dagre from '@dagrejs/dagre';
import type { Statechart } from './audit-api';

export interface PlacedState {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PlacedArrow {
  from: string;
  to: string;
  events: string[];
  points: { x: number; y: number }[];
}

const NODE = { width: 150, height: 40 };

/**
 * Lays the statechart out top to bottom with dagre: leaf states as boxes, one arrow per pair of
 * states (its events listed on it; an event that stays in its state is a loop, drawn by the SVG).
 */
export function layoutChart(chart: Statechart): {
  states: PlacedState[];
  arrows: PlacedArrow[];
  width: number;
  height: number;
} {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 50, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const leaves = chart.states.filter((s) => !chart.states.some((c) => c.parent === s.id));
  for (const s of leaves) g.setNode(s.id, { ...NODE });
  const pairs = new Map<string, PlacedArrow>();
  const leafOf = (id: string) => leaves.find((l) => l.id === id || l.id.startsWith(`${id}.`))?.id ?? id;
  for (const t of chart.transitions) {
    const from = leafOf(t.from);
    const to = leafOf(t.to);
    const key = `${from}\u0000${to}`;
    const a = pairs.get(key) ?? { from, to, events: [], points: [] };
    if (!a.events.includes(t.event)) a.events.push(t.event);
    pairs.set(key, a);
  }
  for (const a of pairs.values()) if (a.from !== a.to && g.hasNode(a.from) && g.hasNode(a.to)) g.setEdge(a.from, a.to);
  dagre.layout(g);
  const states = leaves.map((s) => {
    const n = g.node(s.id);
    return { id: s.id, x: n.x, y: n.y, width: n.width, height: n.height };
  });
  const arrows = [...pairs.values()].map((a) => ({
    ...a,
    points: a.from !== a.to && g.hasEdge(a.from, a.to) ? g.edge(a.from, a.to).points : [],
  }));
  const graph = g.graph();
  return { states, arrows, width: graph.width ?? 400, height: graph.height ?? 300 };
}
