import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { getAvailability, listResources, type components } from '@coworking-commons/client';
import { SpaceController } from '../controllers/space-controller.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { formatDuration, formatMoney, formatZonedRange } from '../localization/format.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { translated } from '../localization/translated.ts';
import { LiveRegion } from '../states/live-region.ts';
import { OnlineController } from '../states/online-controller.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured } from '../states/states.ts';
import { bookingStyles } from './booking.styles.ts';
import { CoworkBookingCheckout } from './checkout.ts';
import { dayUnavailable, firstDayOfWeek, monthModel } from './calendar.ts';
import { renderDateGrid } from './date-grid.ts';
import { formatDate, formatTime } from './format.ts';
import { amenityLabel, perUnit, typeLabel } from './labels.ts';
import { embeddedSignIn } from '../sign-in/embedded.ts';
import { datesWithStartTimes, dayWindow, offeredDurations, startTimes, type ResourceAvailability, type StartTime } from './slots.ts';
import { addDays, addDuration, addMonths, dateIn, isLocalDate, parseDuration, startOfDay, startOfMonth, toInstantString, today } from './time.ts';
import messages from '../localization/generated/booking.ts';

useMessages(messages);

type Resource = components['schemas']['Resource'];
type Audience = components['schemas']['Audience'];

/** The steps of the journey, in order. */
type Step = 'resource' | 'when' | 'details' | 'done';

/** Something loaded for a key (what it depends on), with its result or error. */
interface Loaded<T> {
  key: string;
  data?: T | undefined;
  error?: unknown;
}

const units = ['hour', 'half_day', 'day', 'week', 'month'];

/**
 * The booking widget: the whole journey of booking a resource of a coworking space, in the page.
 * Choose a resource (or have one preset), pick a date in the calendar, a duration and a start time
 * among those still free, see the price the server quotes, book as the signed-in member or as a
 * guest (or sign in on the spot), then get a confirmation with an "add to my calendar" download
 * and a way to cancel. A time taken by someone else meanwhile ends in a clear message and the
 * fresh list of times; a retry after a network failure never books twice.
 *
 * Works inside `<cowork-space>` or alone with its own `api` and `space` attributes.
 *
 * @attr api - The API base URL, when not inside `<cowork-space>`.
 * @attr space - The space id, when not inside `<cowork-space>`.
 * @attr storage - Where a member's token is kept: `session` (default, this tab) or `memory`.
 * @attr resource - A resource id: book this resource only (the choice step is skipped).
 * @attr type - A resource type (`meeting_room`, `hot_desk`…): offer only resources of this type.
 * @attr date - A date to start with, `YYYY-MM-DD` in the space's time zone.
 * @attr duration - A duration to start with, ISO 8601 (`PT1H`), when the resource allows it.
 * @attr lang - The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's.
 * @attr theme - `light` or `dark` to force a colour scheme; otherwise the visitor's preference.
 *
 * @event cowork-booking-confirmed - The server made the booking (`detail.booking`; `status` is `pending` when the staff must approve it). Never sent before the server answered.
 * @event cowork-booking-cancelled - The booking was cancelled (`detail.booking`).
 * @event cowork-error - Something failed (`detail`: operation, kind, message, problem, error).
 *
 * @csspart base - The widget's frame.
 * @csspart title - The widget's heading ("Book at La Ruche").
 * @csspart progress - "Step 2 of 3".
 * @csspart step-heading - Each step's heading.
 * @csspart resource - A resource card.
 * @csspart resource-photo - A resource's photo.
 * @csspart choose-button - A resource card's button.
 * @csspart calendar - The date picker.
 * @csspart month-button - The previous and next month buttons.
 * @csspart day - A day of the month.
 * @csspart day-selected - The picked day.
 * @csspart duration - The duration select.
 * @csspart times - The group of start times.
 * @csspart time - A start time.
 * @csspart summary - The summary of the booking (review and confirmation).
 * @csspart price - The quoted price.
 * @csspart form - The booker's form.
 * @csspart submit-button - The button that books.
 * @csspart confirmation - The confirmation.
 * @csspart calendar-button - "Add to my calendar".
 * @csspart cancel-button - The buttons that cancel the booking.
 * @csspart notice - A message about the step (a time taken meanwhile, an error).
 * @csspart retry-button - "Try again".
 * @csspart state - A loading, empty, error or offline state (also `loading`, `empty`, `error`, `offline`).
 *
 * @cssprop --cowork-color-accent - Buttons, the selected day and time.
 * @cssprop --cowork-color-on-accent - Text on the accent colour.
 * @cssprop --cowork-color-surface - The background.
 * @cssprop --cowork-color-surface-raised - Cards and panels.
 * @cssprop --cowork-color-text - Text.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-border - Borders of fields and buttons.
 * @cssprop --cowork-color-danger - Errors.
 * @cssprop --cowork-color-success - Confirmation.
 * @cssprop --cowork-color-focus - The focus ring.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-font-size - The base font size.
 * @cssprop --cowork-radius - Corner radius.
 * @cssprop --cowork-space-1 - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger).
 */
export class CoworkBooking extends LitElement {
  static override styles = bookingStyles;

  static override properties = {
    api: {},
    space: {},
    storage: {},
    fetch: { attribute: false },
    resource: {},
    type: {},
    date: {},
    duration: {},
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  declare fetch: typeof globalThis.fetch | undefined;
  declare resource: string | undefined;
  declare type: string | undefined;
  declare date: string | undefined;
  declare duration: string | undefined;

  #ctx = new SpaceController(this);
  #l10n = new LocaleController(this);
  #live = new LiveRegion(this);
  #online = new OnlineController(this, () => this.#retryAll());

  #step: Step = 'resource';
  #resources: Loaded<Resource[]> | undefined;
  /** The only resource there is, to choose as soon as the space (and so its dates) is known. */
  #chooseOnceSpaceKnown: Resource | undefined;
  #filter = '';
  #chosen: Resource | undefined;
  #quantity = 1;
  /** The visible month (`YYYY-MM-01`), the day with the grid's tab stop, and the picked date. */
  #month = '';
  #focused = '';
  #date: string | undefined;
  #monthAvailability: Loaded<ResourceAvailability> | undefined;
  #dayAvailability: Loaded<ResourceAvailability> | undefined;
  #duration = '';
  #start: number | undefined;
  /** A message at the top of the step (a time taken meanwhile). */
  #notice = '';
  /** The time taken to the checkout (kept while the day's times are refreshed). */
  #picked: StartTime | undefined;
  #error = '';
  /** Kept across the checkout's visits (the guest's details, the pending booking attempt). */
  #kept: { guest?: { notes: string } } = {};
  #focusTarget: string | undefined;
  #memberId: string | undefined;

  // ------------------------------------------------------------------------------------------
  // Derived values

  get #locale(): string {
    return this.#l10n.intl;
  }

  get #tz(): string {
    return this.#ctx.space?.timeZone ?? 'UTC';
  }

  get #today(): string {
    return today(this.#tz);
  }

  get #audience(): Audience {
    return this.#ctx.member ? 'member' : 'guest';
  }

  /** The steps shown, for "Step 2 of 3". */
  get #steps(): Step[] {
    return this.resource || this.#visibleResources().length === 1 ? ['when', 'details'] : ['resource', 'when', 'details'];
  }

  #name(resource: Resource): string {
    return translated(resource, 'name', this.#l10n.lang);
  }

  #visibleResources(): Resource[] {
    return (this.#resources?.data ?? []).filter((r) => !this.#filter || r.type === this.#filter);
  }

  /** The first and last dates a booking of the chosen resource may start on (worked out once a minute). */
  #range(): { first: string; last: string } {
    const rules = this.#chosen?.rules;
    const now = Date.now();
    const key = `${this.#chosen?.id}|${Math.floor(now / 60_000)}`;
    if (this.#ranges?.key !== key) {
      const lead = parseDuration(rules?.leadTime);
      const horizon = parseDuration(rules?.horizon) ?? { days: 365, ms: 0 };
      this.#ranges = {
        key,
        first: lead ? dateIn(addDuration(now, lead, this.#tz), this.#tz) : this.#today,
        last: dateIn(addDuration(now, horizon, this.#tz), this.#tz),
      };
    }
    return this.#ranges;
  }

  #ranges: { key: string; first: string; last: string } | undefined;

  #durations(): string[] {
    const a = this.#dayAvailability?.data;
    return a && this.#date ? offeredDurations(a, this.#date, this.#tz, this.#quantity) : [];
  }

  #startTimes(): StartTime[] {
    const a = this.#dayAvailability?.data;
    return a && this.#date && this.#duration ? startTimes(a, this.#date, this.#tz, this.#duration, this.#quantity) : [];
  }

  #chosenTime(): StartTime | undefined {
    return this.#startTimes().find((s) => s.start === this.#start);
  }

  /** Whether the visitor must sign in before picking a time (the resource is for members only). */
  get #membersOnly(): boolean {
    return !this.#ctx.member && !this.#chosen?.bookableBy.includes('guest');
  }

  // ------------------------------------------------------------------------------------------
  // Loading

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ctx.needSpace();
  }

  override willUpdate(): void {
    const { client, spaceId, space } = this.#ctx;
    if (!client || !spaceId) return;
    // The resources are asked for alongside the space, not after it: one round trip less.
    const resourcesKey = `${spaceId}|${this.type ?? ''}|${this.resource ?? ''}`;
    if (this.#resources?.key !== resourcesKey) {
      // Another space, type or preset resource: the journey starts again.
      this.#step = 'resource';
      this.#chosen = undefined;
      void this.#loadResources(resourcesKey);
    }
    if (!space) return;
    const only = this.#chooseOnceSpaceKnown;
    this.#chooseOnceSpaceKnown = undefined;
    if (only && this.#step === 'resource' && this.#resources?.key === resourcesKey) this.#choose(only, false);
    const member = this.#ctx.member?.id;
    if (member !== this.#memberId) {
      this.#memberId = member;
      // What may be booked depends on who books: ask again.
      this.#monthAvailability = this.#dayAvailability = undefined;
    }
    if (this.#chosen && !this.#membersOnly && this.#step === 'when') {
      const r = this.#chosen.id;
      const monthKey = `${r}|${this.#month}|${member}`;
      if (this.#monthAvailability?.key !== monthKey) void this.#loadMonth(monthKey);
      const dayKey = `${r}|${this.#date}|${member}`;
      if (this.#date && this.#dayAvailability?.key !== dayKey) void this.#loadDay(dayKey, this.#date);
    }
  }

  override updated(): void {
    const target = this.#focusTarget;
    if (target) {
      this.#focusTarget = undefined;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
  }

  /** Re-renders, and then moves the focus to `target` (a selector in the shadow root). */
  #go(target?: string): void {
    if (target) this.#focusTarget = target;
    this.requestUpdate();
  }

  #fail(error: unknown, operation: string): void {
    dispatchCowork(this, 'cowork-error', errorDetail(error, operation));
  }

  async #loadResources(key: string): Promise<void> {
    this.#resources = { key };
    this.#chooseOnceSpaceKnown = undefined;
    try {
      const { data } = await listResources(this.#ctx.client!, {
        path: { spaceId: this.#ctx.spaceId! },
        query: { limit: 100, ...(this.type ? { type: this.type as Resource['type'] } : {}) },
      });
      if (this.#resources?.key !== key) return;
      // Resources no one may book online (only the staff) are left out.
      const items = data.items.filter((r) => r.status === 'active' && r.bookableBy.length && (!this.type || r.type === this.type) && (!this.resource || r.id === this.resource));
      this.#resources = { key, data: items };
      // A preset resource (or the only one there is) needs no choosing; one that cannot be booked
      // online leaves the list empty, which says so.
      if (items.length === 1 && this.#step === 'resource') {
        // Its dates are the space's: chosen once the space is known.
        if (this.#ctx.space) this.#choose(items[0]!, false);
        else this.#chooseOnceSpaceKnown = items[0];
      }
    } catch (error) {
      if (this.#resources?.key !== key) return;
      this.#resources = { key, error };
      this.#fail(error, 'listResources');
    }
    this.requestUpdate();
  }

  #availabilityOf(from: number, to: number) {
    return getAvailability(this.#ctx.client!, {
      path: { spaceId: this.#ctx.spaceId! },
      query: { from: toInstantString(from), to: toInstantString(to), resourceId: this.#chosen!.id },
    }).then(({ data }) => data.resources.find((r) => r.resourceId === this.#chosen!.id) ?? { resourceId: this.#chosen!.id, quantity: 1, rules: data.resources[0]?.rules ?? this.#chosen!.rules, slots: [] });
  }

  /** The month's availability, to mark the days without any free time. Failures only lose that marking. */
  async #loadMonth(key: string): Promise<void> {
    this.#monthAvailability = { key };
    const from = startOfDay(this.#month < this.#today ? this.#today : this.#month, this.#tz);
    const to = startOfDay(addMonths(this.#month, 1), this.#tz);
    if (to <= from) return;
    try {
      const data = await this.#availabilityOf(from, to);
      if (this.#monthAvailability?.key === key) this.#monthAvailability = { key, data };
    } catch {
      // The calendar still works from the opening hours; the day's times show any error.
    }
    this.requestUpdate();
  }

  async #loadDay(key: string, date: string): Promise<void> {
    this.#dayAvailability = { key };
    try {
      const { from, to } = dayWindow(date, this.#tz, this.#chosen!.rules.maxDuration);
      const data = await this.#availabilityOf(from, to);
      if (this.#dayAvailability?.key !== key) return;
      this.#dayAvailability = { key, data };
      this.#pickDefaults();
      const count = this.#startTimes().length;
      this.#live.announce(
        count
          ? msg(str`Free start times on ${formatDate(date, this.#locale)}: ${count}.`)
          : msg(str`No time left on ${formatDate(date, this.#locale)}. Pick another date.`),
      );
    } catch (error) {
      if (this.#dayAvailability?.key !== key) return;
      this.#dayAvailability = { key, error };
      this.#fail(error, 'getAvailability');
    }
    this.requestUpdate();
  }

  /** Keeps the chosen duration when still offered, else the preset, an hour, or the shortest. */
  #pickDefaults(): void {
    const offered = this.#durations();
    if (!offered.includes(this.#duration)) {
      this.#duration = [this.duration, 'PT1H'].find((d) => d && offered.includes(d)) ?? offered[0] ?? '';
    }
    if (!this.#chosenTime()) this.#start = undefined;
  }

  #retryAll(): void {
    if (this.#resources?.error) this.#resources = undefined;
    if (this.#dayAvailability?.error) this.#dayAvailability = this.#monthAvailability = undefined;
    if (this.#ctx.state?.error) this.#ctx.state.reload();
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Steps

  #choose(resource: Resource, focus = true): void {
    this.#chosen = resource;
    this.#quantity = 1;
    this.#notice = '';
    this.#start = undefined;
    this.#dayAvailability = this.#monthAvailability = undefined;
    const { first, last } = this.#range();
    const preset = isLocalDate(this.date) && this.date >= first && this.date <= last ? this.date : undefined;
    const closed = preset && this.#unavailable(preset);
    this.#date = preset && !closed ? preset : undefined;
    this.#focused = this.#date ?? this.#firstOpen(first, last);
    this.#month = startOfMonth(this.#focused);
    this.#step = 'when';
    this.#go(focus ? '.step-heading' : undefined);
  }

  /** The first day from `first` that the rules do not rule out, or `first`. */
  #firstOpen(first: string, last: string): string {
    for (let d = first, i = 0; d <= last && i < 62; d = addDays(d, 1), i++) if (!this.#unavailable(d)) return d;
    return first;
  }

  /** The dates of the visible month with free times, once its availability is known (computed once per change). */
  #free: { of?: ResourceAvailability; quantity?: number; dates?: Set<string> } = {};

  #unavailable(date: string) {
    const space = this.#ctx.space;
    const { first, last } = this.#range();
    const month = this.#monthAvailability?.data;
    const free = this.#free;
    if (month && (free.of !== month || free.quantity !== this.#quantity)) this.#free = { of: month, quantity: this.#quantity, dates: datesWithStartTimes(month, this.#tz, this.#quantity) };
    return dayUnavailable(date, {
      today: this.#today,
      first,
      last,
      openingHours: this.#chosen?.openingHours ?? space?.openingHours,
      closures: space?.closures,
      available: month && date.slice(0, 7) === this.#month.slice(0, 7) ? this.#free.dates : undefined,
    });
  }

  #pickDate(date: string): void {
    this.#focused = date;
    if (this.#unavailable(date)) {
      this.#live.announce(msg('This day cannot be booked. Pick another date.'));
      return;
    }
    this.#date = date;
    this.#start = undefined;
    this.#notice = '';
    this.#live.announce(msg(str`${formatDate(date, this.#locale)} selected. Loading the times…`));
    this.requestUpdate();
  }

  /** Registers the checkout's tag (the second half of the journey) on first use. */
  #defineCheckout(): void {
    if (!customElements.get('cowork-booking-checkout')) customElements.define('cowork-booking-checkout', CoworkBookingCheckout);
  }

  #toDetails(): void {
    const time = this.#chosenTime();
    if (!time) {
      this.#error = msg('Pick a start time first.');
      this.#go('.times input');
      return;
    }
    this.#picked = time;
    this.#error = '';
    this.#step = 'details';
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('cowork-booking-checkout')?.focus());
  }

  #back(step: Step): void {
    this.#step = step;
    this.#error = '';
    this.#go('.step-heading');
  }

  /** The checkout was refused because someone else took the time: the fresh times, and why. */
  #conflict(): void {
    this.#notice = msg('Sorry, this time was just booked by someone else. Here are the times still free.');
    this.#start = undefined;
    this.#dayAvailability = this.#monthAvailability = undefined;
    this.#step = 'when';
    this.#live.announce(this.#notice);
    this.#go('.notice');
  }

  #restart(): void {
    if (this.#kept.guest) this.#kept.guest.notes = '';
    this.#start = this.#picked = undefined;
    this.#notice = '';
    this.#dayAvailability = this.#monthAvailability = undefined;
    this.#back(this.#steps[0]!);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const ctx = this.#ctx;
    let body: TemplateResult;
    if (!ctx.configured) body = renderNotConfigured('cowork-booking');
    else if (ctx.state?.error && !ctx.space) body = renderError(ctx.state.error, { onRetry: () => ctx.state!.reload() });
    else if (!ctx.space || !this.#resources || (!this.#resources.data && !this.#resources.error)) body = renderLoading({ label: msg('Loading the booking form…'), lines: 4, minHeight: '16em' });
    else if (this.#resources.error) body = renderError(this.#resources.error, { onRetry: () => this.#retryAll() });
    else if (!this.#resources.data!.length) body = renderEmpty({ heading: msg('Nothing can be booked online here for now.'), message: msg('Contact the space to book.') });
    else body = this.#renderStep();
    const steps = this.#steps;
    const index = steps.indexOf(this.#step);
    return html`<section class="booking" part="base" aria-labelledby="title">
      <header class="top">
        <h2 id="title" part="title">${ctx.space ? msg(str`Book at ${translated(ctx.space, 'name', this.#l10n.lang)}`) : msg('Book')}</h2>
        ${index >= 0 && this.#resources?.data?.length ? html`<p class="progress muted" part="progress">${msg(str`Step ${index + 1} of ${steps.length}`)}</p>` : nothing}
      </header>
      ${this.#online.online ? nothing : html`<p class="notice warn" part="notice" role="status">${msg('You are offline. Times and prices may be out of date.')}</p>`} ${body}
      ${this.#live.render()}
    </section>`;
  }

  #renderStep(): TemplateResult {
    if (this.#step === 'resource') return this.#renderResources();
    if (this.#step === 'when') return this.#renderWhen();
    const t = this.#picked!;
    // Steps 3 and 4 (review, booking, confirmation) live in the checkout element.
    this.#defineCheckout();
    return html`<cowork-booking-checkout
      exportparts="step-heading, summary, price, form, submit-button, confirmation, calendar-button, cancel-button, notice, retry-button, state, loading, error, offline"
      theme=${this.getAttribute('theme') ?? nothing}
      .api=${this.api}
      .space=${this.space}
      .storage=${this.storage}
      .fetch=${this.fetch}
      .resource=${this.#chosen}
      .start=${t.start}
      .end=${t.end}
      .quantity=${this.#quantity}
      .duration=${this.#duration}
      .kept=${this.#kept}
      @checkout-back=${() => this.#back('when')}
      @checkout-conflict=${() => this.#conflict()}
      @checkout-restart=${() => this.#restart()}
      @cowork-booking-confirmed=${() => ((this.#step = 'done'), this.requestUpdate())}
    ></cowork-booking-checkout>`;
  }

  #heading(text: string): TemplateResult {
    return html`<h3 class="step-heading" part="step-heading" tabindex="-1">${text}</h3>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const text = this.#error || this.#notice;
    return text ? html`<p class="notice${this.#error ? ' error' : ''}" part="notice" tabindex="-1" role=${this.#error ? 'alert' : 'status'}>${text}</p>` : nothing;
  }

  // Step 1: the resource

  #renderResources(): TemplateResult {
    const all = this.#resources!.data!;
    const types = [...new Set(all.map((r) => r.type))];
    const list = this.#visibleResources();
    return html`<div class="stack">
      ${this.#heading(msg('Choose what to book'))}
      ${types.length > 1 && !this.type
        ? html`<div class="field filter">
            <label for="filter">${msg('Type')}</label>
            <select
              id="filter"
              @change=${(e: Event) => {
                this.#filter = (e.target as HTMLSelectElement).value;
                this.#live.announce(msg(str`Results: ${this.#visibleResources().length}`));
                this.requestUpdate();
              }}
            >
              <option value="">${msg('All')}</option>
              ${types.map((t) => html`<option value=${t} ?selected=${t === this.#filter}>${typeLabel(t)}</option>`)}
            </select>
          </div>`
        : nothing}
      <ul class="resources" role="list">
        ${list.map((r) => this.#renderResource(r))}
      </ul>
    </div>`;
  }

  #offers(resource: Resource): TemplateResult | string {
    const audience: Audience = resource.bookableBy.includes(this.#audience) ? this.#audience : resource.bookableBy[0]!;
    const offers = resource.offers.filter((o) => o.audience === audience).sort((a, b) => units.indexOf(a.unit) - units.indexOf(b.unit));
    if (!offers.length || offers.every((o) => !o.price.amount)) return msg('Free');
    // Each offer wraps as a whole, with the separator at the end of its line rather than leading the next.
    return html`${offers.map((o, i) => html`${i ? ' ' : ''}<span class="offer">${formatMoney(o.price, this.#locale)} ${perUnit(o.unit)}${i < offers.length - 1 ? ' ·' : ''}</span>`)}${offers[0]!.label
      ? html` <span class="muted">(${offers[0]!.label})</span>`
      : nothing}`;
  }

  #renderResource(r: Resource): TemplateResult {
    const name = this.#name(r);
    const description = translated(r, 'description', this.#l10n.lang);
    const photo = r.images[0];
    const id = `r-${r.id}`;
    return html`<li class="resource card" part="resource">
      ${photo ? html`<img part="resource-photo" src=${photo.url} alt=${photo.alt} loading="lazy" width=${photo.width ?? nothing} height=${photo.height ?? nothing} />` : nothing}
      <div class="resource-body">
        <h4 id=${id}>${name}</h4>
        <p class="muted">
          ${typeLabel(r.type)} ·
          ${[r.quantity > 1 && msg(str`${r.quantity} spots`), r.capacity > 1 ? msg(str`up to ${r.capacity} people`) : r.quantity < 2 && msg('1 person')].filter(Boolean).join(', ')}
          ${r.bookableBy.includes('guest') ? nothing : html` · <strong>${msg('Members only')}</strong>`}
        </p>
        ${description ? html`<p class="description">${description}</p>` : nothing}
        ${r.amenities.length
          ? html`<ul class="amenities" role="list" aria-label=${msg('Amenities')}>
              ${r.amenities.map((a) => html`<li>${amenityLabel(a)}</li>`)}
            </ul>`
          : nothing}
        <p class="prices">${this.#offers(r)}</p>
      </div>
      <button type="button" class="button primary" part="choose-button" aria-describedby=${id} @click=${() => this.#choose(r)}>${msg('Choose')}</button>
    </li>`;
  }

  // Step 2: date, duration and time

  #renderChosen(): TemplateResult {
    const r = this.#chosen!;
    return html`<p class="chosen">
      <strong>${this.#name(r)}</strong> <span class="muted">· ${typeLabel(r.type)}</span>${this.#steps[0] === 'resource'
        ? html`<button type="button" class="link" @click=${() => this.#back('resource')}>${msg('Change')}</button>`
        : nothing}
    </p>`;
  }

  #renderWhen(): TemplateResult {
    const r = this.#chosen!;
    if (this.#membersOnly) {
      return html`<div class="stack">
        ${this.#heading(msg('Sign in to book'))} ${this.#renderChosen()}
        <p>${msg('This resource can be booked by members only.')}</p>
        ${embeddedSignIn(this, { theme: this.getAttribute('theme') })}
      </div>`;
    }
    const { first, last } = this.#range();
    const firstDay = firstDayOfWeek(this.#locale);
    const model = monthModel(this.#month, { firstDay, today: this.#today, unavailable: (d) => this.#unavailable(d) });
    return html`<div class="stack">
      ${this.#heading(msg('Pick a date and a time'))} ${this.#renderChosen()} ${this.#renderNotice()}
      ${r.quantity > 1
        ? html`<div class="field quantity">
            <label for="quantity">${r.type.endsWith('desk') ? msg('Number of desks') : msg('Quantity')}</label>
            <input
              id="quantity"
              type="number"
              inputmode="numeric"
              min="1"
              max=${r.quantity}
              .value=${String(this.#quantity)}
              @change=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                this.#quantity = Math.min(r.quantity, Math.max(1, Math.round(Number(input.value)) || 1));
                input.value = String(this.#quantity);
                this.#pickDefaults();
                this.requestUpdate();
              }}
            />
          </div>`
        : nothing}
      <div class="when">
        ${renderDateGrid({
          model,
          locale: this.#locale,
          firstDay,
          focused: this.#focused,
          selected: this.#date,
          min: first,
          max: last,
          onFocus: (date, keys) => {
            this.#focused = date;
            this.#month = startOfMonth(date);
            this.#go(keys ? `td[data-date="${date}"]` : undefined);
          },
          onPick: (date) => this.#pickDate(date),
        })}
        <div class="times-panel">${this.#renderTimes()}</div>
      </div>
    </div>`;
  }

  #renderTimes(): TemplateResult {
    const date = this.#date;
    if (!date) return html`<p class="muted hint-box">${msg('Pick a date to see the free times.')}</p>`;
    const day = this.#dayAvailability;
    if (!day?.data && !day?.error) return renderLoading({ label: msg('Loading the free times…'), lines: 3, minHeight: '10em' });
    if (day.error) return renderError(day.error, { onRetry: () => this.#retryAll() });
    const durations = this.#durations();
    const times = this.#startTimes();
    const heading = html`<h4 id="times-heading">${formatDate(date, this.#locale)}</h4>`;
    if (!durations.length) return html`${heading}${renderEmpty({ heading: msg('No time left on this day.'), message: msg('Pick another date.') })}`;
    const zone = times[0] && formatZonedRange(times[0].start, times[0].end, { locale: this.#locale, timeZone: this.#tz }).visitor;
    return html`${heading}
      <div class="field">
        <label for="duration">${msg('Duration')}</label>
        <select
          id="duration"
          part="duration"
          @change=${(e: Event) => {
            this.#duration = (e.target as HTMLSelectElement).value;
            const count = this.#startTimes().length;
            if (!this.#chosenTime()) this.#start = undefined;
            this.#live.announce(msg(str`Free start times: ${count}.`));
            this.requestUpdate();
          }}
        >
          ${durations.map((d) => html`<option value=${d} ?selected=${d === this.#duration}>${formatDuration(d, this.#locale)}</option>`)}
        </select>
      </div>
      <fieldset class="times" part="times">
        <legend>${msg('Start time')}</legend>
        ${zone ? html`<p class="hint">${msg(str`Times are in the space's time zone (${this.#tz}).`)}</p>` : nothing}
        <div class="time-list">
          ${times.map(
            (t) => html`<label class="time" part="time">
              <input
                type="radio"
                name="start"
                .value=${String(t.start)}
                .checked=${t.start === this.#start}
                @change=${() => {
                  this.#start = t.start;
                  this.#error = '';
                  this.requestUpdate();
                }}
              /><span>${formatTime(t.start, this.#locale, this.#tz)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" class="button primary" @click=${() => this.#toDetails()}>${msg('Continue')}</button>
      </div>`;
  }


}
