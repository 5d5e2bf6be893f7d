export * from './act-context';
export * from './act-events';
export * from './signing';
