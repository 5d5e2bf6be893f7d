/**
 * Times are stored in UTC and shown in the school's zone, Asia/Bishkek
 * (UTC+6 all year, no daylight saving), in the UI language.
 */
export const SCHOOL_TZ = 'Asia/Bishkek';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, opts);
    cache.set(k, f);
  }
  return f;
}

/**
 * Kyrgyz month names. Browsers' ICU Kyrgyz data is missing or partial (Chromium answers
 * "2026 M11 26" while claiming to support `ky`), so Kyrgyz dates are built by hand, always.
 */
const KY_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

function numericParts(d: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = fmt('en', `parts-${timeZone}`, {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** "2026-ж., 26-ноябрь" (+ " 17:00"): the CLDR Kyrgyz pattern. */
function formatKyrgyz(d: Date, timeZone: string, withTime: boolean): string {
  const p = numericParts(d, timeZone);
  const date = `${p.year}-ж., ${Number(p.day)}-${KY_MONTHS[Number(p.month) - 1]}`;
  return withTime ? `${date} ${p.hour}:${p.minute}` : date;
}

/** An ISO instant as a date and time in Bishkek, e.g. "26 нояб. 2026 г., 17:00". */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === 'ky') return formatKyrgyz(d, SCHOOL_TZ, true);
  return fmt(lang, 'instant', { timeZone: SCHOOL_TZ, dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A calendar date (yyyy-mm-dd, no time of day) in the UI language. */
export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  // A calendar date is the same day everywhere: format it in UTC so no zone shifts it.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (lang === 'ky') return formatKyrgyz(d, 'UTC', false);
  return fmt(lang, 'date', { timeZone: 'UTC', dateStyle: 'medium' }).format(d);
}

/** Bishkek's offset from UTC at an instant, in minutes (+360). */
function offsetMinutes(at: Date): number {
  const parts = fmt('en', 'parts', {
    timeZone: SCHOOL_TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** A `datetime-local` value ("2026-11-26T17:00"), read as Bishkek wall time, as an ISO instant in UTC. */
export function bishkekLocalToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const guess = new Date(wall - offsetMinutes(new Date(wall)) * 60000);
  return new Date(wall - offsetMinutes(guess) * 60000).toISOString();
}

/** An ISO instant as a `datetime-local` value in Bishkek wall time. */
export function isoToBishkekLocal(iso: string): string {
  const d = new Date(iso);
  const wall = new Date(d.getTime() + offsetMinutes(d) * 60000);
  return wall.toISOString().slice(0, 16);
}

/** Today's date in Bishkek, yyyy-mm-dd. */
export function todayInBishkek(now: Date = new Date()): string {
  return isoToBishkekLocal(now.toISOString()).slice(0, 10);
}

export function currentYearInBishkek(): number {
  return Number(todayInBishkek().slice(0, 4));
}

/** A month of the calendar grid: "2026-ж., ноябрь", "ноябрь 2026 г.", "November 2026". */
export function formatMonth(year: number, month: number, lang: string): string {
  if (lang === 'ky') return `${year}-ж., ${KY_MONTHS[month - 1]}`;
  const d = new Date(Date.UTC(year, month - 1, 1));
  return fmt(lang, 'month', { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(d);
}
