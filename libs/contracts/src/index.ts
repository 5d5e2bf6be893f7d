/**
 * The one contract of the Grif HTTP API, as zod schemas (every type is `z.infer` of one).
 * Each schema with a `.meta({ id })` is a component of the OpenAPI document (apps/api/src/http/openapi.ts).
 * Safe for the browser: nothing here imports the xstate machine, Node or server code.
 */
export * from './vocabulary';
export * from './document-words';
export * from './errors';
export * from './auth';
export * from './documents';
export * from './registers';
export * from './records';
export * from './notifications';
export * from './audit';
export * from './audit-workbench';
export * from './health';
export * from './calendar';
export * from './deadlines';
export * from './school-settings';
export * from './acts';
export * from './breaches';
export * from './breach-stats';
export * from './users';
export * from './compliance';
