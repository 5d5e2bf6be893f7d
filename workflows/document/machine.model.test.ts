import { initialTransition, transition, getNextTransitions } from 'xstate';
import { DEFAULT_CALENDAR } from '@grif/domain';
import { documentMachine } from './index';

it('exp', () => {
  const input: any = { regNumber: 'Ч-1/2026', regYear: 2026, regSeq: 1, registration: { direction: 'outgoing', kind: 'letter', title: 't', correspondent: 'c', documentDate: '2026-11-20', pages: 1 } };
  const base = { actor: { userId: 'u-clerk', schoolId: 's', roles: ['records_clerk'], kind: 'user' }, at: '2026-11-24T04:00:00.000Z', instanceId: 'doc-1', seq: 2, calendar: DEFAULT_CALENDAR, facts: {} };
  let [s] = initialTransition(documentMachine, input);
  [s] = transition(documentMachine, s, { ...base, type: 'CLASSIFY', payload: { classification: 'official_use' } } as any);
  const [s2] = transition(documentMachine, s, { ...base, type: 'STORE', payload: { location: 'x' } } as any);
  console.log('refused identity', s2 === s, s2.value);
  [s] = transition(documentMachine, s, { ...base, type: 'STORE', payload: { cabinetId: 'c1' }, facts: { cabinetId: { kind: 'cabinet', id: 'c1', name: 'A', roomName: 'R', secure: true } } } as any);
  console.log(s.value, s.context.location);
  [s] = transition(documentMachine, s, { ...base, type: 'RECLASSIFY', payload: { classification: 'open', reason: 'r' } } as any);
  const [d, acts] = transition(documentMachine, s, { ...base, type: 'DISPATCH', payload: { addressee: 'x' } } as any);
  console.log(d.value, d.status, acts);
  const [d2, a2] = transition(documentMachine, d, { ...base, type: 'ASSIGN_FILE', payload: { fileId: 'f' }, facts: { fileId: { kind: 'file', id: 'f', index: '01-02', title: 't', year: 2026, retentionYears: 5 } } } as any);
  console.log('final assign', d2 === d, d2.context.file, a2);
  const [d3] = transition(documentMachine, d, { ...base, type: 'RETURN', payload: {} } as any);
  console.log('final return', d3 === d);
  console.log(getNextTransitions(s).map((t) => t.eventType));
  const N = 20000; const t0 = performance.now();
  for (let i = 0; i < N; i++) transition(documentMachine, s, { ...base, type: 'STORE', payload: { location: 'y' } } as any);
  console.log('us per transition', ((performance.now() - t0) * 1000) / N);
  const [c] = initialTransition(documentMachine, { ...input, copy: { of: { id: 'doc-1', regNumber: 'x' }, number: 1, classification: 'open', location: 'l', cabinet: null } });
  console.log('copy', c.value);
  const [x] = transition(documentMachine, c, { ...base, type: 'RETURN', payload: {} } as any);
  console.log('refused in copy', x === c);
});
