import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers } from './job-workers';
import { Reconciler } from './reconciler';
import { CheckpointProcessor } from './processors/checkpoint.processor';
import { DEADLINE_HOOKS, DeadlineHooks, DeadlineProcessor } from './processors/deadline.processor';
import { NotificationProcessor } from './processors/notification.processor';

export interface JobsOptions {
  deadlineHooks?: DeadlineHooks;
}

/** Every job kind's processor, the boot check that each job name has a handler, and the reconciler. */
@Module({})
export class JobsModule {
  static register(options: JobsOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        DeadlineProcessor,
        NotificationProcessor,
        CheckpointProcessor,
        { provide: DEADLINE_HOOKS, useValue: options.deadlineHooks ?? {} },
        JobWorkers,
        Reconciler,
      ],
      exports: [Reconciler, JobWorkers],
    };
  }
}
