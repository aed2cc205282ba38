/**
 * The month grid of the booking widget's date picker, following the WAI-ARIA APG date picker grid:
 * a `table` with `role="grid"` labelled by the month's name, one tab stop (roving `tabindex` on
 * the focused day), arrow keys by day and week, Home and End to the week's ends, Page Up and Page
 * Down by month (Shift: by year), Enter and Space to pick. Days that cannot be picked stay
 * focusable, marked `aria-disabled`, and say why.
 *
 * The widget keeps the state (visible month, focused and selected dates); this module renders it
 * and turns keys into new dates.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { moveDate, type CalendarDay, type DayUnavailable, type MonthModel } from './calendar.ts';
import { formatDate, formatMonth, weekdayName } from './format.ts';
import { addMonths } from './time.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/booking.ts';

useMessages(messages);

export interface DateGridOptions {
  model: MonthModel;
  locale: string;
  firstDay: number;
  /** The day holding the tab stop. */
  focused: string;
  selected: string | undefined;
  /** The earliest and latest dates the keys may move to. */
  min: string;
  max: string;
  /** The tab stop moves to `date` (possibly in another month); `keys`: by the grid's keys, so the focus follows it. */
  onFocus(date: string, keys: boolean): void;
  onPick(date: string): void;
}

function reasonText(reason: DayUnavailable): string {
  return reason === 'closed' ? msg('closed') : reason === 'full' ? msg('fully booked') : msg('not available');
}

function cell(day: CalendarDay, o: DateGridOptions): TemplateResult {
  if (!day.inMonth) return html`<td class="day outside"></td>`;
  const selected = day.date === o.selected;
  return html`<td
    class="day${day.unavailable ? ` unavailable ${day.unavailable}` : ''}${selected ? ' selected' : ''}${day.isToday ? ' today' : ''}"
    part="day${selected ? ' day-selected' : ''}"
    data-date=${day.date}
    tabindex=${day.date === o.focused ? 0 : -1}
    aria-selected=${selected ? 'true' : 'false'}
    aria-disabled=${day.unavailable ? 'true' : nothing}
    aria-current=${day.isToday ? 'date' : nothing}
  >
    <span aria-hidden="true">${day.day}</span
    ><span class="visually-hidden">${formatDate(day.date, o.locale)}${day.unavailable ? `, ${reasonText(day.unavailable)}` : ''}</span>
  </td>`;
}

export function renderDateGrid(o: DateGridOptions): TemplateResult {
  const { model } = o;
  const month = model.month;
  const canPrev = addMonths(month, -1) >= o.min.slice(0, 8) + '01';
  const canNext = addMonths(month, 1) <= o.max;
  const step = (n: number) => () => {
    if (n < 0 ? canPrev : canNext) o.onFocus(clamp(addMonths(o.focused, n), o), false);
  };
  const dayOf = (event: Event) => (event.target as Element).closest<HTMLElement>('td[data-date]')?.dataset.date;
  const onKey = (event: KeyboardEvent) => {
    const date = dayOf(event);
    if (!date) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      o.onPick(date);
      return;
    }
    const next = moveDate(date, event.key, o.firstDay, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    o.onFocus(clamp(next, o), true);
  };
  const onClick = (event: Event) => {
    const date = dayOf(event);
    if (date) o.onPick(date);
  };
  return html`<div class="calendar" part="calendar">
    <div class="calendar-nav">
      <button type="button" class="button icon" part="month-button" aria-label=${msg('Previous month')} aria-disabled=${canPrev ? 'false' : 'true'} @click=${step(-1)}>
        <span aria-hidden="true">‹</span>
      </button>
      <p class="month" id="month-label" aria-live="polite">${formatMonth(month, o.locale)}</p>
      <button type="button" class="button icon" part="month-button" aria-label=${msg('Next month')} aria-disabled=${canNext ? 'false' : 'true'} @click=${step(1)}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
    <table role="grid" aria-labelledby="month-label" @keydown=${onKey} @click=${onClick}>
      <thead>
        <tr>
          ${model.weekdays.map((d) => html`<th scope="col" abbr=${weekdayName(d, o.locale, 'long')}>${weekdayName(d, o.locale, 'narrow')}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${model.weeks.map((week) => html`<tr>${week.map((day) => cell(day, o))}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

const clamp = (date: string, o: DateGridOptions) => (date < o.min ? o.min : date > o.max ? o.max : date);
