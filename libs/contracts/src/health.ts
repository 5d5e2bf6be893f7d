import { z } from 'zod';

const up = z.enum(['up', 'down']);

/** `GET /health`: 200 when the database and Redis answer, else 503 with the same body. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: up,
    redis: up,
    outboxPending: z.int().min(0).nullable().describe('Effects written but not yet delivered; null while degraded.'),
  })
  .meta({ id: 'HealthStatus' });
export type HealthStatus = z.infer<typeof healthSchema>;
