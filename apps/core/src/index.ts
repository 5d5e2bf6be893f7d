export * from './config';
export * from './core.module';
export * from './shutdown';
export * from './outage-log';
export * from './health-probe';
export * from './queues';
export * from './local-redis';
export * from './grif-logger';
