export * from './verify-chain';
export * from './chain-verifier';
export * from './checkpoints';
export * from './audit-trail';
