import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreModuleOptions, loadConfig } from '@grif/core';
import { JobsModule, JobsOptions } from './jobs.module';

/** The worker process: the core and every job processor, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(
    config: CoreModuleOptions = { useFactory: () => loadConfig() },
    jobs: JobsOptions = {},
  ): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRootAsync(config), JobsModule.register(jobs)] };
  }
}
