export * from './redis';
export * from './names';
export * from './deadline-alarm';
export * from './outbox-relay';
export * from './deadline-worker';
export * from './effect-worker';
