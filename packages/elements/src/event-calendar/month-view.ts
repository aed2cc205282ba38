/**
 * The month view's template: a WAI-ARIA grid (`role="grid"`, one row per week, one gridcell per
 * day) with a roving tab stop on one day, and the month layout's segments drawn across the days.
 *
 * Each segment lives in the gridcell of its first day in the row (so a screen reader reads it with
 * that day) and is positioned against the week row (`position: absolute`, `--c` column, `--s`
 * span, `--l` lane), so a multi-day event runs across the following days. Hidden segments (past
 * the lane limit) are not drawn: each day shows "+N more" instead. Segments and "+N more" buttons
 * are out of the tab order (`tabindex="-1"`): the keyboard moves between days with the arrow keys
 * and opens a day with Enter (see `gridKeyTarget`); the mouse clicks them directly. Clicks and
 * keys are handled by the element, by delegation (`data-id`, `data-more`, `data-day`).
 *
 * Exports `renderMonth(options)`, `gridKeyTarget(key, day, modifiers)`, `MONTH_LANES`, and
 * `segment(…)` and `moreButton(…)`, which the week view's all-day row shares.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { MonthLayout, RowSegment } from './model/month.ts';
import { dayFromParts, partsFromDay, daysInMonth, type DayNumber, type Weekday } from './model/zoned-date.ts';
import type { CalendarEvent, Texts } from './text.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

/** Lanes drawn per day before "+N more". */
export const MONTH_LANES = 3;

export interface MonthViewOptions {
  layout: MonthLayout<CalendarEvent>;
  texts: Texts;
  /** The day holding the grid's tab stop. */
  focusDay: DayNumber;
  /** Column headers: [short, long] weekday names from the first day of the week. */
  weekdays: readonly (readonly [string, string])[];
  /** The id of the element naming the grid (the period's heading). */
  labelledBy: string;
  busy: boolean;
}

export function renderMonth(o: MonthViewOptions): TemplateResult {
  const { layout, texts, focusDay } = o;
  return html`<div class="month" role="grid" aria-labelledby=${o.labelledBy} aria-readonly="true" aria-busy=${o.busy ? 'true' : 'false'} part="month">
    <div role="row" class="weekdays">${o.weekdays.map(([short, long]) => html`<div role="columnheader" class="weekday" aria-label=${long}>${short}</div>`)}</div>
    ${layout.weeks.map((week) => {
      // The visible segments of the row, by their first column.
      const byColumn: RowSegment<CalendarEvent>[][] = [[], [], [], [], [], [], []];
      for (const segment of week.segments) if (!segment.hidden) byColumn[segment.startColumn]!.push(segment);
      return html`<div role="row" class="week">
        ${week.days.map((day, c) => {
          const count = day.total;
          const label = count === 0 ? texts.day(day.day) : count === 1 ? msg(str`${texts.day(day.day)}, 1 event`) : msg(str`${texts.day(day.day)}, ${count} events`);
          return html`<div
            role="gridcell"
            class=${`day${day.inMonth ? '' : ' out'}${day.isToday ? ' today' : ''}`}
            data-day=${day.day}
            tabindex=${day.day === focusDay ? '0' : '-1'}
            aria-current=${day.isToday ? 'date' : nothing}
          >
            <span class="num" aria-hidden="true">${day.dayOfMonth}</span><span class="visually-hidden">${label}</span>
            ${byColumn[c]!.map((s) => segment(s, texts, true))} ${day.more ? moreButton(day.day, day.more, c) : nothing}
          </div>`;
        })}
      </div>`;
    })}
  </div>`;
}

/**
 * An event's segment in a row of days (a month week or the week's all-day row): a bar for all-day
 * and multi-day events, a dot and the time for others. In the month grid (`month`) it is out of
 * the tab order: the keyboard moves between days.
 */
export function segment(s: RowSegment<CalendarEvent>, texts: Texts, month?: boolean): TemplateResult {
  const item = s.item;
  const bar = !month || item.allDay || item.days > 1;
  const cls = `seg ${bar ? 'bar' : 'timed'}${s.continuesBefore ? ' before' : ''}${s.continuesAfter ? ' after' : ''}${item.cancelled ? ' cancelled' : ''}`;
  const time = bar && (s.continuesBefore || item.allDay) ? '' : texts.time(item.startMinute);
  return html`<button type="button" class=${cls} tabindex=${month ? '-1' : nothing} data-id=${item.id} .style=${`--c:${s.startColumn};--s:${s.span};--l:${s.lane}`}>${time
    ? html`<span class="t">${time}</span> `
    : nothing}${item.cancelled ? html`<span class="visually-hidden">${msg('Cancelled:')} </span>` : nothing}<span class="n">${texts.title(item.event)}</span></button>`;
}

/**
 * A day's "+N more" button in column `c`: in the week's all-day row, in lane `lane`; in the month
 * grid (no `lane`), under its lanes and out of the tab order.
 */
export function moreButton(day: DayNumber, more: number, c: number, lane?: number): TemplateResult {
  return html`<button type="button" class="more" tabindex=${lane === undefined ? '-1' : nothing} data-more=${day} .style=${lane === undefined ? `--c:${c}` : `--c:${c};--l:${lane}`}><span class="long">${msg(str`+${more} more`)}</span><span class="short">+${more}</span></button>`;
}

/**
 * Where a key moves the grid's tab stop from `day` (WAI-ARIA grid and date picker keys): arrows
 * by a day or a week, Home / End to the week's first / last day, PageUp / PageDown by a month
 * (Shift: a year), keeping the day of the month when it exists. Undefined for other keys.
 */
export function gridKeyTarget(key: string, day: DayNumber, o: { firstWeekday: Weekday; shift?: boolean; rtl?: boolean }): DayNumber | undefined {
  const weekday = (((day + 4) % 7) + 7) % 7;
  const column = (weekday - o.firstWeekday + 7) % 7;
  const sideways = o.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return day + sideways;
    case 'ArrowLeft':
      return day - sideways;
    case 'ArrowDown':
      return day + 7;
    case 'ArrowUp':
      return day - 7;
    case 'Home':
      return day - column;
    case 'End':
      return day + 6 - column;
    case 'PageUp':
    case 'PageDown': {
      const { year, month, day: date } = partsFromDay(day);
      const months = (key === 'PageUp' ? -1 : 1) * (o.shift ? 12 : 1);
      const first = dayFromParts(year, month + months, 1);
      const target = partsFromDay(first);
      return first + Math.min(date, daysInMonth(target.year, target.month)) - 1;
    }
    default:
      return undefined;
  }
}
