/**
 * The week view's template: a header of days, an all-day row (all-day and long events in lanes,
 * "+N more" past the limit), and a time grid of 24 wall-clock hours where each day's timed
 * segments are placed by minutes (`top`, `height` in % of the day) and side by side where they
 * overlap (`left`, `width` in % of the column). A day with a clock change says so in its header
 * and marks the change on its column. Today's column shows the current time.
 *
 * Events are buttons in reading order (day by day, by start); clicks are handled by the element
 * by delegation (`data-id`, `data-more`).
 *
 * Exports `renderWeek(options)` and `WEEK_ALL_DAY_LANES`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { RowSegment } from './model/month.ts';
import type { TimedSegment, WeekLayout } from './model/week.ts';
import { MINUTES_PER_DAY } from './model/zoned-date.ts';
import { moreButton, segment } from './month-view.ts';
import type { CalendarEvent, Texts } from './text.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

/** Lanes drawn in the all-day row before "+N more". */
export const WEEK_ALL_DAY_LANES = 3;

export interface WeekViewOptions {
  layout: WeekLayout<CalendarEvent>;
  texts: Texts;
  /** [short weekday, long date, narrow weekday] per day. */
  headers: readonly (readonly [string, string, string])[];
  /** Labels of the hours in the gutter ("8 AM", "08 h"). */
  hour: (minute: number) => string;
  /** The current wall-clock minute in the space's zone (for today's line). */
  nowMinute: number;
  busy: boolean;
}

const hours = Array.from({ length: 24 }, (_, h) => h);
const pct = (minutes: number) => `${((minutes / MINUTES_PER_DAY) * 100).toFixed(3)}%`;

export function renderWeek(o: WeekViewOptions): TemplateResult {
  const { layout, texts } = o;
  const allDay = layout.allDay;
  const byColumn: RowSegment<CalendarEvent>[][] = layout.days.map(() => []);
  for (const s of allDay.segments) if (!s.hidden) byColumn[s.startColumn]!.push(s);
  return html`<div class="week-view" part="week" aria-busy=${o.busy ? 'true' : 'false'}>
    <div class="wk-row wk-head">
      <div class="gutter"></div>
      ${layout.days.map((day, i) => {
        const change = day.clockChange;
        return html`<div class=${`wk-day-head${day.isToday ? ' today' : ''}`} id=${`wd-${i}`}>
          <span class="wd" aria-hidden="true"><span class="wide">${o.headers[i]![0]}</span><span class="narrow">${o.headers[i]![2]}</span></span> <span class="dn" aria-hidden="true">${day.dayOfMonth}</span
          ><span class="visually-hidden">${o.headers[i]![1]}</span>
          ${change
            ? html`<span class="dst-note">${change.shift > 0 ? msg(str`Clocks go forward at ${texts.time(change.minute)}`) : msg(str`Clocks go back at ${texts.time(change.minute)}`)}</span>`
            : nothing}
        </div>`;
      })}
    </div>
    <div class="wk-row wk-allday" role="group" aria-label=${msg('All day')} .style=${`--lanes:${allDay.visibleLanes + (allDay.more.some(Boolean) ? 1 : 0)}`}>
      <div class="gutter muted">${msg('All day')}</div>
      ${layout.days.map(
        (day, c) => html`<div class="wk-allday-cell" role="group" aria-labelledby=${`wd-${c}`}>
          ${byColumn[c]!.map((s) => segment(s, texts))} ${allDay.more[c] ? moreButton(day.day, allDay.more[c], c, allDay.visibleLanes) : nothing}
        </div>`,
      )}
    </div>
    <div class="wk-body" tabindex="0" role="region" aria-label=${msg('Events by time of day')}>
      <div class="wk-grid">
        <div class="hours" aria-hidden="true">${hours.map((h) => html`<span .style=${`top:${pct(h * 60)}`}>${h ? o.hour(h * 60) : ''}</span>`)}</div>
        ${layout.days.map(
          (day, i) => html`<div class=${`wk-col${day.isToday ? ' today' : ''}`} .style=${`--i:${i}`} role="group" aria-labelledby=${`wd-${i}`}>
            ${day.clockChange ? html`<div class="dst" aria-hidden="true" .style=${`top:${pct(day.clockChange.minute)}`}></div>` : nothing}
            ${day.segments.map((s) => timedSegment(s, texts))}
            ${day.isToday ? html`<div class="now" aria-hidden="true" .style=${`top:${pct(o.nowMinute)}`}></div>` : nothing}
          </div>`,
        )}
      </div>
    </div>
  </div>`;
}

function timedSegment(s: TimedSegment<CalendarEvent>, texts: Texts): TemplateResult {
  const item = s.item;
  const height = Math.max(s.endMinute - s.startMinute, 15);
  const short = height <= 60;
  const cls = `ev${s.continuesBefore ? ' before' : ''}${s.continuesAfter ? ' after' : ''}${item.cancelled ? ' cancelled' : ''}`;
  // The whole lines of text the box holds (an hour is 3em, less 0.35em of padding and borders;
  // lines of 1.25em: see .ev in the styles): the text stops after a whole line, never through one.
  // (-webkit-line-clamp would add an ellipsis, but doubled the week's layout time.)
  const lines = Math.max(1, Math.floor((height / 20 - 0.35) / 1.25));
  const style = `top:${pct(s.startMinute)};height:${pct(height)};left:${((s.column / s.columns) * 100).toFixed(3)}%;width:${(100 / s.columns).toFixed(3)}%;--lines:${lines}`;
  // One text (the time on the first line, bold, then the title): 200 events make 400 nodes, not 800.
  const time = short ? texts.time(item.startMinute) : `${texts.time(item.startMinute)} – ${texts.time(item.endMinute)}`;
  const text = `${time}\n${item.cancelled ? `${msg('Cancelled:')} ` : ''}${texts.title(item.event)}`;
  return html`<button type="button" class=${cls} data-id=${item.id} .style=${style}><span>${text}</span></button>`;
}
