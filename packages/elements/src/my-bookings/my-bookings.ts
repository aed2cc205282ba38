import { msg, str } from '@lit/localize';
import { cancelBooking, getBooking, listBookings, listResources, type components } from '@coworking-commons/client';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { SpaceController } from '../controllers/space-controller.ts';
import { embeddedSignIn } from '../sign-in/embedded.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { durationMs, parseDuration } from '../localization/duration.ts';
import { formatDate, formatDuration, formatMoney, formatZonedRange } from '../localization/format.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { translated } from '../localization/translated.ts';
import { describeError, problemOf } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { OnlineController } from '../states/online-controller.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured, renderOffline, stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';
import { myBookingsStyles } from './my-bookings.styles.ts';
import messages from '../localization/generated/my-bookings.ts';

useMessages(messages);

type Booking = components['schemas']['Booking'];
type Resource = components['schemas']['Resource'];

const pageSize = 20;

/**
 * The signed-in member's upcoming bookings, from now on: resource, date and time (in the space's
 * time zone, with the visitor's own when it differs), status and price, each with a cancel button
 * (and a confirmation step). Signed out, it invites to sign in, with the sign-in form embedded.
 *
 * @summary A member's upcoming bookings, with cancellation.
 * @attr api - The API base URL (when not inside a `<cowork-space>`).
 * @attr space - The space id (when not inside a `<cowork-space>`).
 * @attr storage - Where the token is kept: `session` (default) or `memory`.
 * @attr heading - The heading text; defaults to "My bookings". An empty value shows no heading.
 * @attr theme - `light` or `dark` to override the visitor's preference.
 * @attr lang - The language (`en`, `fr`); defaults to the nearest ancestor's, then the page's.
 * @slot empty - Shown under the "no upcoming bookings" message, such as a link to the booking page.
 * @event cowork-booking-cancelled - A booking was cancelled. `detail: { booking }`.
 * @event cowork-signed-in - From the embedded sign-in.
 * @event cowork-signed-out - From the embedded sign-in.
 * @event cowork-error - A request failed. `detail: { operation, kind, message, problem, error }`.
 * @csspart base - The container.
 * @csspart heading - The heading.
 * @csspart list - The list of bookings.
 * @csspart booking - One booking.
 * @csspart status - A booking's status.
 * @csspart cancel-button - A booking's cancel button.
 * @csspart confirm - The confirmation step of a cancellation.
 * @csspart sign-in - The embedded `<cowork-sign-in>` (signed out).
 * @csspart state - The loading, empty, error and offline states.
 * @cssprop --cowork-color-accent - The main buttons' colour.
 * @cssprop --cowork-color-surface - The background.
 * @cssprop --cowork-color-text - The text colour.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-danger - Errors and the cancel buttons.
 * @cssprop --cowork-color-success - The "confirmed" status.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-radius - Corner radius.
 */
export class CoworkMyBookings extends LitElement {
  static override styles = [themeStyles, controlStyles, stateStyles, myBookingsStyles];
  static override properties = {
    api: { type: String },
    space: { type: String },
    storage: { type: String },
    heading: { type: String },
    theme: { type: String, reflect: true },
    fetch: { attribute: false },
    _status: { state: true },
    _items: { state: true },
    _next: { state: true },
    _error: { state: true },
    _confirming: { state: true },
    _cancelling: { state: true },
    _itemErrors: { state: true },
    _loadingMore: { state: true },
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare heading: string | undefined;
  declare theme: string | undefined;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  declare fetch: typeof fetch | undefined;
  declare _status: 'idle' | 'loading' | 'ready' | 'error';
  declare _items: Booking[];
  declare _next: string | undefined;
  declare _error: unknown;
  declare _confirming: string | undefined;
  declare _cancelling: string | undefined;
  declare _itemErrors: Record<string, string>;
  declare _loadingMore: boolean;

  #space = new SpaceController(this);
  #locale = new LocaleController(this);
  #live = new LiveRegion(this);
  #online = new OnlineController(this, () => {
    if (this._status === 'error') void this.reload();
  });
  #resources = new Map<string, Resource>();
  #loadedFor = '';
  #request = 0;
  #focusAfterUpdate: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#space.needSpace();
  }

  constructor() {
    super();
    this._status = 'idle';
    this._items = [];
    this._itemErrors = {};
    this._loadingMore = false;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const member = this.#space.member;
    const key = this.#space.configured && member ? `${this.#space.spaceId}|${member.id}` : '';
    if (key !== this.#loadedFor) {
      this.#loadedFor = key;
      this._items = [];
      this._next = undefined;
      this._confirming = undefined;
      this._itemErrors = {};
      if (key) void this.reload();
      else this._status = 'idle';
    }
  }

  protected override updated(): void {
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = undefined;
    }
  }

  /** Fetches the upcoming bookings again. */
  async reload(): Promise<void> {
    const client = this.#space.client;
    const spaceId = this.#space.spaceId;
    if (!client || !spaceId || !this.#space.member) return;
    const request = ++this.#request;
    this._status = 'loading';
    this._error = undefined;
    try {
      const [bookings] = await Promise.all([
        listBookings(client, { path: { spaceId }, query: { from: new Date().toISOString(), limit: pageSize } }),
        this.#resources.size ? undefined : this.#loadResources(),
      ]);
      if (request !== this.#request) return;
      this._items = bookings.data.items.filter((booking) => booking.status !== 'cancelled');
      this._next = bookings.data.nextCursor;
      this._status = 'ready';
    } catch (error) {
      if (request !== this.#request) return;
      this._error = error;
      this._status = 'error';
      dispatchCowork(this, 'cowork-error', errorDetail(error, 'listBookings'));
    }
  }

  async #loadResources(): Promise<void> {
    const client = this.#space.client!;
    try {
      const { data } = await listResources(client, { path: { spaceId: this.#space.spaceId! }, query: { limit: 100 } });
      for (const resource of data.items) this.#resources.set(resource.id, resource);
    } catch {
      // Names are a nicety: without them, bookings show a generic name.
    }
  }

  async #loadMore(): Promise<void> {
    const client = this.#space.client;
    const spaceId = this.#space.spaceId;
    if (!client || !spaceId || !this._next) return;
    this._loadingMore = true;
    try {
      const { data } = await listBookings(client, { path: { spaceId }, query: { from: new Date().toISOString(), limit: pageSize, cursor: this._next } });
      const more = data.items.filter((booking) => booking.status !== 'cancelled');
      this._items = [...this._items, ...more];
      this._next = data.nextCursor;
      if (more[0]) this.#focusAfterUpdate = `#b-${CSS.escape(more[0].id)} h3`;
      this.#live.announce(msg(str`${more.length} more bookings shown.`));
    } catch (error) {
      this.#live.announce(describeError(error).message);
      dispatchCowork(this, 'cowork-error', errorDetail(error, 'listBookings'));
    } finally {
      this._loadingMore = false;
    }
  }

  #resourceName(booking: Booking): string {
    const resource = this.#resources.get(booking.resourceId);
    return resource ? translated(resource, 'name', this.#locale.intl) : msg('Booked space');
  }

  /** Whether the space's cancellation notice still allows cancelling online. */
  #tooLate(booking: Booking): boolean {
    const notice = parseDuration(this.#space.space?.policies.cancellationNotice);
    return Date.parse(booking.start) - Date.now() < (notice ? durationMs(notice) : 0);
  }

  #askCancel(booking: Booking): void {
    this._confirming = booking.id;
    this._itemErrors = { ...this._itemErrors, [booking.id]: '' };
    this.#focusAfterUpdate = `#b-${CSS.escape(booking.id)} [part~='confirm'] .button.danger`;
  }

  #keep(booking: Booking): void {
    this._confirming = undefined;
    this.#focusAfterUpdate = `#b-${CSS.escape(booking.id)} [part~='cancel-button']`;
  }

  async #cancel(booking: Booking): Promise<void> {
    const client = this.#space.client;
    const spaceId = this.#space.spaceId;
    if (!client || !spaceId || this._cancelling) return;
    this._cancelling = booking.id;
    const name = this.#resourceName(booking);
    try {
      // The booking's current version, so that a change made meanwhile is not overwritten.
      const current = await getBooking(client, { path: { spaceId, bookingId: booking.id } });
      if (current.data.status === 'cancelled') {
        this.#replace(current.data);
      } else {
        const { data } = await cancelBooking(client, { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': current.etag ?? `"${current.data.version}"` } });
        this.#replace(data);
        dispatchCowork(this, 'cowork-booking-cancelled', { booking: data });
      }
      this._confirming = undefined;
      this.#focusAfterUpdate = `#b-${CSS.escape(booking.id)} h3`;
      this.#live.announce(msg(str`Your booking of ${name} on ${this.#date(booking)} is cancelled.`));
    } catch (error) {
      const problem = problemOf(error);
      let message = describeError(error).message;
      if (problem?.code === 'cancellation_notice') message = this.#tooLateText();
      else if (problem?.status === 412 || problem?.status === 409) message = msg('This booking changed in the meantime. The list is up to date again; please check it.');
      this._itemErrors = { ...this._itemErrors, [booking.id]: message };
      this._confirming = undefined;
      this.#focusAfterUpdate = `#b-${CSS.escape(booking.id)} h3`;
      dispatchCowork(this, 'cowork-error', { ...errorDetail(error, 'cancelBooking'), message });
      if (problem?.status === 412 || problem?.status === 409) void this.#refreshOne(booking.id);
    } finally {
      this._cancelling = undefined;
    }
  }

  async #refreshOne(id: string): Promise<void> {
    try {
      const { data } = await getBooking(this.#space.client!, { path: { spaceId: this.#space.spaceId!, bookingId: id } });
      this.#replace(data);
    } catch {
      // The message already says to check the list.
    }
  }

  #replace(booking: Booking): void {
    this._items = this._items.map((item) => (item.id === booking.id ? booking : item));
  }

  #tooLateText(): string {
    const notice = this.#space.space?.policies.cancellationNotice;
    const parsed = parseDuration(notice);
    return notice && parsed && durationMs(parsed) > 0
      ? msg(str`Bookings can be cancelled online up to ${formatDuration(notice, this.#locale.intl)} before they start. Please contact the space.`)
      : msg('This booking can no longer be cancelled online. Please contact the space.');
  }

  #date(booking: Booking): string {
    const timeZone = this.#space.space?.timeZone ?? 'UTC';
    return formatDate(booking.start, { locale: this.#locale.intl, timeZone });
  }

  protected override render() {
    const heading = this.heading ?? msg('My bookings');
    return html`<div part="base" lang=${this.#locale.intl}>
      ${this.#live.render()}
      ${heading ? html`<div class="header"><h2 part="heading">${heading}</h2></div>` : nothing}
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody() {
    if (!this.#space.configured) return renderNotConfigured('cowork-my-bookings');
    if (!this.#space.member) {
      return html`<p>${msg('Sign in to see your upcoming bookings and cancel them.')}</p>
        ${embeddedSignIn(this, { part: 'sign-in', theme: this.theme, lang: this.#locale.lang })}`;
    }
    const spaceState = this.#space.state;
    if (this._status === 'error' || (spaceState?.error && !spaceState.space)) {
      const error = this._error ?? spaceState?.error;
      if (!this.#online.online) return renderOffline({ onRetry: () => this.#retry() });
      return renderError(error, { heading: msg('Your bookings could not be loaded'), onRetry: () => this.#retry() });
    }
    if (this._status !== 'ready' || !this.#space.space) return renderLoading({ label: msg('Loading your bookings…'), lines: 4, minHeight: '10em' });
    if (this._items.length === 0) {
      return html`${renderEmpty({ heading: msg('You have no upcoming bookings.') })}<slot name="empty"></slot>`;
    }
    return html`<div class="list">
        <ul part="list" aria-label=${msg('Upcoming bookings')}>
          ${this._items.map((booking) => this.#renderBooking(booking))}
        </ul>
      </div>
      ${this._next
        ? html`<p>
            <button type="button" class="button" @click=${this.#loadMore} aria-disabled=${this._loadingMore ? 'true' : 'false'}>${this._loadingMore ? msg('Loading…') : msg('Show more bookings')}</button>
          </p>`
        : nothing}`;
  }

  #retry(): void {
    if (this.#space.state?.error && !this.#space.space) this.#space.state.reload();
    void this.reload();
  }

  #renderBooking(booking: Booking) {
    const space = this.#space.space!;
    const locale = this.#locale.intl;
    const options = { locale, timeZone: space.timeZone };
    const range = formatZonedRange(booking.start, booking.end, options);
    const cancelled = booking.status === 'cancelled';
    const confirming = this._confirming === booking.id;
    const busy = this._cancelling === booking.id;
    const error = this._itemErrors[booking.id];
    const name = this.#resourceName(booking);
    const date = this.#date(booking);
    const headingId = `h-${booking.id}`;
    return html`<li id="b-${booking.id}" part="booking" class=${booking.status} aria-labelledby=${headingId}>
      <div class="what">
        <h3 id=${headingId} tabindex="-1">${name}</h3>
        ${booking.title ? html`<p class="title">${booking.title}</p>` : nothing}
        <p class="when">
          <span>${date}</span>, <span>${range.space}</span>
          ${range.visitor ? html`<span class="muted">(${msg(str`${range.visitor} your time`)})</span>` : nothing}
        </p>
        <p class="meta">
          <span class="status ${booking.status}" part="status">${statusLabel(booking.status)}</span>
          <span class="price">${booking.price.amount === 0 ? msg('Free') : formatMoney(booking.price, locale)}</span>
        </p>
      </div>
      <div class="actions">
        ${cancelled || confirming
          ? nothing
          : this.#tooLate(booking)
            ? html`<p class="note muted">${msg('Too close to the start to cancel online.')}</p>`
            : html`<button
                type="button"
                class="button danger"
                part="cancel-button"
                aria-describedby=${headingId}
                @click=${() => this.#askCancel(booking)}
              >
                ${msg('Cancel')}
              </button>`}
      </div>
      ${confirming
        ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="q-${booking.id}" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#keep(booking)}>
            <p id="q-${booking.id}">${msg(str`Cancel ${name} on ${date}, ${range.space}?`)}</p>
            <button type="button" class="button danger primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.#cancel(booking)}>
              ${busy ? msg('Cancelling…') : msg('Yes, cancel it')}
            </button>
            <button type="button" class="button" @click=${() => this.#keep(booking)}>${msg('Keep it')}</button>
          </div>`
        : nothing}
      ${error ? html`<p class="item-error field-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}

function statusLabel(status: Booking['status']): string {
  return status === 'confirmed' ? msg('Confirmed') : status === 'pending' ? msg('Awaiting approval') : msg('Cancelled');
}
