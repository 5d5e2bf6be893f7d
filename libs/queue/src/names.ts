/** Every queue and every job name Grif uses; a worker refuses to start unless each has a handler. */
export const DEADLINE_QUEUE = 'deadlines';
export const NOTIFICATION_QUEUE = 'notifications';
export const MAINTENANCE_QUEUE = 'maintenance';
export const ACTS_QUEUE = 'acts';

export const FIRE_DEADLINE_JOB = 'fire-deadline';
export const DELIVER_NOTIFICATION_JOB = 'deliver-notification';
export const SEAL_CHECKPOINTS_JOB = 'seal-checkpoints';
export const OFFICIAL_USE_DIGEST_JOB = 'official-use-digest';
export const SNAPSHOT_REGISTERS_JOB = 'snapshot-registers';
export const RENDER_ACT_JOB = 'render-act';

export const JOB_NAMES = {
  [DEADLINE_QUEUE]: [FIRE_DEADLINE_JOB],
  [NOTIFICATION_QUEUE]: [DELIVER_NOTIFICATION_JOB],
  [MAINTENANCE_QUEUE]: [SEAL_CHECKPOINTS_JOB, OFFICIAL_USE_DIGEST_JOB, SNAPSHOT_REGISTERS_JOB],
  [ACTS_QUEUE]: [RENDER_ACT_JOB],
} as const;
export type QueueName = keyof typeof JOB_NAMES;
export const QUEUE_NAMES = Object.keys(JOB_NAMES) as QueueName[];

/** Where each kind of effect (an outbox row that is not a deadline) is delivered. */
export const EFFECT_ROUTES: Record<string, { queue: QueueName; job: string }> = {
  notify: { queue: NOTIFICATION_QUEUE, job: DELIVER_NOTIFICATION_JOB },
  renderAct: { queue: ACTS_QUEUE, job: RENDER_ACT_JOB },
};

// Job ids are derived from database ids (never ":"), so a re-arm or a relay retry cannot duplicate a job.
export const deadlineJobId = (deadlineId: string) => `deadline-${deadlineId}`;
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;
export const outboxIdOfJob = (jobId: string | undefined) => String(jobId).replace(/^outbox-/, '');
