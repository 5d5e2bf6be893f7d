export const DEADLINE_QUEUE = 'deadlines';
export const EFFECT_QUEUE = 'effects';
export const FIRE_DEADLINE_JOB = 'fire-deadline';

// Job ids are derived from database ids (never ":"), so a re-arm or a relay retry cannot duplicate a job.
export const deadlineJobId = (deadlineId: string) => `deadline-${deadlineId}`;
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;
