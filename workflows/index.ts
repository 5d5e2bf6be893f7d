import type { WorkflowDefinition } from './definition';
import { documentWorkflow } from './document';

export * from './definition';
export * from './document';

/** Every machine version the engine can run. An old version stays here while instances of it live. */
export const WORKFLOWS: readonly WorkflowDefinition[] = [documentWorkflow];
export * from './refusal';
