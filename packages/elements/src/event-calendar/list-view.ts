/**
 * The list view's template (agenda): the days that have events, each a heading and a list of its
 * entries (time, title, summary, place, and badges for cancelled, members-only and full events).
 * A multi-day event is listed on each of its days, saying which day it is. Also used, for one day,
 * by the dialog that "+N more" and Enter on a month day open.
 *
 * Entries are buttons (`data-id`), handled by the element by delegation.
 *
 * Exports `renderList(options)` and `renderEntries(entries, texts, lang)`.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { translated } from '../localization/translated.ts';
import type { ListDay, ListEntry } from './model/list.ts';
import { entryTime, type CalendarEvent, type Texts } from './text.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

export interface ListViewOptions {
  days: readonly ListDay<CalendarEvent>[];
  texts: Texts;
  /** The language tag for the events' translations. */
  lang: string;
  busy: boolean;
}

export function renderList(o: ListViewOptions): TemplateResult {
  return html`<div class="list stack" part="list" aria-busy=${o.busy ? 'true' : 'false'}>
    ${o.days.map(
      (day) => html`<section class=${`list-day${day.isToday ? ' today' : ''}`} aria-labelledby=${`ld-${day.day}`}>
        <h3 class="list-date" id=${`ld-${day.day}`}>${o.texts.day(day.day)}${day.isToday ? html` <span class="badge today-badge">${msg('Today')}</span>` : nothing}</h3>
        ${renderEntries(day.entries, o.texts, o.lang)}
      </section>`,
    )}
  </div>`;
}

export function renderEntries(entries: readonly ListEntry<CalendarEvent>[], texts: Texts, lang: string): TemplateResult {
  return html`<ul class="entries stack" role="list">
    ${entries.map((entry) => {
      const event = entry.item.event;
      const summary = event.summary ? translated(event, 'summary', lang) : '';
      const place = event.location?.kind === 'text' ? event.location.text : event.location?.kind === 'online' ? msg('Online') : '';
      const full = event.capacity !== undefined && event.seatsLeft === 0;
      return html`<li>
        <button type="button" class=${`entry${entry.item.cancelled ? ' cancelled' : ''}`} data-id=${entry.item.id}>
          <span class="when">${entryTime(entry, texts)}</span>
          <span class="what stack">
            <span class="title">${texts.title(event)}</span>
            ${summary ? html`<span class="summary">${summary}</span>` : nothing}
            ${place ? html`<span class="place">${place}</span>` : nothing}
            ${entry.item.cancelled || event.visibility === 'members' || full
              ? html`<span class="badges"
                  >${entry.item.cancelled ? html`<span class="badge cancelled-badge">${msg('Cancelled', { id: 'event-status-cancelled' })}</span>` : nothing}${event.visibility === 'members'
                    ? html`<span class="badge">${msg('Members only')}</span>`
                    : nothing}${full && !entry.item.cancelled ? html`<span class="badge">${event.waitlistEnabled ? msg('Full: waiting list') : msg('Full')}</span>` : nothing}</span
                >`
              : nothing}
          </span>
        </button>
      </li>`;
    })}
  </ul>`;
}
