export * from './jobs.module';
export * from './worker.module';
export * from './job-workers';
export * from './reconciler';
export * from './processors/job-processor';
export * from './processors/deadline.processor';
