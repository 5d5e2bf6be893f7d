import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, SealedCheckpoint, VerifyResult } from '@grif/audit';
import { verifyQuerySchema } from '@grif/contracts';
import { GrifError, type Actor } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import type { StatusAnswer } from '../http/answer-status';
import { parseBody } from '../http/zod-body';

/** The audit trail of the caller's school. */
@Injectable()
export class AuditService {
  constructor(
    private readonly trail: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The whole school, or one of its instances (`?instanceId=`): another school's is as unknown as a made-up id. */
  async verify(actor: Actor, query: unknown): Promise<VerifyResult> {
    const { instanceId } = parseBody(verifyQuerySchema, query);
    if (instanceId === undefined) return this.trail.verify(actor.schoolId);
    const result = await this.trail.verifyInstance(actor.schoolId, instanceId);
    if (!result) throw new GrifError('not_found', 'NOT_FOUND');
    return result;
  }

  /** A new checkpoint when some head moved; otherwise (or when another process sealed it first) nothing changed. */
  async seal(actor: Actor): Promise<StatusAnswer<SealedCheckpoint | { unchanged: true }>> {
    const sealed = await this.trail.seal(actor.schoolId, this.clock.now());
    return sealed ? { status: 201, body: sealed } : { status: 200, body: { unchanged: true } };
  }
}
