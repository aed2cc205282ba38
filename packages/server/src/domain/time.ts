/**
 * Time primitives of the domain: ISO 8601 durations, and wall-clock time in a space's IANA
 * zone ↔ instants.
 *
 * Conventions (shared by every module of `domain/`):
 * - An instant is a JS `Date`. A fixed-length duration is a number of milliseconds.
 * - A wall-clock date is a `YYYY-MM-DD` string, a wall-clock time an `HH:MM` string (`24:00` is the
 *   end of the day), always read in the space's IANA time zone with luxon.
 * - Durations follow RFC 5545 §3.3.6: weeks and days are *nominal* (calendar days in the space's
 *   zone, 23 or 25 h long on a DST change), hours, minutes and seconds are *exact*. So `P1D` added
 *   to 2026-03-28T12:00 Paris is 2026-03-29T12:00 Paris (23 h later), while `PT24H` is 24 h later.
 *   `durationMillis` gives the fixed length (a day counted as 24 h) where a number is needed (buffers,
 *   sorting). Years and months are refused: the spec's Duration pattern has none, and they have no
 *   fixed length.
 * - Wall times that do not exist (a DST gap) or exist twice (a DST overlap) are resolved by an
 *   explicit policy, see `localToInstant`.
 */
import { IANAZone } from 'luxon';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** Weekdays in ISO order (luxon's `weekday` 1…7 is index + 1). */
export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A parsed ISO 8601 duration: nominal calendar days (weeks × 7 + days) and an exact part in ms. */
export interface IsoDuration {
  readonly days: number;
  readonly millis: number;
}

/** What the functions taking a duration accept: an ISO 8601 string, a parsed one, or exact ms. */
export type DurationInput = string | IsoDuration | number;

const DURATION_RE = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses an ISO 8601 duration of the spec's `Duration` format (`PT30M`, `PT2H`, `P1D`, `P2W`,
 * `P1DT12H`). Throws a `RangeError` for anything else, years and months included.
 */
export function parseDuration(iso: string): IsoDuration {
  const m = DURATION_RE.exec(iso);
  if (!m) {
    const datePart = String(iso).split('T')[0] ?? '';
    if (datePart.startsWith('P') && /\d+[YM]/.test(datePart)) {
      throw new RangeError(`Duration "${iso}" uses years or months, which have no fixed length; use weeks, days, hours, minutes or seconds.`);
    }
    throw new RangeError(`"${iso}" is not an ISO 8601 duration such as PT30M, PT2H or P1D.`);
  }
  const [, w = '0', d = '0', h = '0', min = '0', s = '0'] = m;
  const days = Number(w) * 7 + Number(d);
  const millis = Number(h) * HOUR + Number(min) * MINUTE + Number(s) * 1000;
  if (!Number.isSafeInteger(days) || !Number.isSafeInteger(millis) || days * DAY + millis > 8.64e15) {
    throw new RangeError(`Duration "${iso}" is too long.`);
  }
  return { days, millis };
}

/** Whether `iso` is a valid duration for `parseDuration`. */
export function isDuration(iso: string): boolean {
  try {
    parseDuration(iso);
    return true;
  } catch {
    return false;
  }
}

/** Parsed durations by their text: resources repeat the same few (`PT30M`, `P90D`) in every request. */
const parsedDurations = new Map<string, IsoDuration>();

function toIso(d: DurationInput): IsoDuration {
  if (typeof d === 'string') {
    let parsed = parsedDurations.get(d);
    if (parsed === undefined) {
      parsed = Object.freeze(parseDuration(d));
      if (parsedDurations.size >= 1000) parsedDurations.clear();
      parsedDurations.set(d, parsed);
    }
    return parsed;
  }
  if (typeof d === 'number') {
    if (!Number.isFinite(d) || d < 0) throw new RangeError(`Invalid duration ${d} ms.`);
    return { days: 0, millis: d };
  }
  return d;
}

/** The duration's fixed length in ms, a day counted as 24 h. */
export function durationMillis(d: DurationInput): number {
  const p = toIso(d);
  return p.days * DAY + p.millis;
}

/** Whether the duration has a calendar part (weeks or days), whose length depends on the date. */
export function isCalendarDuration(d: DurationInput): boolean {
  return toIso(d).days > 0;
}

/** The duration as an `IsoDuration` (strings parsed, ms taken as exact time). */
export function toIsoDuration(d: DurationInput): IsoDuration {
  return toIso(d);
}

/** Formats a duration back to ISO 8601 (`{days: 1, millis: 5400000}` → `P1DT1H30M`). */
export function formatDuration(d: DurationInput): string {
  const p = toIso(d);
  let out = 'P';
  if (p.days) out += p.days % 7 === 0 && !p.millis ? `${p.days / 7}W` : `${p.days}D`;
  let ms = p.millis;
  const h = Math.floor(ms / HOUR);
  ms -= h * HOUR;
  const m = Math.floor(ms / MINUTE);
  ms -= m * MINUTE;
  const s = ms / 1000;
  if (h || m || s) out += 'T' + (h ? `${h}H` : '') + (m ? `${m}M` : '') + (s ? `${s}S` : '');
  return out === 'P' ? 'PT0S' : out;
}

/** Describes a duration in English for messages: `PT30M` → "30 minutes", `PT1H30M` → "1 hour 30 minutes". */
export function describeDuration(d: DurationInput): string {
  const p = toIso(d);
  const parts: string[] = [];
  const unit = (n: number, word: string) => parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  if (p.days) {
    if (p.days % 7 === 0) unit(p.days / 7, 'week');
    else unit(p.days, 'day');
  }
  let ms = p.millis;
  const h = Math.floor(ms / HOUR);
  ms -= h * HOUR;
  const m = Math.floor(ms / MINUTE);
  ms -= m * MINUTE;
  const s = Math.round(ms / 1000);
  if (h) unit(h, 'hour');
  if (m) unit(m, 'minute');
  if (s) unit(s, 'second');
  return parts.length ? parts.join(' ') : '0 minutes';
}

/**
 * Adds `sign` × the duration to an instant: its days as calendar days in `timeZone` (the same wall
 * time that many days later, resolved like `localToInstant`'s defaults if it falls in a gap or an
 * overlap), then its exact part.
 */
export function addDuration(instant: Date, d: DurationInput, timeZone: string, sign: 1 | -1 = 1): Date {
  const p = toIso(d);
  let t = instant.getTime();
  if (p.days) {
    const zone = zoneOf(timeZone);
    const { wall, offset } = wallOf(t, zone);
    // The same wall time `days` later: calendar arithmetic on the wall clock read as UTC.
    const target = wall + sign * p.days * DAY;
    // Keep the same wall time; an overlap keeps the same offset as the original when possible.
    const candidates = candidatesAt(target, zone);
    if (candidates.length === 2) {
      const sameOffset = candidates.find((c) => zone.offset(c) === offset);
      t = sameOffset ?? candidates[0]!;
    } else if (candidates.length === 1) {
      t = candidates[0]!;
    } else {
      t = gapAt(target, zone, 'forward');
    }
  }
  return new Date(t + sign * p.millis);
}

/** `addDuration(instant, d, timeZone, -1)`. */
export function subtractDuration(instant: Date, d: DurationInput, timeZone: string): Date {
  return addDuration(instant, d, timeZone, -1);
}

// ---------------------------------------------------------------------------------------------
// Zones, dates and wall times

/**
 * A zone's UTC offsets, remembered by UTC hour. Asking luxon (that is, `Intl`) for an offset
 * formats the instant in the zone, a few microseconds each time, and availability and the
 * booking rules ask thousands of times per request: each hour of each zone is asked twice (its
 * first and last millisecond) and, when both agree, every instant of the hour has that offset
 * (zones change their offset at most once in an hour). An hour holding a change is always asked
 * exactly.
 */
class ZoneOffsets {
  readonly #zone: IANAZone;
  /** UTC hour (epoch ms / 1 h) → offset in minutes, or NaN for an hour in which the offset changes. */
  readonly #hours = new Map<number, number>();

  constructor(zone: IANAZone) {
    this.#zone = zone;
  }

  /** The offset at epoch ms `t`, in minutes. */
  offset(t: number): number {
    const hour = Math.floor(t / HOUR);
    let offset = this.#hours.get(hour);
    if (offset === undefined) {
      if (!Number.isFinite(hour)) return this.#zone.offset(t);
      const first = this.#zone.offset(hour * HOUR);
      offset = first === this.#zone.offset(hour * HOUR + HOUR - 1) ? first : NaN;
      if (this.#hours.size >= 100_000) this.#hours.clear();
      this.#hours.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.#zone.offset(t) : offset;
  }
}

const zoneCache = new Map<string, ZoneOffsets>();

function zoneOf(timeZone: string): ZoneOffsets {
  let z = zoneCache.get(timeZone);
  if (!z) {
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new RangeError(`Unknown time zone "${timeZone}".`);
    z = new ZoneOffsets(zone);
    zoneCache.set(timeZone, z);
  }
  return z;
}

/** The wall-clock reading of epoch ms `t` in the zone, as epoch ms of the same reading in UTC, and the offset. */
function wallOf(t: number, zone: ZoneOffsets): { wall: number; offset: number } {
  const offset = zone.offset(t);
  return { wall: t + offset * MINUTE, offset };
}

/** `YYYY-MM-DD` of the UTC day containing epoch ms `t`. */
function utcDate(t: number): string {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Whether `timeZone` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && IANAZone.isValidZone(timeZone);
}

/** The zone's UTC offset at `instant`, in minutes (`+120` for Paris in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return zoneOf(timeZone).offset(instant.getTime());
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses `YYYY-MM-DD` (a real calendar date) to `{year, month, day}`; throws a `RangeError` otherwise. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD.`);
}

/** Parses `HH:MM` (`00:00`…`24:00`) to minutes after midnight (0…1440); throws a `RangeError` otherwise. */
export function parseLocalTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m || (m[1] === '24' && m[2] !== '00')) throw new RangeError(`"${time}" is not a wall-clock time HH:MM between 00:00 and 24:00.`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Formats minutes after midnight as `HH:MM`. */
export function formatLocalTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar date `n` days after `date` (negative `n` goes back). Pure calendar arithmetic. */
export function addDays(date: string, n: number): string {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day + n)).toISOString().slice(0, 10);
}

/** The number of calendar days from `a` to `b` (`b - a`). */
export function daysBetween(a: string, b: string): number {
  const pa = parseLocalDate(a);
  const pb = parseLocalDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY);
}

/** The weekday of a calendar date. */
export function weekdayOf(date: string): Weekday {
  const { year, month, day } = parseLocalDate(date);
  const jsDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(jsDay + 6) % 7]!;
}

/** The calendar date in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid instant.');
  return utcDate(wallOf(t, zoneOf(timeZone)).wall);
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function instantToLocal(instant: Date, timeZone: string): {
  date: string;
  time: string;
  weekday: Weekday;
  /** Milliseconds of wall time after midnight (what the clock shows, not time elapsed). */
  wallMillis: number;
  offsetMinutes: number;
} {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid instant.');
  const { wall, offset } = wallOf(t, zoneOf(timeZone));
  const day = Math.floor(wall / DAY) * DAY;
  const wallMillis = wall - day;
  return {
    date: utcDate(day),
    time: formatLocalTime(Math.floor(wallMillis / MINUTE)),
    weekday: WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7]!,
    wallMillis,
    offsetMinutes: offset,
  };
}

/** How to resolve a wall time that does not exist (spring forward). */
export type GapPolicy =
  /** Shift forward by the gap's length: 02:30 → 03:30 (what Temporal and most libraries do). */
  | 'forward'
  /** The instant the clocks jump: 02:30 → 03:00 (new time). For boundaries of ranges. */
  | 'transition'
  /** Throw a `RangeError`. */
  | 'reject';

/** How to resolve a wall time that happens twice (fall back). */
export type OverlapPolicy = 'earlier' | 'later' | 'reject';

export interface LocalResolution {
  gap?: GapPolicy;
  overlap?: OverlapPolicy;
}

/** All instants whose wall time in `timeZone` is `date` + `wallMs`: none (gap), one, or two (overlap). */
function wallCandidates(date: string, wallMs: number, timeZone: string): number[] {
  const { year, month, day } = parseLocalDate(date);
  return candidatesAt(Date.UTC(year, month - 1, day) + wallMs, zoneOf(timeZone));
}

/** `wallCandidates` of a wall-clock reading given as epoch ms of the same reading in UTC. */
function candidatesAt(asUtc: number, zone: ZoneOffsets): number[] {
  const o1 = zone.offset(asUtc - DAY);
  const o2 = zone.offset(asUtc);
  const o3 = zone.offset(asUtc + DAY);
  if (o1 === o2 && o2 === o3) {
    // The usual case, far from any change: one candidate, if the offset holds there.
    const t = asUtc - o2 * MINUTE;
    return zone.offset(t) === o2 ? [t] : [];
  }
  const out: number[] = [];
  for (const o of new Set([o1, o2, o3])) {
    const t = asUtc - o * MINUTE;
    if (zone.offset(t) === o) out.push(t);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

function resolveGap(date: string, wallMs: number, timeZone: string, policy: GapPolicy): number {
  if (policy === 'reject') throw new RangeError(`${date} ${formatLocalTime(Math.floor(wallMs / MINUTE))} does not exist in ${timeZone} (the clocks skip it).`);
  const { year, month, day } = parseLocalDate(date);
  return gapAt(Date.UTC(year, month - 1, day) + wallMs, zoneOf(timeZone), policy);
}

/** `resolveGap` (`forward` or `transition`) of a wall-clock reading given as epoch ms of the same reading in UTC. */
function gapAt(asUtc: number, zone: ZoneOffsets, policy: Exclude<GapPolicy, 'reject'>): number {
  // Offsets before and after the transition; the gap means `before` < `after`.
  const before = zone.offset(asUtc - DAY);
  const after = zone.offset(asUtc + DAY);
  if (policy === 'forward') return asUtc - before * MINUTE;
  // Binary search the first instant with the new offset in [asUtc - after, asUtc - before].
  let lo = asUtc - after * MINUTE;
  let hi = asUtc - before * MINUTE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return zone.offset(lo) === before ? hi : lo;
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`. `time` is `HH:MM`
 * (`24:00` = the start of the next day) or minutes after midnight.
 *
 * - A wall time in a DST gap (2026-03-29 02:30 in Paris) follows `gap`: `forward` (default) gives
 *   03:30 CEST, `transition` gives 03:00 CEST (the instant the clocks jump), `reject` throws.
 * - A wall time in a DST overlap (2026-10-25 02:30 in Paris) follows `overlap`: `earlier` (default,
 *   02:30 CEST), `later` (02:30 CET), `reject` throws.
 */
export function localToInstant(date: string, time: string | number, timeZone: string, resolution: LocalResolution = {}): Date {
  const minutes = typeof time === 'number' ? time : parseLocalTime(time);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) throw new RangeError(`Invalid wall time ${time}.`);
  if (minutes === 1440) return startOfLocalDay(addDays(date, 1), timeZone);
  return new Date(resolveWall(date, minutes * MINUTE, timeZone, resolution));
}

function resolveWall(date: string, wallMs: number, timeZone: string, resolution: LocalResolution): number {
  const candidates = wallCandidates(date, wallMs, timeZone);
  if (candidates.length === 0) return resolveGap(date, wallMs, timeZone, resolution.gap ?? 'forward');
  if (candidates.length === 1) return candidates[0]!;
  const overlap = resolution.overlap ?? 'earlier';
  if (overlap === 'reject') throw new RangeError(`${date} ${formatLocalTime(Math.floor(wallMs / MINUTE))} happens twice in ${timeZone} (the clocks go back).`);
  return overlap === 'earlier' ? candidates[0]! : candidates[candidates.length - 1]!;
}

/**
 * The first instant of `date` in `timeZone` (its midnight, or the first instant after a gap at
 * midnight, as in zones that change time at 00:00).
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return new Date(resolveWall(date, 0, timeZone, { gap: 'transition', overlap: 'earlier' }));
}

/** The local day containing `instant`: `[start, end)` instants and its date. Usually 24 h; 23 or 25 h on DST changes. */
export function localDayOf(instant: Date, timeZone: string): { date: string; start: Date; end: Date } {
  const date = localDateOf(instant, timeZone);
  return { date, start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addDays(date, 1), timeZone) };
}

// ---------------------------------------------------------------------------------------------
// Instants on the wire

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:([Zz])|([+-]\d{2})(?::?(\d{2}))?)$/;

/**
 * Parses an RFC 3339 instant with any offset (`Z`, `+02:00`; also `+0200`, `+02` and a space
 * instead of `T`, as JSON Schema's `date-time` validators let through); throws a `RangeError` when
 * it is not one.
 */
export function parseInstant(text: string): Date {
  const m = INSTANT_RE.exec(text);
  if (!m) throw new RangeError(`"${text}" is not an RFC 3339 instant such as 2026-12-01T09:00:00Z.`);
  const [, date, time, z, offH, offM] = m;
  parseLocalDate(date!); // refuses Feb 30, which Date would roll over
  const d = new Date(`${date}T${time}${z ? 'Z' : `${offH}:${offM ?? '00'}`}`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`"${text}" is not a valid instant.`);
  return d;
}

/** Formats an instant as RFC 3339 in UTC, without fractional seconds when there are none (`2026-12-01T09:00:00Z`). */
export function formatInstant(instant: Date): string {
  const iso = instant.toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
