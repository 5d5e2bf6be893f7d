import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, SealedCheckpoint, VerifyResult } from '@grif/audit';
import type { Actor } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import type { StatusAnswer } from '../http/answer-status';

/** The audit trail of the caller's school. */
@Injectable()
export class AuditService {
  constructor(
    private readonly trail: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  verify(actor: Actor): Promise<VerifyResult> {
    return this.trail.verify(actor.schoolId);
  }

  /** A new checkpoint when some head moved; otherwise (or when another process sealed it first) nothing changed. */
  async seal(actor: Actor): Promise<StatusAnswer<SealedCheckpoint | { unchanged: true }>> {
    const sealed = await this.trail.seal(actor.schoolId, this.clock.now());
    return sealed ? { status: 201, body: sealed } : { status: 200, body: { unchanged: true } };
  }
}
