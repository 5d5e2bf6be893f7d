export * from './entities';
export * from './orm-config';
export * from './write-transactions';
export * from './migrate';
export { MIGRATIONS } from './migrations';
export * from './mikro-engine-store';
export * from './projections';
export * from './mikro-sources';
export * from './lookups';
