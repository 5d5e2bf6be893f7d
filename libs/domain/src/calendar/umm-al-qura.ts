import { DateTime } from 'luxon';

/**
 * Umm al-Qura is the Hijri calendar that matched every announced Kyrgyz lunar holiday of 2024–2026
 * (islamic-civil, -tbla and plain islamic each miss by a day somewhere). Node's ICU has it built in.
 * Formatting in UTC reads the civil date itself, not an instant's evening start of the Islamic day.
 */
const HIJRI = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  month: 'numeric',
  day: 'numeric',
});

const byYear = new Map<number, { date: string; month: number; day: number }[]>();

function hijriDaysOf(year: number): { date: string; month: number; day: number }[] {
  const known = byYear.get(year);
  if (known) return known;
  const days: { date: string; month: number; day: number }[] = [];
  for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
    const parts = HIJRI.formatToParts(d.toJSDate());
    const month = Number(parts.find((p) => p.type === 'month')?.value);
    const day = Number(parts.find((p) => p.type === 'day')?.value);
    days.push({ date: d.toISODate()!, month, day });
  }
  byYear.set(year, days);
  return days;
}

/** The Gregorian dates (yyyy-MM-dd) in `year` on which the Hijri day `hijriMonth`/`hijriDay` falls: usually one, rarely two or none. */
export function ummAlQuraDates(year: number, hijriMonth: number, hijriDay: number): string[] {
  return hijriDaysOf(year)
    .filter((d) => d.month === hijriMonth && d.day === hijriDay)
    .map((d) => d.date);
}
