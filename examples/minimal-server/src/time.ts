// Instants, ISO 8601 durations and wall-clock time in an IANA zone, with Intl alone.

const instantPattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const minInstant = Date.UTC(1970, 0, 1);
const maxInstant = Date.UTC(9000, 0, 1);

/** Milliseconds of an RFC 3339 instant, or undefined when it is not one (or out of 1970–9000). */
export function parseInstant(text: string): number | undefined {
  const match = instantPattern.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!) || hour! > 23 || minute! > 59 || second! > 60) return undefined;
  const offset = match[8]!;
  if (!/^[Zz]$/.test(offset) && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return undefined;
  const ms = Date.parse(text.toUpperCase());
  return Number.isNaN(ms) || ms < minInstant || ms >= maxInstant ? undefined : ms;
}

/** An instant in UTC, without milliseconds when they are zero. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface Duration {
  weeks: number;
  days: number;
  /** Hours, minutes and seconds: elapsed time. */
  elapsedMs: number;
}

export const durationPattern = /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

export function parseDuration(text: string): Duration {
  const match = durationPattern.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const n = (part: string | undefined) => (part ? Number.parseInt(part, 10) : 0);
  return { weeks: n(match[1]), days: n(match[2]), elapsedMs: ((n(match[4]) * 60 + n(match[5])) * 60 + n(match[6])) * 1000 };
}

/** A duration's length when it has no calendar part (granularity is a grid of elapsed time). */
export function elapsedOf(duration: Duration): number {
  return ((duration.weeks * 7 + duration.days) * 24 * 3600 * 1000) + duration.elapsedMs;
}

/** `ms` plus the duration: days and weeks as calendar days in the zone, then the elapsed part. */
export function addDuration(ms: number, duration: Duration, zone: string): number {
  const calendarDays = duration.weeks * 7 + duration.days;
  let result = ms;
  if (calendarDays) {
    const wall = wallClock(ms, zone);
    const date = addDays(wall.date, calendarDays);
    result = instantAt(date, wall.minutes, zone) + (ms % 60_000);
  }
  return result + duration.elapsedMs;
}

export interface WallClock {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** Minutes since midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, format);
  }
  return format;
}

function parts(ms: number, zone: string): Record<string, number> {
  return Object.fromEntries(formatter(zone).formatToParts(new Date(ms)).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const p = parts(ms, zone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

export function wallClock(ms: number, zone: string): WallClock {
  const p = parts(ms, zone);
  return { date: `${String(p.year).padStart(4, '0')}-${pad(p.month!)}-${pad(p.day!)}`, minutes: p.hour! * 60 + p.minute! };
}

/** The instant of a wall-clock time (minutes since midnight, 1440 for 24:00) on a date of the zone. */
export function instantAt(date: string, minutes: number, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = asUtc - offsetAt(asUtc, zone);
  const second = asUtc - offsetAt(first, zone);
  return second;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export function weekdayOf(date: string): string {
  return weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** `HH:MM` as minutes since midnight. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
