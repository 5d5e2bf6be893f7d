import type { WorkflowDefinition } from './definition';
import { documentWorkflow } from './document';
import { destructionWorkflow } from './destruction';
import { breachWorkflow } from './breach-case';
import { custodyTransferWorkflow } from './custody-transfer';

export * from './definition';
export * from './document';
export * from './acts';
export * from './destruction';
export * from './breach-case';
export * from './custody-transfer';

/** Every machine version the engine can run. An old version stays here while instances of it live. */
export const WORKFLOWS: readonly WorkflowDefinition[] = [
  documentWorkflow,
  destructionWorkflow,
  custodyTransferWorkflow,
  breachWorkflow,
];
export * from './refusal';
