export * from './auth';
export * from './documents';
export * from './errors';
export { registerDocumentSchema, documentEventSchemas } from '@grif/workflows';
export * from './records';
