import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobWorkers } from './job-workers';
import { Reconciler } from './reconciler';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { OfficialUseDigest } from './digest/official-use-digest';
import { MAIL_HOOKS, MAIL_TRANSPORT, MailHooks, NotificationMailer } from './mail/notification-mailer';
import { mailTransport } from './mail/mail-transport';
import { GRIF_CONFIG, ShutdownSequence } from '@grif/core';
import { DEADLINE_HOOKS, DeadlineHooks, DeadlineProcessor } from './processors/deadline.processor';
import { NotificationProcessor } from './processors/notification.processor';
import { ActsProcessor } from './processors/acts.processor';
import { ActRenderer } from './acts/act-renderer';

export interface JobsOptions {
  deadlineHooks?: DeadlineHooks;
  mailHooks?: MailHooks;
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
        MaintenanceProcessor,
        ActsProcessor,
        ActRenderer,
        { provide: DEADLINE_HOOKS, useValue: options.deadlineHooks ?? {} },
        { provide: MAIL_TRANSPORT, useFactory: mailTransport, inject: [GRIF_CONFIG, ShutdownSequence] },
        { provide: MAIL_HOOKS, useValue: options.mailHooks ?? {} },
        NotificationMailer,
        OfficialUseDigest,
        JobWorkers,
        Reconciler,
      ],
      exports: [Reconciler, JobWorkers, NotificationMailer, OfficialUseDigest],
    };
  }
}
