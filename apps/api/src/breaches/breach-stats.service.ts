import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { breachStatsQuerySchema, type BreachStats } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { BreachStatistics } from '@grif/persistence';
import { parseBody } from '../http/zod-body';
import { breachStats } from './breach-stats';

const ZONE = 'Asia/Bishkek';
const startOf = (day: string) => DateTime.fromISO(day, { zone: ZONE }).startOf('day').toJSDate().toISOString();

/** Statistics of credential-breach cases per period: cases, late reports, time to containment, causes. */
@Injectable()
export class BreachStatsService {
  constructor(private readonly statistics: BreachStatistics) {}

  /** The cases reported from the start of `from` to the end of `to`, days of the school's calendar zone. */
  async stats(actor: Actor, query: unknown): Promise<BreachStats> {
    const { from, to } = parseBody(breachStatsQuerySchema, query);
    const until = DateTime.fromISO(to, { zone: ZONE }).plus({ days: 1 }).toISODate()!;
    return breachStats(await this.statistics.reportedBetween(actor.schoolId, startOf(from), startOf(until)));
  }
}
