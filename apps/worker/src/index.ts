export * from './jobs.module';
export * from './worker.module';
export * from './job-workers';
export * from './reconciler';
export * from './processors/job-processor';
export * from './processors/deadline.processor';
export * from './digest/official-use-digest';
export * from './mail/notification-mailer';
