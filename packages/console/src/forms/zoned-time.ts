import { instantOf } from '@coworking-commons/elements';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The time of day of `instant` in `timeZone`, as a time input holds it (`18:30`). */
export function timeIn(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

/** The instant of a date and a time typed in `timeZone` (date `YYYY-MM-DD`, time `HH:MM`), when both read. */
export function zonedInstant(date: string, time: string, timeZone: string): Date | undefined {
  return datePattern.test(date) && timePattern.test(time) ? instantOf(date, time, timeZone) : undefined;
}
