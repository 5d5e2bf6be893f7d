import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { CLOCK, Clock } from '@grif/engine';
import { AuditTrail } from '@grif/audit';
import { RegisterSnapshots } from '@grif/persistence';
import { MAINTENANCE_QUEUE, OFFICIAL_USE_DIGEST_JOB, SEAL_CHECKPOINTS_JOB, SNAPSHOT_REGISTERS_JOB } from '@grif/queue';
import { OfficialUseDigest } from '../digest/official-use-digest';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

/**
 * Register snapshots are taken only up to this long ago: an event's `at` is its transaction's clock reading, and
 * a snapshot must not be taken past an instant some transaction may still commit at (RegisterSnapshots).
 */
export const REGISTER_SNAPSHOT_LAG_MS = 10 * 60_000;
/** A school's next snapshot once this many events have come since its last: an "as at" view folds at most that many. */
export const REGISTER_SNAPSHOT_EVENTS = 10_000;

/**
 * The periodic jobs: sealing moved chain heads, the end-of-day list of For Official Use items out, and
 * the register snapshots the "as at" views fold on from (issue 12).
 */
@Processor(MAINTENANCE_QUEUE, jobWorkerOptions())
export class MaintenanceProcessor extends JobProcessor {
  readonly handlers: Record<string, JobHandler> = {
    [SEAL_CHECKPOINTS_JOB]: () => this.audit.sealAll(this.clock.now()),
    [OFFICIAL_USE_DIGEST_JOB]: () => this.digest.run(),
    [SNAPSHOT_REGISTERS_JOB]: () => {
      const now = this.clock.now();
      const upTo = new Date(now.getTime() - REGISTER_SNAPSHOT_LAG_MS).toISOString();
      return this.snapshots.takeAll(upTo, REGISTER_SNAPSHOT_EVENTS, now.toISOString());
    },
  };

  constructor(
    private readonly audit: AuditTrail,
    private readonly digest: OfficialUseDigest,
    private readonly snapshots: RegisterSnapshots,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }
}
