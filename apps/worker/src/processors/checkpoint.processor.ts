import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { CLOCK, Clock } from '@grif/engine';
import { AuditTrail } from '@grif/audit';
import { MAINTENANCE_QUEUE, SEAL_CHECKPOINTS_JOB } from '@grif/queue';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

/** Seals, for every school, the chain heads that moved since its last checkpoint. */
@Processor(MAINTENANCE_QUEUE, jobWorkerOptions())
export class CheckpointProcessor extends JobProcessor {
  readonly handlers: Record<string, JobHandler> = {
    [SEAL_CHECKPOINTS_JOB]: () => this.audit.sealAll(this.clock.now()),
  };

  constructor(
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }
}
