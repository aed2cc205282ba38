import { cancelBooking, confirmBooking, getBooking, isApiError, listBookings, listResources, paginate, rescheduleBooking, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatTimeRange, instantOf, localDate, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { timeIn } from '../forms/zoned-time.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import { loadError } from '../shell/templates.ts';
import { bookingsStyles } from './bookings-week.styles.ts';
import * as catalogues from './messages.ts';
import { addDays, shiftWeek, weekOf, type Week } from './week.ts';

type Booking = components['schemas']['Booking'];
type Resource = components['schemas']['Resource'];

/** What a staff person acts on: a booking, and whether a request about it is on its way. */
interface Row {
  booking: Booking;
  busy: boolean;
  refusing: boolean;
  error?: string;
}

/**
 * The week's bookings of the space: first every booking waiting for confirmation, this week's and
 * later ones, each with Confirm and Refuse (with a reason told to the booker), then the week's
 * bookings on a resource × day grid. A
 * confirmation or a refusal sends the booking's ETag: a booking changed by someone else meanwhile
 * is refused by the server (412), shown as it is now and left for the staff person to decide again.
 *
 * @summary The staff view of the week's bookings.
 */
export class CoworkConsoleBookings extends LitElement {
  static override styles = [consoleTheme, formStyles, bookingsStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    now: { attribute: false },
    _week: { state: true },
    _resources: { state: true },
    _rows: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _announcement: { state: true },
    _panel: { state: true },
    _dropError: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  /** The time the week to show first is taken from (tests set it). */
  declare now: Date | undefined;
  declare _week: Week | undefined;
  declare _resources: Resource[];
  declare _rows: Row[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _announcement: string;
  /** The booking opened (by id), or the form of a new one. */
  declare _panel: { kind: 'details'; id: string } | { kind: 'new' } | undefined;
  declare _dropError: string | undefined;
  #generation = 0;
  #dragged: string | undefined;

  constructor() {
    super();
    this.locale = 'en';
    this._resources = [];
    this._rows = [];
    this._loading = false;
    this._announcement = '';
    this.addEventListener('booking-changed', (e) => this.#changed((e as CustomEvent<{ booking: Booking; action: string }>).detail));
    this.addEventListener('booking-closed', () => this.#closePanel());
  }

  #changed({ booking, action }: { booking: Booking; action: string }): void {
    const known = this._rows.some((row) => row.booking.id === booking.id);
    this._rows = known ? this._rows.map((row) => (row.booking.id === booking.id ? { ...row, booking } : row)) : [...this._rows, { booking, busy: false, refusing: false }];
    const what = this.#describe(booking);
    const m = this.messages;
    const said: Record<string, string> = { confirm: m.confirmed(what), move: m.moved(what), cancel: m.cancelledNotice(what), create: m.created(what) };
    if (said[action]) this._announcement = said[action]!;
    if (action === 'create') this._panel = { kind: 'details', id: booking.id };
  }

  #closePanel(): void {
    const opened = this._panel?.kind === 'details' ? this._panel.id : undefined;
    this._panel = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(opened ? `.grid [data-booking="${opened}"]` : '.new')?.focus());
  }

  /** Moves a booking dropped on another day of its resource's row to that day, at the same times. */
  async #drop(resourceId: string, day: string): Promise<void> {
    const row = this._rows.find((r) => r.booking.id === this.#dragged);
    this.#dragged = undefined;
    if (!row || row.booking.resourceId !== resourceId) return;
    const { booking } = row;
    const tz = this.#timeZone;
    const from = localDate(booking.start, tz);
    if (from === day) return;
    const lastDay = localDate(booking.end, tz);
    const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    const start = instantOf(day, timeIn(booking.start, tz), tz);
    const end = instantOf(addDays(day, days), timeIn(booking.end, tz), tz);
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId, bookingId: booking.id };
    this._dropError = undefined;
    try {
      const { data } = await rescheduleBooking(connection.client, { path, header: { 'If-Match': `"${booking.version}"` }, body: { start: start.toISOString(), end: end.toISOString() } });
      this.#changed({ booking: data, action: 'move' });
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        this.#changed({ booking: (await getBooking(connection.client, { path })).data, action: 'refresh' });
        this._dropError = this.messages.changedMeanwhile;
      } else this._dropError = describeError(error).message;
    }
  }

  get messages(): catalogues.BookingsMessages {
    return pick(catalogues, this.locale);
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('connection') || this._week === undefined) && this.connection?.state.space) {
      if (this._week === undefined) this._week = weekOf(this.now ?? new Date(), this.#timeZone);
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const connection = this.connection;
    const week = this._week;
    if (!connection || !week) return;
    const generation = ++this.#generation;
    this._loading = true;
    this._error = undefined;
    const path = { spaceId: connection.spaceId };
    try {
      // The week's bookings for the grid, and every booking still waiting for an answer, whatever its week.
      const [resources, bookings, waiting] = await Promise.all([
        arrayOf(paginate(listResources, connection.client, { path, query: { limit: 100 } })),
        arrayOf(paginate(listBookings, connection.client, { path, query: { from: week.from.toISOString(), to: week.to.toISOString(), limit: 100 } })),
        arrayOf(paginate(listBookings, connection.client, { path, query: { status: 'pending', from: (this.now ?? new Date()).toISOString(), limit: 100 } })),
      ]);
      if (generation !== this.#generation) return;
      this._resources = resources;
      const inWeek = new Set(bookings.map((booking) => booking.id));
      this._rows = [...bookings, ...waiting.filter((booking) => !inWeek.has(booking.id))].map((booking) => ({ booking, busy: false, refusing: false }));
    } catch (error) {
      if (generation === this.#generation) this._error = describeError(error).message;
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }

  #move(by: number | 'today'): void {
    this._week = by === 'today' ? weekOf(new Date(), this.#timeZone) : shiftWeek(this._week!, by, this.#timeZone);
    void this.#load();
  }

  #update(id: string, patch: Partial<Row>): void {
    this._rows = this._rows.map((row) => (row.booking.id === id ? { ...row, ...patch } : row));
  }

  async #act(row: Row, action: 'confirm' | 'refuse', reason?: string): Promise<void> {
    const connection = this.connection!;
    const { booking } = row;
    const path = { spaceId: connection.spaceId, bookingId: booking.id };
    const header = { 'If-Match': `"${booking.version}"` };
    this.#update(booking.id, { busy: true, error: undefined });
    try {
      const { data } =
        action === 'confirm'
          ? await confirmBooking(connection.client, { path, header })
          : await cancelBooking(connection.client, { path, header, body: reason ? { reason } : {} });
      this.#update(booking.id, { booking: data, busy: false, refusing: false });
      const what = this.#describe(data);
      this._announcement = action === 'confirm' ? this.messages.confirmed(what) : this.messages.refused(what);
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        // Changed by someone else: show it as it is now, and let the staff person decide again.
        const { data } = await getBooking(connection.client, { path });
        this.#update(booking.id, { booking: data, busy: false, refusing: false, error: this.messages.changedMeanwhile });
      } else {
        this.#update(booking.id, { busy: false, error: describeError(error).message });
      }
    }
  }

  #resourceName(id: string): string {
    const resource = this._resources.find((r) => r.id === id);
    return resource ? translated(resource, 'name', this.locale) : id;
  }

  #describe(booking: Booking): string {
    const o = { locale: this.locale, timeZone: this.#timeZone };
    return `${this.#resourceName(booking.resourceId)}, ${formatDate(booking.start, o, 'medium')} ${formatTimeRange(booking.start, booking.end, o)}`;
  }

  protected override render() {
    const m = this.messages;
    const week = this._week;
    if (!week) return html`<p class="muted">${m.loading}</p>`;
    const o = { locale: this.locale, timeZone: this.#timeZone };
    const pending = this._rows.filter((row) => row.booking.status === 'pending' || row.refusing || row.error).sort((a, b) => a.booking.start.localeCompare(b.booking.start));
    return html`
      <section aria-labelledby="week-heading">
        <div class="toolbar">
          <h2 id="week-heading">${m.week(`${formatDate(week.from, o, 'medium')}`)}</h2>
          <div class="week-nav">
            <button class="button" type="button" @click=${() => this.#move(-1)}><span aria-hidden="true">‹</span> <span class="on-wide">${m.previousWeek}</span></button>
            <button class="button" type="button" @click=${() => this.#move('today')}>${m.thisWeek}</button>
            <button class="button" type="button" @click=${() => this.#move(1)}><span class="on-wide">${m.nextWeek}</span> <span aria-hidden="true">›</span></button>
            <button class="button primary new" type="button" @click=${() => (this._panel = { kind: 'new' })}>${m.newBooking}</button>
          </div>
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this.#renderPanel(week)}
        ${this._loading && this._rows.length === 0 ? html`<p class="muted">${m.loading}</p>` : this.#renderPending(pending)}
        ${this._dropError ? html`<p class="field-error" role="alert">${this._dropError}</p>` : nothing} ${this.#renderGrid(week)}
      </section>
    `;
  }

  #renderPanel(week: Week) {
    const panel = this._panel;
    if (!panel) return nothing;
    if (panel.kind === 'new') {
      const today = localDate(new Date(), this.#timeZone);
      const date = week.days.includes(today) ? today : week.days[0]!;
      return html`<cowork-console-new-booking .connection=${this.connection} .resources=${this._resources} locale=${this.locale} date=${date}></cowork-console-new-booking>`;
    }
    const booking = this._rows.find((row) => row.booking.id === panel.id)?.booking;
    return booking ? html`<cowork-console-booking-details .connection=${this.connection} .booking=${booking} .resources=${this._resources} locale=${this.locale}></cowork-console-booking-details>` : nothing;
  }

  #renderPending(rows: Row[]) {
    const m = this.messages;
    const waiting = rows.filter((row) => row.booking.status === 'pending').length;
    return html`
      <section class="pending" aria-labelledby="pending-heading">
        <h3 id="pending-heading">${waiting > 0 ? m.pending(waiting) : m.noPending}</h3>
        ${rows.length > 0 ? html`<ul>${rows.map((row) => this.#renderPendingRow(row))}</ul>` : nothing}
      </section>
    `;
  }

  #renderPendingRow(row: Row) {
    const m = this.messages;
    const { booking } = row;
    const id = booking.id;
    return html`
      <li class="card" data-booking=${id}>
        <p class="what"><strong>${this.#describe(booking)}</strong></p>
        <p class="muted">${m.bookedBy(booking.booker.name)} · <span class="status ${booking.status}">${m.status[booking.status] ?? booking.status}</span></p>
        ${row.error ? html`<p class="field-error" role="alert">${row.error}</p>` : nothing}
        ${booking.status !== 'pending'
          ? nothing
          : row.refusing
            ? html`
                <form
                  class="refuse"
                  @submit=${(event: SubmitEvent) => {
                    event.preventDefault();
                    const reason = (event.currentTarget as HTMLFormElement).elements.namedItem('reason') as HTMLTextAreaElement;
                    void this.#act(row, 'refuse', reason.value.trim() || undefined);
                  }}
                >
                  <label for="reason-${id}">${m.refuseReason}</label>
                  <textarea id="reason-${id}" name="reason" rows="2" maxlength="500"></textarea>
                  <div class="actions">
                    <button class="button danger" type="submit" ?disabled=${row.busy}>${m.refuseSend}</button>
                    <button class="button" type="button" ?disabled=${row.busy} @click=${() => this.#update(id, { refusing: false })}>${m.cancelAction}</button>
                  </div>
                </form>
              `
            : html`
                <div class="actions">
                  <button class="button primary" type="button" ?disabled=${row.busy} @click=${() => this.#act(row, 'confirm')}>${m.confirm}</button>
                  <button class="button danger" type="button" ?disabled=${row.busy} @click=${() => this.#update(id, { refusing: true })}>${m.refuse}</button>
                </div>
              `}
      </li>
    `;
  }

  #renderGrid(week: Week) {
    const m = this.messages;
    const o = { locale: this.locale, timeZone: this.#timeZone };
    const resources = this._resources.filter((r) => r.status !== 'archived' || this._rows.some((row) => row.booking.resourceId === r.id));
    const cell = (resourceId: string, day: string) =>
      this._rows
        .map((row) => row.booking)
        .filter((b) => b.resourceId === resourceId && b.status !== 'cancelled' && localDate(b.start, this.#timeZone) <= day && localDate(new Date(Date.parse(b.end) - 1), this.#timeZone) >= day)
        .sort((a, b) => a.start.localeCompare(b.start));
    return html`
      <div class="grid-scroll" tabindex="0" role="region" aria-labelledby="grid-caption">
        <table class="grid">
          <caption id="grid-caption">${m.grid} <span class="muted hint">${m.dragHint}</span></caption>
          <thead>
            <tr>
              <th scope="col">${m.resource}</th>
              ${week.days.map((day) => html`<th scope="col">${formatDate(`${day}T12:00:00Z`, { ...o, timeZone: 'UTC' }, 'medium')}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${resources.map(
              (resource) => html`
                <tr>
                  <th scope="row">${translated(resource, 'name', this.locale)}</th>
                  ${week.days.map((day) => {
                    const bookings = cell(resource.id, day);
                    return html`<td
                      @dragover=${(e: DragEvent) => {
                        if (this._rows.some((r) => r.booking.id === this.#dragged && r.booking.resourceId === resource.id)) e.preventDefault();
                      }}
                      @drop=${(e: DragEvent) => {
                        e.preventDefault();
                        void this.#drop(resource.id, day);
                      }}
                    >
                      ${bookings.length === 0
                        ? html`<span class="visually-hidden">${m.noBookings}</span>`
                        : html`<ul>
                            ${bookings.map(
                              (b) => html`<li>
                                <button
                                  type="button"
                                  class="booking ${b.status}"
                                  data-booking=${b.id}
                                  draggable="true"
                                  aria-expanded=${this._panel?.kind === 'details' && this._panel.id === b.id ? 'true' : 'false'}
                                  @click=${() => (this._panel = { kind: 'details', id: b.id })}
                                  @dragstart=${(e: DragEvent) => {
                                    this.#dragged = b.id;
                                    e.dataTransfer?.setData('text/plain', b.id);
                                  }}
                                >
                                  <span class="time">${formatTimeRange(b.start, b.end, o)}</span>
                                  <span class="who">${b.booker.name}</span>
                                  ${b.status === 'pending' ? html`<span class="status pending">${m.status.pending}</span>` : nothing}
                                </button>
                              </li>`,
                            )}
                          </ul>`}
                    </td>`;
                  })}
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}
