/**
 * a breach is reported within one working day of its discovery, on the school's calendar. The server
 * decides (`late`, `reportDueAt`, a 400 naming `lateReason`); the form only warns ahead, from the calendar's days
 * (`GET /api/calendar/days`), with the same reckoning: the next working day after the day of discovery, at the
 * same clock time, moved into that day's opening hours.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { bishkekLocalToIso, isoToBishkekLocal } from '../format';
import type { CalendarDay } from '../types';

/** How far ahead the calendar is asked: the longest run of days off (the New Year holidays) is well within it. */
const LOOKAHEAD_DAYS = 31;

/** When a report of a breach discovered at `discoveredAt` is due, from the calendar's days after it; null if none is open. */
export function reportDueAt(discoveredAt: string, days: readonly Pick<CalendarDay, 'date' | 'opens' | 'closes'>[]) {
  const local = isoToBishkekLocal(discoveredAt); // "2026-11-26T17:00"
  const date = local.slice(0, 10);
  const clock = local.slice(11, 16);
  const next = [...days]
    .filter((d) => d.date > date && d.opens !== null && d.closes !== null)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (!next) return null;
  const at = clock < next.opens! ? next.opens! : clock > next.closes! ? next.closes! : clock;
  return bishkekLocalToIso(`${next.date}T${at}`);
}

/** The yyyy-mm-dd `n` days after `date` (calendar days, no zone involved). */
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The due time of a report for this discovery, once the calendar has answered (undefined meanwhile, or when the
 * calendar cannot be read: the server's answer is what counts anyway).
 */
export function useReportDue(discoveredAt: string | null): string | undefined {
  const date = discoveredAt ? isoToBishkekLocal(discoveredAt).slice(0, 10) : null;
  const [days, setDays] = useState<{ from: string; days: CalendarDay[] }>();
  useEffect(() => {
    if (!date) return;
    let live = true;
    api.calendarDays(plusDays(date, 1), plusDays(date, LOOKAHEAD_DAYS)).then(
      (d) => live && setDays({ from: date, days: d }),
      () => live && setDays(undefined),
    );
    return () => {
      live = false;
    };
  }, [date]);
  if (!discoveredAt || !days || days.from !== date) return undefined;
  return reportDueAt(discoveredAt, days.days) ?? undefined;
}
