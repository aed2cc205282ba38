import { getEvent, listBookings, listRegistrations, listResources, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatTimeRange, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import * as catalogues from './messages.ts';

type Member = components['schemas']['Member'];
type Booking = components['schemas']['Booking'];
type Registration = components['schemas']['Registration'];

/** How many of each a record shows: what a person at the desk needs, not a history. */
const shown = 20;

/**
 * What a member has coming at the space, for staff at the desk: their bookings from now on (any
 * status but cancelled) and their registrations to events that have not ended, by date, with the
 * status and the place on a waiting list.
 *
 * @summary A member's upcoming bookings and registrations.
 */
export class CoworkConsoleMemberActivity extends LitElement {
  static override styles = [
    consoleTheme,
    css`
      :host {
        display: grid;
        gap: 1.25em;
        margin: 1.25em 0;
      }
      section {
        display: grid;
        gap: 0.5em;
      }
      h3 {
        font-size: 1.05em;
      }
      ul {
        display: grid;
        gap: 0.35em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 0.4em 0;
        border-bottom: 1px solid var(--_border);
      }
      .status {
        font-weight: 600;
      }
    `,
  ];
  static override properties = {
    connection: { attribute: false },
    member: { attribute: false },
    locale: { type: String },
    _bookings: { state: true },
    _registrations: { state: true },
    _resources: { state: true },
    _events: { state: true },
    _error: { state: true },
  };

  declare connection: Connection | undefined;
  declare member: Member | undefined;
  declare locale: string;
  declare _bookings: Booking[] | undefined;
  declare _registrations: Registration[] | undefined;
  declare _resources: Map<string, components['schemas']['Resource']>;
  declare _events: Map<string, components['schemas']['Event']>;
  declare _error: string | undefined;

  constructor() {
    super();
    this.locale = 'en';
    this._resources = new Map();
    this._events = new Map();
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('connection') || (changed.has('member') && changed.get('member')?.id !== this.member?.id)) && this.connection && this.member) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    const memberId = this.member!.id;
    const path = { spaceId: connection.spaceId };
    this._error = undefined;
    try {
      const [bookings, registrations, resources] = await Promise.all([
        listBookings(connection.client, { path, query: { memberId, from: new Date().toISOString(), limit: shown } }),
        listRegistrations(connection.client, { path, query: { memberId, limit: shown } }),
        this._resources.size > 0 ? undefined : listResources(connection.client, { path, query: { limit: 100 } }),
      ]);
      if (this.member?.id !== memberId) return;
      if (resources) this._resources = new Map(resources.data.items.map((resource) => [resource.id, resource]));
      const unknown = [...new Set(registrations.data.items.map((r) => r.eventId))].filter((id) => !this._events.has(id));
      const events = await Promise.all(unknown.map((eventId) => getEvent(connection.client, { path: { ...path, eventId } }).then(({ data }) => data)));
      this._events = new Map([...this._events, ...events.map((event) => [event.id, event] as const)]);
      this._bookings = bookings.data.items.filter((booking) => booking.status !== 'cancelled');
      const now = Date.now();
      this._registrations = registrations.data.items
        .filter((registration) => Date.parse(this._events.get(registration.eventId)?.end ?? '') > now)
        .sort((a, b) => this._events.get(a.eventId)!.start.localeCompare(this._events.get(b.eventId)!.start));
    } catch (error) {
      this._error = describeError(error).message;
    }
  }

  protected override render() {
    const m = this.messages;
    if (this._error) return html`<p class="form-error" role="alert">${m.activityFailed(this._error)}</p>`;
    if (!this._bookings || !this._registrations) return html`<p class="muted">${m.loading}</p>`;
    const o = { locale: this.locale, timeZone: this.connection?.state.space?.timeZone ?? 'UTC' };
    return html`
      <section aria-labelledby="member-bookings">
        <h3 id="member-bookings">${m.upcomingBookings}</h3>
        ${this._bookings.length === 0
          ? html`<p class="muted">${m.noUpcomingBooking}</p>`
          : html`<ul>
              ${this._bookings.map((booking) => {
                const resource = this._resources.get(booking.resourceId);
                return html`<li data-booking=${booking.id}>
                  <strong>${resource ? translated(resource, 'name', this.locale) : booking.resourceId}</strong>, ${formatDate(booking.start, o, 'medium')}
                  ${formatTimeRange(booking.start, booking.end, o)} · <span class="status">${m.bookingStatuses[booking.status] ?? booking.status}</span>
                </li>`;
              })}
            </ul>`}
      </section>
      <section aria-labelledby="member-registrations">
        <h3 id="member-registrations">${m.registrations}</h3>
        ${this._registrations.length === 0
          ? html`<p class="muted">${m.noRegistration}</p>`
          : html`<ul>
              ${this._registrations.map((registration) => {
                const event = this._events.get(registration.eventId);
                return html`<li data-registration=${registration.id}>
                  <strong>${event ? translated(event, 'title', this.locale) : registration.eventId}</strong>${event ? html`, ${formatDate(event.start, o, 'medium')}` : nothing} ·
                  <span class="status"
                    >${registration.status === 'waitlisted' && registration.waitlistPosition ? m.waitlistPosition(registration.waitlistPosition) : (m.registrationStatuses[registration.status] ?? registration.status)}</span
                  >
                </li>`;
              })}
            </ul>`}
      </section>
    `;
  }
}
