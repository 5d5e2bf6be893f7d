import { createHash, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { GrifError, systemActor } from '@grif/domain';
import { WorkflowEngine } from '@grif/engine';
import { ACTS_QUEUE, outboxIdOfJob, RENDER_ACT_JOB } from '@grif/queue';
import type { ActContextBase } from '@grif/workflows';
import { ActRenderer } from '../acts/act-renderer';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

const renderJob = z.object({
  schoolId: z.string().min(1),
  instanceId: z.string().min(1),
  language: z.enum(['ky', 'ru']).optional(),
});

/**
 * Renders an act's PDF after SUBMIT, outside any transition's transaction: the PDF is stored as revision 1 and the
 * act is sent RENDERED with its SHA-256, and the outbox row settled, in one transaction. A repeated job finds the
 * stored answer of its idempotency key and writes nothing twice.
 */
@Processor(ACTS_QUEUE, jobWorkerOptions())
export class ActsProcessor extends JobProcessor {
  private readonly log = new Logger('acts');
  readonly handlers: Record<string, JobHandler> = { [RENDER_ACT_JOB]: (job) => this.render(job) };

  constructor(
    private readonly engine: WorkflowEngine,
    private readonly renderer: ActRenderer,
  ) {
    super();
  }

  private async render(job: Job): Promise<{ sha256: string } | { outcome: string }> {
    const parsed = renderJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed render job: ${parsed.error.issues[0].message}`);
    const { schoolId, instanceId, language } = parsed.data;
    const outboxId = outboxIdOfJob(job.id);
    const system = systemActor(schoolId);
    const view = await this.engine.view(system, instanceId);
    await job.updateProgress(10);
    const pdf = await this.renderer.render(schoolId, view.snapshot.context as ActContextBase, language ?? 'ky');
    await job.updateProgress(70);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    try {
      const outcome = await this.engine.send(instanceId, 'RENDERED', { revision: 1, sha256 }, system, {
        idempotencyKey: `render-${outboxId}`,
        alsoWrite: async (tx, at) => {
          await tx.saveActRevision({
            id: randomUUID(),
            schoolId,
            actId: instanceId,
            revision: 1,
            sha256,
            pdf,
            createdBy: system.userId,
            createdAt: at,
          });
          await tx.settleOutbox(outboxId, at);
        },
      });
      // Rendered again within the same second as an earlier run: the same bytes, so the key's stored answer.
      if (outcome.replayed) return this.settledEarlier(instanceId);
    } catch (err) {
      if (err instanceof GrifError && err.code === 'IDEMPOTENCY_KEY_REUSED') {
        // The key is this outbox row's own: an earlier run of this job (before Redis lost it, or before its worker
        // died) committed RENDERED and settled the row. This run's PDF differs only in its creation time, so its
        // fingerprint does: nothing to do, and nothing for a person to look at in Bull Board.
        return this.settledEarlier(instanceId);
      }
      // Rejected while rendering: nothing to attach the PDF to. Settle the row so it is not handed over again.
      if (!(err instanceof GrifError) || err.code !== 'EVENT_NOT_ACCEPTED') throw err;
      await this.engine.settleOutbox(outboxId);
      this.log.log(`act ${instanceId}: no longer rendering, PDF dropped`);
      return { outcome: 'stale' };
    }
    await job.updateProgress(100);
    this.log.log(`act ${instanceId}: rendered, sha256 ${sha256}`);
    return { sha256 };
  }

  private settledEarlier(instanceId: string): { outcome: string } {
    this.log.log(`act ${instanceId}: already rendered by an earlier run of this job`);
    return { outcome: 'settled' };
  }
}
