import { getEvent, listEvents, listResources, paginate, updateEvent, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatTimeRange, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { changedWithoutVersion, ifMatch, isStale } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { cardListStyles, consoleTheme, formStyles, sectionStyles } from '../shell/console.styles.ts';
import { confirmGroup, loadError } from '../shell/templates.ts';
import { eventsStyles } from './events.styles.ts';
import * as catalogues from './messages.ts';

type SpaceEvent = components['schemas']['Event'];
type Resource = components['schemas']['Resource'];

/** What the section shows: the list, an event's form (a new one when `event` is absent), or its registrations. */
type View = { kind: 'list' } | { kind: 'edit'; event?: SpaceEvent } | { kind: 'registrations'; event: SpaceEvent };

/**
 * The space's upcoming events: each with its date, place, seats and status; create or edit one
 * (with a preview of how the calendar will show it), see its registrations and waiting list, and
 * cancel it (after confirmation: everyone registered is told by the server).
 *
 * @summary The staff view of the space's events.
 */
export class CoworkConsoleEvents extends LitElement {
  static override styles = [consoleTheme, formStyles, sectionStyles, cardListStyles, eventsStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _events: { state: true },
    _resources: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _view: { state: true },
    _cancelling: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _events: SpaceEvent[];
  declare _resources: Resource[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _view: View;
  declare _cancelling: string | undefined;
  declare _busy: boolean;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._events = [];
    this._resources = [];
    this._loading = false;
    this._view = { kind: 'list' };
    this._busy = false;
    this._announcement = '';
    this.addEventListener('event-saved', (e) => this.#saved((e as CustomEvent<{ event: SpaceEvent }>).detail.event));
    this.addEventListener('event-refreshed', (e) => this.#refreshed((e as CustomEvent<{ event: SpaceEvent }>).detail.event));
    this.addEventListener('event-closed', () => this.#back());
  }

  get messages(): catalogues.EventsMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId };
    this._loading = true;
    this._error = undefined;
    try {
      const events: SpaceEvent[] = [];
      const resources: Resource[] = [];
      await Promise.all([
        (async () => {
          for await (const event of paginate(listEvents, connection.client, { path, query: { from: new Date().toISOString(), limit: 100 } })) events.push(event);
        })(),
        (async () => {
          for await (const resource of paginate(listResources, connection.client, { path, query: { limit: 100 } })) resources.push(resource);
        })(),
      ]);
      this._events = events.sort((a, b) => a.start.localeCompare(b.start));
      this._resources = resources;
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  #saved(event: SpaceEvent): void {
    const known = this._events.some((e) => e.id === event.id);
    this._events = (known ? this._events.map((e) => (e.id === event.id ? event : e)) : [...this._events, event]).sort((a, b) => a.start.localeCompare(b.start));
    this._announcement = this.messages.saved(translated(event, 'title', this.locale));
    this.#back(event.id);
  }

  /** The editor shows an event as someone else saved it meanwhile: the list and the view hold it too. */
  #refreshed(event: SpaceEvent): void {
    this._events = this._events.map((e) => (e.id === event.id ? event : e));
    if (this._view.kind === 'edit' && this._view.event?.id === event.id) this._view = { kind: 'edit', event };
  }

  #back(focus?: string): void {
    const from = this._view.kind !== 'list' ? this._view.event?.id : undefined;
    this._view = { kind: 'list' };
    const id = focus ?? from;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(id ? `[data-event="${id}"] h3` : '.add')?.focus());
  }

  async #cancel(event: SpaceEvent): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId, eventId: event.id };
    const title = translated(event, 'title', this.locale);
    this._busy = true;
    this._error = undefined;
    try {
      // A server of spec 0.1.0 sends no version: compare with its copy. Otherwise If-Match makes the server refuse (412) a stale change.
      const current = await changedWithoutVersion(event, async () => (await getEvent(connection.client, { path })).data);
      if (current) {
        await this.#staleCancel(title);
        return;
      }
      const { data } = await updateEvent(connection.client, { path, header: ifMatch(event), body: { status: 'cancelled' } });
      this._events = this._events.map((e) => (e.id === data.id ? data : e));
      this._cancelling = undefined;
      this._announcement = this.messages.cancelledNotice(title);
    } catch (error) {
      if (isStale(error)) await this.#staleCancel(title);
      else this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  /** Someone changed the event meanwhile: nothing was cancelled; the list is read again, and says so. */
  async #staleCancel(title: string): Promise<void> {
    this._cancelling = undefined;
    await this.#load();
    this._error ??= this.messages.staleCancel(title);
  }

  protected override render() {
    const m = this.messages;
    const view = this._view;
    const status = html`<p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>`;
    if (view.kind === 'edit') {
      return html`${status}<cowork-console-event-editor .connection=${this.connection} .event=${view.event} .resources=${this._resources} locale=${this.locale}></cowork-console-event-editor>`;
    }
    if (view.kind === 'registrations') {
      return html`${status}<cowork-console-event-registrations .connection=${this.connection} .event=${view.event} locale=${this.locale}></cowork-console-event-registrations>`;
    }
    return html`
      <section aria-labelledby="events-heading">
        <div class="toolbar">
          <h2 id="events-heading">${m.heading}</h2>
          <button class="button primary add" type="button" @click=${() => (this._view = { kind: 'edit' })}>${m.add}</button>
        </div>
        <p class="muted">${m.intro}</p>
        ${status}
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this._loading && this._events.length === 0
          ? html`<p class="muted">${m.loading}</p>`
          : this._events.length === 0 && !this._error
            ? html`<p>${m.none}</p>`
            : html`<ul class="events">${this._events.map((event) => this.#renderEvent(event))}</ul>`}
      </section>
    `;
  }

  #renderEvent(event: SpaceEvent) {
    const m = this.messages;
    const o = { locale: this.locale, timeZone: this.connection?.state.space?.timeZone ?? 'UTC' };
    const cancelled = event.status === 'cancelled';
    const room = event.location?.kind === 'resource' ? this._resources.find((r) => r.id === (event.location as { resourceId: string }).resourceId) : undefined;
    const place = event.location?.kind === 'text' ? event.location.text : event.location?.kind === 'online' ? m.locationKinds.online : room ? translated(room, 'name', this.locale) : undefined;
    const taken = event.capacity !== undefined && event.seatsLeft !== undefined ? event.capacity - event.seatsLeft : undefined;
    return html`
      <li class="card ${cancelled ? 'cancelled' : ''}" data-event=${event.id}>
        <h3 tabindex="-1">${translated(event, 'title', this.locale)}</h3>
        <p><strong>${formatDate(event.start, o, 'full')}</strong>${event.allDay ? nothing : html` · ${formatTimeRange(event.start, event.end, o)}`}</p>
        <p class="muted">
          ${[place, event.capacity !== undefined && taken !== undefined ? m.seats(taken, event.capacity) : m.unlimited, event.visibility === 'members' ? m.membersOnly : undefined].filter(Boolean).join(' · ')}
        </p>
        ${cancelled ? html`<p class="status cancelled">${m.cancelled}</p>` : nothing}
        ${this._cancelling === event.id
          ? confirmGroup({ label: m.cancelEvent, question: m.cancelConfirm(translated(event, 'title', this.locale)), yes: m.cancelYes, keep: m.keep, busy: this._busy, onYes: () => this.#cancel(event), onKeep: () => (this._cancelling = undefined) })
          : html`<div class="actions">
              ${cancelled ? nothing : html`<button class="button edit" type="button" @click=${() => (this._view = { kind: 'edit', event })}>${m.edit}</button>`}
              <button class="button registrations" type="button" @click=${() => (this._view = { kind: 'registrations', event })}>${m.registrationsButton}</button>
              ${cancelled ? nothing : html`<button class="button danger" type="button" @click=${() => (this._cancelling = event.id)}>${m.cancelEvent}</button>`}
            </div>`}
      </li>
    `;
  }
}
