export * from './ports';
export * from './event-hash';
export * from './engine';
export * from './workflow-registry';
export * from './snapshot';
export * from './validate';
export * from './ids';
