import {
  createActor,
  type ActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
  type ExecutableActionObject,
} from 'xstate';

type Scope = ActorScope<AnyMachineSnapshot, EventObject>;
type Planned = [AnyMachineSnapshot, ExecutableActionObject[]];

/**
 * xstate's pure `transition()` and `initialTransition()`, with the inert actor scope built once per machine
 * instead of on every call. xstate 5 builds it by creating an actor, which runs the machine's initial context
 * eagerly: for a machine whose context needs input that throws and is caught, so each transition paid for an
 * error with its stack (half of a transition's CPU in bench/transitions' profile). xstate 6 makes the scope
 * lazy (statelyai/xstate#5632); until then this does what 5.x's `transition()` does with the scope it keeps.
 * Safe to share: a transition runs synchronously, and Grif's machines spawn no actors and schedule no delays
 * (their effects are data the engine executes), so nothing registers in the scope's system.
 */
export function transitionOf(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): Planned {
  const [scope, actions] = planning(machine);
  return [machine.transition(snapshot, event, scope) as AnyMachineSnapshot, actions];
}

/** The initial snapshot for `input`, and the actions it plans (xstate's `initialTransition`). */
export function initialTransitionOf(machine: AnyStateMachine, input: unknown): Planned {
  const [scope, actions] = planning(machine);
  return [machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot, actions];
}

const scopes = new WeakMap<AnyStateMachine, Scope>();

/** The machine's shared inert scope, set to collect the actions of the call about to run. */
function planning(machine: AnyStateMachine): [Scope, ExecutableActionObject[]] {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const none = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: none,
      defer: none,
      emit: none,
      stopChild: none,
      system: self.system,
      actionExecutor: none,
    } as unknown as Scope;
    scopes.set(machine, scope);
  }
  const actions: ExecutableActionObject[] = [];
  scope.actionExecutor = (action) => actions.push(action as ExecutableActionObject);
  return [scope, actions];
}
