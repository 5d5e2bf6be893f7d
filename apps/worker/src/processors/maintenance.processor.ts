import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { CLOCK, Clock } from '@grif/engine';
import { AuditTrail } from '@grif/audit';
import { MAINTENANCE_QUEUE, OFFICIAL_USE_DIGEST_JOB, SEAL_CHECKPOINTS_JOB } from '@grif/queue';
import { OfficialUseDigest } from '../digest/official-use-digest';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

/** The periodic jobs: sealing moved chain heads and the end-of-day list of For Official Use items out. */
@Processor(MAINTENANCE_QUEUE, jobWorkerOptions())
export class MaintenanceProcessor extends JobProcessor {
  readonly handlers: Record<string, JobHandler> = {
    [SEAL_CHECKPOINTS_JOB]: () => this.audit.sealAll(this.clock.now()),
    [OFFICIAL_USE_DIGEST_JOB]: () => this.digest.run(),
  };

  constructor(
    private readonly audit: AuditTrail,
    private readonly digest: OfficialUseDigest,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }
}
