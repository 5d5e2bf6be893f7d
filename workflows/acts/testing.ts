/**
 * What the pure specs of the act machines share (destruction, custody transfer, breach case): the people, the role-holder facts, and a walk of one act with
 * the pure transition() the engine uses. Each `send` builds the envelope the engine would (who, when, which
 * instance, where in the history, the facts it looked up) and answers what transition() made of it. Every instant
 * is written out by hand, one minute apart; never the clock. For specs only: not exported from ./index.
 */
import {
  initialTransition,
  transition,
  type AnyStateMachine,
  type EventFromLogic,
  type InputFrom,
  type SnapshotFrom,
} from 'xstate';
import {
  DEFAULT_BREACH_LIMITS,
  DEFAULT_CALENDAR,
  DEFAULT_DEADLINE_SETTINGS,
  systemActor,
  type Actor,
  type Role,
} from '@grif/domain';
import { EFFECT_TYPES, type Fact, type RoleHoldersFact, type WorkflowDefinition } from '../definition';
import { refusalOf, type Refusal } from '../refusal';
import type { ActEventPayload } from './act-events';

export const SCHOOL = 'school-35';
export const SYSTEM = systemActor(SCHOOL);

/** A signed-in person of the school with these roles. */
export const user = (userId: string, ...roles: Role[]): Actor => ({ userId, schoolId: SCHOOL, roles, kind: 'user' });

/** Who holds `role` by an order in force, as the engine looks them up for the guards: [id, displayName] each. */
export const holders = (role: Role, ...people: [string, string][]): RoleHoldersFact => ({
  kind: 'role_holders',
  role,
  people: people.map(([id, displayName]) => ({ id, displayName })),
});

/** A SHA-256 in lower-case hex made of one repeated character. */
export const sha = (c: string) => c.repeat(64);

/** A refusal by a named guard, and what that guard stands for (a rule, or a code). */
export const guardRefusal = (guard: string, why: object) => ({ kind: 'guard', guard, why });

/** What the engine's refusal answers cite: the guard's rule or code, or EVENT_NOT_ACCEPTED when nothing handles it. */
export const citedBy = (r: Refusal): string =>
  r.kind === 'not_handled' || !r.why ? 'EVENT_NOT_ACCEPTED' : 'rule' in r.why ? r.why.rule : r.why.code;

/** The effects among the actions transition() answered, as the engine writes them to its outbox. */
export const effectsOf = (actions: readonly { type: string; params?: unknown }[]) =>
  actions
    .filter((a) => (EFFECT_TYPES as readonly string[]).includes(a.type))
    .map(({ type, params }) => ({ type, params }));

type Payload<M extends AnyStateMachine, T extends string> =
  Extract<EventFromLogic<M>, { type: T }> extends { payload: infer P } ? P : never;

/**
 * One act of `machine` drafted from `input`, its refusals explained by the workflow `def`, at `start` + 1 minute
 * per event. `render()` and `sign(by)` send what the
 * render job and a signer would: revision 1 rendered, then one more revision per accepted signature.
 */
export function walkAct<M extends AnyStateMachine>(
  machine: M,
  def: Pick<WorkflowDefinition, 'guardRefusals'>,
  input: InputFrom<M> & { actId: string },
  start = Date.UTC(2026, 10, 26, 5, 0),
) {
  const [first, created] = initialTransition(machine, input as never);
  let snapshot = first as SnapshotFrom<M>;
  let seq = 1;
  let minute = 0;
  let revision = 1;
  const send = <T extends EventFromLogic<M>['type']>(
    type: T,
    payload: Payload<M, T>,
    actor: Actor,
    facts: Record<string, Fact> = {},
  ) => {
    const at = new Date(start + ++minute * 60_000).toISOString();
    const envelope = {
      type,
      payload,
      actor,
      at,
      instanceId: input.actId,
      seq: seq + 1,
      calendar: DEFAULT_CALENDAR,
      deadlines: DEFAULT_DEADLINE_SETTINGS,
      breachLimits: DEFAULT_BREACH_LIMITS,
      facts,
    };
    const before = snapshot;
    const [next, actions] = transition(machine, snapshot, envelope as never);
    const accepted = next !== snapshot;
    if (accepted) seq++;
    snapshot = next as SnapshotFrom<M>;
    const refusal = accepted
      ? null
      : refusalOf({ machine, guardRefusals: def.guardRefusals }, before, envelope as never);
    return {
      accepted,
      at,
      /** Why a refused event was refused: the guard and the rule (or code) it stands for. */
      refusal,
      /** What the engine would answer for it: the rule or code cited, EVENT_NOT_ACCEPTED if nothing handles it. */
      cites: refusal ? citedBy(refusal) : null,
      effects: effectsOf(actions as never),
    };
  };
  const render = () => send('RENDERED' as never, { revision: 1, sha256: sha('a') } as never, SYSTEM);
  const sign = (by: Actor, made: Partial<Omit<ActEventPayload<'SIGN'>, 'revision'>> = {}) => {
    const payload = { revision: revision + 1, sha256: sha('b'), certificateSha256: sha('c'), ...made };
    const r = send('SIGN' as never, payload as never, by);
    if (r.accepted) revision++;
    return r;
  };
  return {
    /** The effects creating the act asked for (the initial state's entry). */
    created: effectsOf(created as never),
    send,
    render,
    sign,
    get snapshot(): SnapshotFrom<M> {
      return snapshot;
    },
  };
}
