import { cancelBooking, confirmBooking, getBooking, isApiError, rescheduleBooking, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatMoney, formatTimeRange, localDate, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { timeIn, zonedInstant } from '../forms/zoned-time.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import { bookingsStyles } from './bookings-week.styles.ts';
import * as catalogues from './messages.ts';

type Booking = components['schemas']['Booking'];
type Resource = components['schemas']['Resource'];
type Step = 'view' | 'move' | 'cancel';

/**
 * One booking for staff: what, when, for whom, its status and price; confirm it when it waits for
 * confirmation, move it to another time (the keyboard's way; the grid also takes a drag), or cancel
 * it with a reason told to the booker. Every change sends the booking's ETag: a booking changed by
 * someone else meanwhile is refused (412), shown as it is now and left for the staff person to
 * decide again. Dispatches `booking-changed` (`detail: { booking, action }`) and `booking-closed`.
 *
 * @summary The staff view of one booking, with its actions.
 */
export class CoworkConsoleBookingDetails extends LitElement {
  static override styles = [consoleTheme, formStyles, bookingsStyles];
  static override properties = {
    connection: { attribute: false },
    booking: { attribute: false },
    resources: { attribute: false },
    locale: { type: String },
    _step: { state: true },
    _date: { state: true },
    _start: { state: true },
    _end: { state: true },
    _reason: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _fieldErrors: { state: true },
  };

  declare connection: Connection | undefined;
  declare booking: Booking | undefined;
  declare resources: Resource[];
  declare locale: string;
  declare _step: Step;
  declare _date: string;
  declare _start: string;
  declare _end: string;
  declare _reason: string;
  declare _busy: boolean;
  declare _error: string | undefined;
  declare _fieldErrors: Record<string, string>;

  constructor() {
    super();
    this.locale = 'en';
    this.resources = [];
    this._step = 'view';
    this._date = '';
    this._start = '';
    this._end = '';
    this._reason = '';
    this._busy = false;
    this._fieldErrors = {};
  }

  get messages(): catalogues.BookingsMessages {
    return pick(catalogues, this.locale);
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('booking') && this.booking && changed.get('booking')?.id !== this.booking.id) {
      this._step = 'view';
      this._error = undefined;
      this.#resetMove();
    }
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  #resetMove(): void {
    const booking = this.booking!;
    this._date = localDate(booking.start, this.#timeZone);
    this._start = timeIn(booking.start, this.#timeZone);
    this._end = timeIn(booking.end, this.#timeZone);
    this._fieldErrors = {};
  }

  #go(step: Step): void {
    this._step = step;
    this._error = undefined;
    if (step === 'move') this.#resetMove();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(step === 'move' ? '#move-date' : step === 'cancel' ? '#cancel-reason' : '.actions button')?.focus());
  }

  #describe(booking: Booking): string {
    const o = { locale: this.locale, timeZone: this.#timeZone };
    const resource = this.resources.find((r) => r.id === booking.resourceId);
    return `${resource ? translated(resource, 'name', this.locale) : booking.resourceId}, ${formatDate(booking.start, o, 'medium')} ${formatTimeRange(booking.start, booking.end, o)}`;
  }

  async #act(action: 'confirm' | 'move' | 'cancel'): Promise<void> {
    const connection = this.connection!;
    const booking = this.booking!;
    const m = this.messages;
    const path = { spaceId: connection.spaceId, bookingId: booking.id };
    const header = { 'If-Match': `"${booking.version}"` };
    let body: { start: string; end: string } | undefined;
    if (action === 'move') {
      const start = zonedInstant(this._date, this._start, this.#timeZone);
      const end = zonedInstant(this._date, this._end, this.#timeZone);
      const errors: Record<string, string> = {};
      if (!start) errors.start = m.errors.time;
      if (!end) errors.end = m.errors.time;
      if (start && end && end.getTime() <= start.getTime()) errors.end = m.errors.order;
      this._fieldErrors = errors;
      if (!start || !end || Object.keys(errors).length > 0) return;
      body = { start: start.toISOString(), end: end.toISOString() };
    }
    this._busy = true;
    this._error = undefined;
    try {
      const { data } =
        action === 'confirm'
          ? await confirmBooking(connection.client, { path, header })
          : action === 'move'
            ? await rescheduleBooking(connection.client, { path, header, body: body! })
            : await cancelBooking(connection.client, { path, header, body: this._reason.trim() ? { reason: this._reason.trim() } : {} });
      this.dispatchEvent(new CustomEvent('booking-changed', { detail: { booking: data, action }, bubbles: true, composed: true }));
      this._step = 'view';
      this._reason = '';
    } catch (error) {
      if (isApiError(error) && error.status === 412) {
        // Changed by someone else: show it as it is now, and let the staff person decide again.
        const { data } = await getBooking(connection.client, { path });
        this.dispatchEvent(new CustomEvent('booking-changed', { detail: { booking: data, action: 'refresh' }, bubbles: true, composed: true }));
        this._step = 'view';
        this._error = m.changedMeanwhile;
      } else {
        const fields = bodyFieldErrors(error);
        this._fieldErrors = fields;
        this._error = describeError(error).message;
      }
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const booking = this.booking;
    if (!booking) return nothing;
    const m = this.messages;
    return html`
      <section class="details card" aria-labelledby="details-heading" data-booking=${booking.id}>
        <div class="toolbar">
          <h3 id="details-heading" tabindex="-1">${this.#describe(booking)}</h3>
          <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('booking-closed', { bubbles: true, composed: true }))}>${m.close}</button>
        </div>
        <dl>
          <dt>${m.for}</dt>
          <dd>${booking.booker.name}${booking.booker.email ? html` · <a href="mailto:${booking.booker.email}">${booking.booker.email}</a>` : nothing}</dd>
          <dt>${m.statusLabel}</dt>
          <dd><span class="status ${booking.status}">${m.status[booking.status] ?? booking.status}</span>${booking.cancellation?.reason ? html` · ${booking.cancellation.reason}` : nothing}</dd>
          <dt>${m.price}</dt>
          <dd>${booking.price.amount === 0 ? m.free : formatMoney(booking.price, this.locale)}</dd>
          ${booking.title ? html`<dt>${m.title}</dt><dd>${booking.title}</dd>` : nothing}
          ${booking.notes ? html`<dt>${m.notes}</dt><dd>${booking.notes}</dd>` : nothing}
        </dl>
        ${this._error ? html`<p class="field-error" role="alert">${this._error}</p>` : nothing}
        ${this.#renderStep(booking)}
      </section>
    `;
  }

  #renderStep(booking: Booking) {
    const m = this.messages;
    const active = booking.status === 'pending' || booking.status === 'confirmed';
    if (this._step === 'move') {
      const errors = this._fieldErrors;
      return html`<form
        class="move"
        novalidate
        aria-labelledby="move-heading"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.#act('move');
        }}
      >
        <h4 id="move-heading">${m.moveHeading}</h4>
        <div class="row">
          <div class="field">
            <label for="move-date">${m.date}</label>
            <input id="move-date" type="date" required .value=${this._date} @input=${(e: InputEvent) => (this._date = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="move-start">${m.start}</label>
            <input id="move-start" type="time" required .value=${this._start} aria-invalid=${errors.start ? 'true' : 'false'} aria-describedby=${errors.start ? 'move-start-error' : nothing} @input=${(e: InputEvent) => (this._start = (e.target as HTMLInputElement).value)} />
            ${errors.start ? html`<p class="field-error" id="move-start-error">${errors.start}</p>` : nothing}
          </div>
          <div class="field">
            <label for="move-end">${m.end}</label>
            <input id="move-end" type="time" required .value=${this._end} aria-invalid=${errors.end ? 'true' : 'false'} aria-describedby=${errors.end ? 'move-end-error' : nothing} @input=${(e: InputEvent) => (this._end = (e.target as HTMLInputElement).value)} />
            ${errors.end ? html`<p class="field-error" id="move-end-error">${errors.end}</p>` : nothing}
          </div>
        </div>
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${m.moveSend}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#go('view')}>${m.cancel}</button>
        </div>
      </form>`;
    }
    if (this._step === 'cancel') {
      return html`<form
        class="refuse"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          void this.#act('cancel');
        }}
      >
        <label for="cancel-reason">${m.cancelReason}</label>
        <textarea id="cancel-reason" rows="2" maxlength="500" .value=${this._reason} @input=${(e: InputEvent) => (this._reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        <div class="actions">
          <button class="button danger" type="submit" ?disabled=${this._busy}>${m.cancelSend}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#go('view')}>${m.cancelAction}</button>
        </div>
      </form>`;
    }
    if (!active) return nothing;
    return html`<div class="actions">
      ${booking.status === 'pending' ? html`<button class="button primary" type="button" ?disabled=${this._busy} @click=${() => this.#act('confirm')}>${m.confirm}</button>` : nothing}
      <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#go('move')}>${m.move}</button>
      <button class="button danger" type="button" ?disabled=${this._busy} @click=${() => this.#go('cancel')}>${m.cancelBooking}</button>
    </div>`;
  }
}
