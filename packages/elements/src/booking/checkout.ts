import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { cancelBooking, createBooking, createQuote, getBooking, getBookingIcal, type components } from '@coworking-commons/client';
import { SpaceController } from '../controllers/space-controller.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { formatDuration, formatMoney, formatZonedRange } from '../localization/format.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { translated } from '../localization/translated.ts';
import { describeError, problemOf } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { renderError, renderLoading } from '../states/states.ts';
import { IdempotentAttempt, isTransient } from '../controllers/idempotent-attempt.ts';
import { bookingStyles, checkoutStyles } from './booking.styles.ts';
import { formatDate, formatTimeRange } from './format.ts';
import { perUnit } from './labels.ts';
import { embeddedSignIn } from '../sign-in/embedded.ts';
import { dateIn, toInstantString } from './time.ts';
import messages from '../localization/generated/booking.ts';

useMessages(messages);

type Resource = components['schemas']['Resource'];
type Booking = components['schemas']['Booking'];
type Quote = components['schemas']['Quote'];

const P = 'urn:coworking-commons:problem:';

/** See `CoworkBookingCheckout.kept`. */
export interface Kept {
  guest?: { name: string; email: string; notes: string };
  attempt?: IdempotentAttempt;
}

/** Sends one of the checkout's private events to the booking widget around it (not composed). */
const tell = (el: HTMLElement, type: 'checkout-back' | 'checkout-conflict' | 'checkout-restart') => el.dispatchEvent(new Event(type));

/**
 * The second half of `<cowork-booking>`, loaded when the visitor has picked a time (most page
 * views never get there): the review with the price the server quotes, the booker (signed-in
 * member, guest form, or sign-in on the spot), the booking itself, and the confirmation with the
 * calendar download and the cancellation. Internal: rendered by `<cowork-booking>` only, which
 * re-exports its parts.
 *
 * Private events for the widget: `checkout-back` (change the date or time), `checkout-conflict`
 * (the time was taken meanwhile: the widget shows the fresh times), `checkout-restart`. The widget
 * registers the tag `cowork-booking-checkout` when it loads this module.
 *
 * @internal
 */
export class CoworkBookingCheckout extends LitElement {
  static override styles = [bookingStyles, checkoutStyles];

  static override properties = {
    api: { attribute: false },
    space: { attribute: false },
    storage: { attribute: false },
    fetch: { attribute: false },
    resource: { attribute: false },
    start: { attribute: false },
    end: { attribute: false },
    quantity: { attribute: false },
    duration: { attribute: false },
    kept: { attribute: false },
  };

  /** The widget's connection when it stands alone (see SpaceController). */
  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare fetch: typeof globalThis.fetch | undefined;
  declare resource: Resource;
  declare start: number;
  declare end: number;
  declare quantity: number;
  declare duration: string;
  /**
   * What outlives this element while the visitor goes back to change the time and returns: the
   * guest's details, and the booking attempt with its Idempotency-Key (so that a retry of the same
   * booking after a failure is still recognised by the server, whichever way the visitor comes back).
   */
  declare kept: Kept;

  #ctx = new SpaceController(this);
  #l10n = new LocaleController(this);
  #live = new LiveRegion(this);

  #quote: { key: string; data?: Quote; error?: unknown } | undefined;
  #fieldErrors: Record<string, string> = {};
  #signIn = false;
  #busy = false;
  #error: { message: string; retry?: boolean } | undefined;
  #booking: Booking | undefined;
  #etag: string | undefined;
  #guestToken: string | undefined;
  #confirmCancel = false;
  #focusTarget: string | undefined;

  get #guest(): NonNullable<Kept['guest']> {
    return (this.kept.guest ??= { name: '', email: '', notes: '' });
  }

  get #attempt(): IdempotentAttempt {
    return (this.kept.attempt ??= new IdempotentAttempt());
  }

  get #locale(): string {
    return this.#l10n.intl;
  }

  get #tz(): string {
    return this.#ctx.space?.timeZone ?? 'UTC';
  }

  get #guestsAllowed(): boolean {
    return !!this.#ctx.space?.policies.guestBookingAllowed && this.resource.bookableBy.includes('guest') && this.#ctx.supports('guest-bookings') !== false;
  }

  /** Moves the focus to the step's heading (once rendered). */
  override focus(): void {
    this.#go('.step-heading');
  }

  override willUpdate(): void {
    const { client, spaceId } = this.#ctx;
    if (!client || !spaceId || this.#booking || this.#ctx.supports('quotes') === false) return;
    // The price depends on who books (guest or member offers): quoted again on sign-in and out.
    const key = `${this.resource.id}|${this.start}|${this.end}|${this.quantity}|${this.#ctx.member?.id}`;
    if (this.#quote?.key !== key) void this.#loadQuote(key);
    if (this.#ctx.member) this.#signIn = false;
  }

  override updated(): void {
    const target = this.#focusTarget;
    this.#focusTarget = undefined;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #go(target?: string): void {
    this.#focusTarget = target;
    this.requestUpdate();
  }

  #fail(error: unknown, operation: string): void {
    dispatchCowork(this, 'cowork-error', errorDetail(error, operation));
  }

  #total(money: components['schemas']['Money']): string {
    return money.amount ? formatMoney(money, this.#locale) : msg('Free');
  }

  async #loadQuote(key: string): Promise<void> {
    this.#quote = { key };
    try {
      const { data } = await createQuote(this.#ctx.client!, {
        path: { spaceId: this.#ctx.spaceId! },
        body: { resourceId: this.resource.id, start: toInstantString(this.start), end: toInstantString(this.end), quantity: this.quantity },
      });
      if (this.#quote?.key !== key) return;
      this.#quote = { key, data };
      this.#live.announce(msg(str`Price: ${this.#total(data.total)}`));
    } catch (error) {
      if (this.#quote?.key !== key) return;
      this.#quote = { key, error };
      this.#fail(error, 'createQuote');
    }
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Booking and cancelling

  #validate(): boolean {
    const errors: Record<string, string> = {};
    if (!this.#ctx.member) {
      const name = this.#guest.name.trim();
      const email = this.#guest.email.trim();
      if (!name) errors.name = msg('Enter your name.');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.email = email ? msg('Enter an email address like name@example.org.') : msg('Enter your email address.');
    }
    this.#fieldErrors = errors;
    const first = Object.keys(errors)[0];
    if (first) this.#go(`#${first}`);
    return !first;
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.#busy || !this.#validate()) return;
    const member = this.#ctx.member;
    const notes = this.#guest.notes.trim();
    const body = {
      resourceId: this.resource.id,
      start: toInstantString(this.start),
      end: toInstantString(this.end),
      quantity: this.quantity,
      ...(notes ? { notes } : {}),
      ...(member ? {} : { guest: { name: this.#guest.name.trim(), email: this.#guest.email.trim() } }),
    };
    this.#busy = true;
    this.#error = undefined;
    this.requestUpdate();
    try {
      const { data, etag } = await createBooking(this.#ctx.client!, {
        path: { spaceId: this.#ctx.spaceId! },
        // The same key for a retry of the same booking after a failure that may not have reached
        // the server: the server then answers with the booking it made, never a second one.
        header: { 'Idempotency-Key': this.#attempt.keyFor(body) },
        body,
      });
      this.#attempt.settle();
      this.#booking = data;
      this.#etag = etag;
      this.#guestToken = data.guestToken;
      this.#live.announce(data.status === 'pending' ? msg('Booking request sent.') : msg('Booking confirmed.'));
      this.#go('.step-heading');
      dispatchCowork(this, 'cowork-booking-confirmed', { booking: data });
    } catch (error) {
      this.#attempt.settle(error);
      this.#fail(error, 'createBooking');
      const problem = problemOf(error);
      if (problem?.type === `${P}booking-conflict`) {
        // Someone else took the time: the widget shows the times still free.
        tell(this, 'checkout-conflict');
        return;
      }
      if (problem?.status === 400) {
        const fields: Record<string, string> = { '/guest/name': 'name', '/guest/email': 'email', '/notes': 'notes' };
        for (const e of problem.errors ?? []) {
          const field = fields[e.pointer];
          if (field) this.#fieldErrors[field] = field === 'email' ? msg('Enter an email address like name@example.org.') : msg('Check this field.');
        }
      }
      this.#showError(
        error,
        isTransient(error) ? msg('Your booking could not be confirmed: the connection failed. Try again: it will not be booked twice.') : undefined,
        Object.keys(this.#fieldErrors)[0],
      );
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  #showError(error: unknown, message?: string, field?: string): void {
    const problem = problemOf(error);
    message ??= (problem?.type === `${P}rule-violation` && ruleMessage(problem.code)) || describeError(error).message;
    this.#error = { message, retry: isTransient(error) };
    this.#live.announce(message);
    this.#go(field ? `#${field}` : '.notice');
  }

  async #cancel(): Promise<void> {
    const booking = this.#booking!;
    if (this.#busy) return;
    this.#busy = true;
    this.#error = undefined;
    this.requestUpdate();
    const target = { path: { spaceId: this.#ctx.spaceId!, bookingId: booking.id }, ...(this.#guestToken ? { guestToken: this.#guestToken } : {}) };
    try {
      const { data, etag } = await cancelBooking(this.#ctx.client!, { ...target, header: { 'If-Match': this.#etag ?? '*' } });
      this.#booking = data;
      this.#etag = etag;
      this.#confirmCancel = false;
      this.#live.announce(msg('Booking cancelled.'));
      this.#go('.step-heading');
      dispatchCowork(this, 'cowork-booking-cancelled', { booking: data });
    } catch (error) {
      // Changed meanwhile (by the staff): show it as it is now, with its new version.
      if (problemOf(error)?.status === 412) await getBooking(this.#ctx.client!, target).then((r) => ((this.#booking = r.data), (this.#etag = r.etag)), () => {});
      this.#showError(error);
      this.#fail(error, 'cancelBooking');
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  async #download(): Promise<void> {
    const { id } = this.#booking!;
    try {
      const { data } = await getBookingIcal(this.#ctx.client!, {
        path: { spaceId: this.#ctx.spaceId!, bookingId: id },
        ...(this.#guestToken ? { guestToken: this.#guestToken } : {}),
      });
      const url = URL.createObjectURL(new Blob([data as string], { type: 'text/calendar' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${id}.ics` });
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (error) {
      this.#showError(error);
      this.#fail(error, 'getBookingIcal');
    }
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    return html`<div class="stack">${this.#booking ? this.#renderDone(this.#booking) : this.#renderReview()}</div>
      ${this.#live.render()}`;
  }

  #heading(text: string): TemplateResult {
    return html`<h3 class="step-heading" part="step-heading" tabindex="-1">${text}</h3>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const e = this.#error;
    return e
      ? html`<div class="notice error" part="notice" tabindex="-1" role="alert">
          <p>${e.message}</p>
          ${e.retry
            ? html`<button type="button" class="button" part="retry-button" @click=${() => (this.#booking ? this.#cancel() : this.#submit())}>${msg('Try again')}</button>`
            : nothing}
        </div>`
      : nothing;
  }

  #renderSummary(start: number, end: number, quantity: number, extra: TemplateResult): TemplateResult {
    const visitor = formatZonedRange(start, end, { locale: this.#locale, timeZone: this.#tz }).visitor;
    return html`<dl class="summary" part="summary">
      <div><dt>${msg('What')}</dt><dd>${translated(this.resource, 'name', this.#l10n.lang)}${quantity > 1 ? ` × ${quantity}` : ''}</dd></div>
      <div><dt>${msg('Date')}</dt><dd>${formatDate(dateIn(start, this.#tz), this.#locale)}</dd></div>
      <div>
        <dt>${msg('Time')}</dt>
        <dd>
          ${formatTimeRange(start, end, this.#locale, this.#tz)}
          ${visitor ? html`<br /><span class="muted">${msg(str`${visitor} where you are`)}</span>` : nothing}
        </dd>
      </div>
      ${extra}
    </dl>`;
  }

  #renderPrice(): TemplateResult {
    const q = this.#quote;
    const later = html`<p class="muted">${msg('The price will be shown once the booking is made.')}</p>`;
    if (this.#ctx.supports('quotes') === false) return later;
    if (!q?.data && !q?.error) return renderLoading({ label: msg('Computing the price…'), lines: 1, minHeight: '3em' });
    if (q.error)
      return problemOf(q.error)?.status === 501
        ? later
        : renderError(q.error, { heading: msg('The price could not be computed'), onRetry: () => ((this.#quote = undefined), this.requestUpdate()) });
    const quote = q.data!;
    return html`<div class="price" part="price">
      <p class="total"><span>${msg('Total')}</span> <strong>${this.#total(quote.total)}</strong></p>
      <ul class="lines muted" role="list">
        ${quote.lines.map((l) => html`<li>${l.count} × ${formatMoney(l.unitPrice, this.#locale)} ${perUnit(l.unit)}${l.label ? ` (${l.label})` : ''}</li>`)}
      </ul>
    </div>`;
  }

  #field(id: 'name' | 'email' | 'notes', label: string, type?: string): TemplateResult {
    const error = this.#fieldErrors[id];
    const set = (e: Event) => (this.#guest[id] = (e.target as HTMLInputElement).value);
    const a11y = { invalid: error ? 'true' : 'false', describedby: error ? `${id}-error` : nothing };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${type
        ? html`<input
            id=${id}
            type=${type}
            autocomplete=${id}
            required
            maxlength=${id === 'email' ? 254 : 120}
            aria-invalid=${a11y.invalid}
            aria-describedby=${a11y.describedby}
            .value=${this.#guest[id]}
            @input=${set}
          />`
        : html`<textarea id=${id} rows="3" maxlength="2000" aria-invalid=${a11y.invalid} aria-describedby=${a11y.describedby} .value=${this.#guest[id]} @input=${set}></textarea>`}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  #renderReview(): TemplateResult {
    const member = this.#ctx.member;
    const approval = this.resource.rules.approvalRequired;
    const guests = this.#guestsAllowed;
    const signIn = !member && (this.#signIn || !guests);
    return html`${this.#heading(msg('Review and book'))}
      ${this.#renderSummary(this.start, this.end, this.quantity, html`<div><dt>${msg('Duration')}</dt><dd>${formatDuration(this.duration, this.#locale)}</dd></div>`)}
      <p><button type="button" class="link" @click=${() => tell(this, 'checkout-back')}>${msg('Change the date or time')}</button></p>
      ${this.#renderPrice()}
      ${approval ? html`<p class="hint">${msg('The team of the space approves each booking of this resource; the time is held for you meanwhile.')}</p>` : nothing}
      ${member
        ? html`<p>
            ${msg(str`You are booking as ${member.displayName}.`)}
            <button type="button" class="link" @click=${() => void this.#ctx.session?.signOut()}>${msg('Sign out')}</button>
          </p>`
        : signIn
          ? html`<p>
                ${guests
                  ? html`<button type="button" class="link" @click=${() => ((this.#signIn = false), this.#go('#name'))}>${msg('Book as a guest instead')}</button>`
                  : msg('Sign in as a member to book.')}
              </p>
              ${embeddedSignIn(this, { theme: this.getAttribute('theme') })}`
          : html`<p>
              ${msg('Already a member?')}
              <button type="button" class="link" @click=${() => ((this.#signIn = true), this.requestUpdate())}>${msg('Sign in')}</button>
            </p>`}
      ${this.#renderNotice()}
      ${signIn
        ? nothing
        : html`<form class="stack" part="form" novalidate @submit=${(e: Event) => this.#submit(e)}>
            ${member
              ? nothing
              : html`<fieldset class="stack">
                  <legend>${msg('Your details')}</legend>
                  ${this.#field('name', msg('Name'), 'text')} ${this.#field('email', msg('Email'), 'email')}
                </fieldset>`}
            ${this.#field('notes', msg('Note for the space (optional)'))}
            <div class="actions">
              <button type="submit" class="button primary" part="submit-button" aria-disabled=${this.#busy ? 'true' : 'false'}>
                ${this.#busy ? msg('Booking…') : approval ? msg('Send the request') : msg('Book')}
              </button>
            </div>
          </form>`}`;
  }

  #renderDone(b: Booking): TemplateResult {
    const status = b.status;
    return html`<div class="stack ${status}" part="confirmation">
      ${this.#heading(status === 'cancelled' ? msg('Booking cancelled') : status === 'pending' ? msg('Booking request sent') : msg('Booking confirmed'))}
      ${status === 'pending' ? html`<p>${msg('The team of the space will confirm it. The time is held for you meanwhile.')}</p>` : nothing}
      ${this.#renderSummary(
        Date.parse(b.start),
        Date.parse(b.end),
        b.quantity,
        html`<div><dt>${msg('For')}</dt><dd>${b.booker.name}${b.booker.email ? html`<br /><span class="muted">${b.booker.email}</span>` : nothing}</dd></div>
          <div><dt>${msg('Price')}</dt><dd>${this.#total(b.price)}</dd></div>
          <div><dt>${msg('Reference')}</dt><dd><code>${b.id}</code></dd></div>`,
      )}
      ${this.#renderNotice()}
      ${status === 'cancelled'
        ? nothing
        : this.#confirmCancel
          ? html`<div class="card stack" role="group" aria-labelledby="confirm-cancel">
              <p id="confirm-cancel">${msg('Cancel this booking? The time will be freed for others.')}</p>
              <div class="actions">
                <button type="button" class="button danger primary" id="cancel-yes" part="cancel-button" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${() => this.#cancel()}>
                  ${this.#busy ? msg('Cancelling…') : msg('Yes, cancel it')}
                </button>
                <button type="button" class="button" @click=${() => ((this.#confirmCancel = false), this.#go('#cancel'))}>${msg('No, keep it')}</button>
              </div>
            </div>`
          : html`<div class="actions">
              ${this.#ctx.supports('ical') === false
                ? nothing
                : html`<button type="button" class="button primary" part="calendar-button" @click=${() => this.#download()}>${msg('Add to my calendar')}</button>`}
              <button type="button" class="button danger" id="cancel" part="cancel-button" @click=${() => ((this.#confirmCancel = true), (this.#error = undefined), this.#go('#cancel-yes'))}>
                ${msg('Cancel the booking')}
              </button>
            </div>`}
      <p><button type="button" class="link" @click=${() => tell(this, 'checkout-restart')}>${msg('Make another booking')}</button></p>
    </div>`;
  }
}

/** Why the server refused a booking (a `rule-violation` problem's `code`), or undefined for an unknown code. */
function ruleMessage(code: string | undefined): string | undefined {
  const labels: Record<string, () => string> = {
    outside_opening_hours: () => msg('This time is outside the opening hours.'),
    closed: () => msg('The space is closed on this day.'),
    min_duration: () => msg('This booking is shorter than the minimum duration.'),
    max_duration: () => msg('This booking is longer than the maximum duration.'),
    granularity: () => msg('This start time or duration is not allowed for this resource.'),
    lead_time: () => msg('This time is too soon: bookings of this resource must be made further ahead.'),
    horizon: () => msg('This time is too far ahead to be booked yet.'),
    in_the_past: () => msg('This time has already passed.'),
    capacity: () => msg('Not enough units are left for this quantity.'),
    audience: () => msg('You cannot book this resource this way. Members can book it after signing in.'),
    cancellation_notice: () => msg('It is too late to cancel this booking online. Please contact the space.'),
  };
  return code ? labels[code]?.() : undefined;
}
