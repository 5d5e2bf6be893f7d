export * from './redis';
export * from './names';
export * from './deadline-alarm';
export * from './outbox-relay';
