/**
 * The event calendar's dialog (a native `<dialog>` opened with `showModal()`: the browser keeps
 * the focus inside it and closes it with Escape), showing either one day's events (from "+N more"
 * or Enter on a month day) or one event: when, where, organizer, seats, status, summary and
 * description (as text, never HTML), tags, registration and "add to my calendar".
 *
 * Registration: as the signed-in member (the member's own registration to the event is read with
 * `listRegistrations`, so they can cancel it), or as a guest (name, email, optional note) where the
 * event's audience allows it; a full event with a waitlist puts people on it; a member can sign in
 * on the spot (`<cowork-sign-in>`). A guest's registration can be cancelled from this page while
 * it is open (the guest token is kept in memory only).
 *
 * When the dialog closes, the focus goes back to what opened it (or, when the calendar re-rendered
 * meanwhile, to the same event or day in the current view: see `DialogContext.restoreFocus`).
 *
 * The calendar makes it when a visitor first opens something (see event-calendar.ts); its styles
 * (event-dialog.styles.ts) are among the calendar's.
 *
 * Exports `EventDialog` (a reactive controller: `open(target, opener, notified?)`, `close()`,
 * `isOpen`, `target`, `render()`), and the types `DialogTarget`, `DialogContext`.
 */
import { msg, str } from '@lit/localize';
import { cancelRegistration, createRegistration, getEvent, getEventIcal, getResource, listRegistrations } from '@coworking-commons/client';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { IdempotentAttempt, isTransient } from '../controllers/idempotent-attempt.ts';
import type { SpaceHost } from '../controllers/space-controller.ts';
import { embeddedSignIn } from '../sign-in/embedded.ts';
import type { CoworkClient } from '@coworking-commons/client';
import type { Feature, Space } from '../context/contexts.ts';
import type { SignedInMember } from '../session/session.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { formatDateTimeRange, formatZonedRange } from '../localization/format.ts';
import { translated } from '../localization/translated.ts';
import { describeError, problemOf } from '../states/errors.ts';
import type { LiveRegion } from '../states/live-region.ts';
import { renderLoading, renderUnsupported } from '../states/states.ts';
import { renderEntries } from './list-view.ts';
import type { ListEntry } from './model/list.ts';
import { localDayOf, type DayNumber } from './model/zoned-date.ts';
import { safeUrl, tagLabel, type CalendarEvent, type Registration, type Texts } from './text.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

export type DialogTarget = { day: DayNumber } | { event: CalendarEvent; fromDay?: DayNumber | undefined };

/** What the dialog reads of the calendar's space controller. */
export interface DialogSpace {
  readonly client: CoworkClient | undefined;
  readonly spaceId: string | undefined;
  readonly space: Space | undefined;
  readonly member: SignedInMember | null;
  supports(feature: Feature): boolean | undefined;
}

export interface DialogContext {
  ctx: DialogSpace;
  live: LiveRegion;
  /** The visitor's language tag (for the events' translations). */
  lang(): string;
  texts(): Texts;
  timeZone(): string;
  /** The entries of a day, as the list view shows them (filters applied). */
  dayEntries(day: DayNumber): readonly ListEntry<CalendarEvent>[];
  /** The event with this id among those loaded. */
  findEvent(id: string): CalendarEvent | undefined;
  /** The server sent a newer version of an event (seats left after a registration). */
  eventChanged(event: CalendarEvent): void;
  /** Focus what opened the dialog, or its equivalent in the current view when it is gone. */
  restoreFocus(opener: HTMLElement | undefined, target: DialogTarget): void;
}

type Host = ReactiveControllerHost & SpaceHost & { renderRoot: HTMLElement | DocumentFragment };

interface Loaded<T> {
  key: string;
  data?: T;
  error?: unknown;
}

interface GuestRegistration {
  registration: Registration;
  guestToken: string | undefined;
}

const P = 'urn:coworking-commons:problem:';
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class EventDialog implements ReactiveController {
  readonly host: Host;
  readonly #c: DialogContext;
  #target: DialogTarget | undefined;
  /** The target first opened (a day's list, before one of its events), for the focus on close. */
  #first: DialogTarget | undefined;
  #opener: HTMLElement | undefined;
  #mine: Loaded<Registration | null> | undefined;
  #guests = new Map<string, GuestRegistration>();
  #resources = new Map<string, Promise<string | undefined> | string | undefined>();
  #form = { name: '', email: '', note: '' };
  #fieldErrors: Record<string, string> = {};
  #signIn = false;
  #busy = false;
  #confirmCancel = false;
  #message: { text: string; error?: boolean; retry?: () => void } | undefined;
  #attempt = new IdempotentAttempt();
  #focusAfter: string | undefined;

  constructor(host: Host, context: DialogContext) {
    this.host = host;
    this.#c = context;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#target !== undefined;
  }

  /** What the dialog shows. */
  get target(): DialogTarget | undefined {
    return this.#target;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /**
   * Opens the dialog on a day or an event; `opener` gets the focus back on close. Opening an event
   * sends `cowork-event-selected` first (unless `notified`: the caller sent it) and stays closed
   * when a listener cancels it.
   */
  async open(target: DialogTarget, opener?: HTMLElement, notified = false): Promise<void> {
    if ('event' in target && !notified && !dispatchCowork(this.host, 'cowork-event-selected', { event: target.event }, { cancelable: true })) return;
    if (!this.#dialog?.open) {
      // A fresh opening (not a move inside the open dialog): remember where the focus goes back.
      this.#opener = opener;
      this.#first = target;
    }
    this.#show(target);
    await this.host.updateComplete;
    const dialog = this.#dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.#focusHeading();
  }

  close(): void {
    this.#dialog?.close();
  }

  #show(target: DialogTarget): void {
    this.#target = target;
    this.#message = undefined;
    this.#confirmCancel = false;
    this.#fieldErrors = {};
    this.#signIn = false;
    this.host.requestUpdate();
  }

  #focusHeading(): void {
    this.host.renderRoot.querySelector<HTMLElement>('#dialog-title')?.focus();
  }

  #onClose = () => {
    // Opened again before this (asynchronous) event arrived: nothing to clean up.
    if (this.#dialog?.open) return;
    const target = this.#first ?? this.#target;
    this.#target = this.#first = undefined;
    this.#busy = false;
    this.host.requestUpdate();
    if (target) this.#c.restoreFocus(this.#opener, target);
    this.#opener = undefined;
  };

  #onClick = (e: Event) => {
    const dialog = this.#dialog;
    // A click on the backdrop (outside the dialog's box) closes it.
    if (e.target === dialog && dialog) {
      const r = dialog.getBoundingClientRect();
      const { clientX: x, clientY: y } = e as MouseEvent;
      if (x < r.left || x > r.right || y < r.top || y > r.bottom) this.close();
      return;
    }
    const entry = (e.target as Element).closest<HTMLElement>('[data-id]');
    const event = entry && this.#c.findEvent(entry.dataset.id!);
    if (event && this.#target && 'day' in this.#target) void this.open({ event, fromDay: this.#target.day });
  };

  hostUpdate(): void {
    const target = this.#target;
    const ctx = this.#c.ctx;
    if (!target || !('event' in target) || !ctx.client || !ctx.spaceId) return;
    const member = ctx.member;
    const key = `${target.event.id}|${member?.id ?? ''}`;
    if (member && this.#mine?.key !== key && ctx.supports('registrations') !== false && target.event.registration.audience.length) void this.#loadMine(key, target.event);
    const location = target.event.location;
    if (location?.kind === 'resource' && !this.#resources.has(location.resourceId)) void this.#loadResource(location.resourceId);
  }

  hostUpdated(): void {
    const selector = this.#focusAfter;
    if (selector) {
      this.#focusAfter = undefined;
      this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  async #loadMine(key: string, event: CalendarEvent): Promise<void> {
    this.#mine = { key };
    const ctx = this.#c.ctx;
    try {
      const { data } = await listRegistrations(ctx.client!, { path: { spaceId: ctx.spaceId! }, query: { eventId: event.id, limit: 20 } });
      if (this.#mine?.key !== key) return;
      // Newest first: the live one if any, else the latest cancelled one.
      this.#mine = { key, data: data.items.find((r) => r.status !== 'cancelled') ?? data.items[0] ?? null };
    } catch (error) {
      if (this.#mine?.key !== key) return;
      this.#mine = { key, error };
      dispatchCowork(this.host, 'cowork-error', errorDetail(error, 'listRegistrations'));
    }
    this.host.requestUpdate();
  }

  async #loadResource(id: string): Promise<void> {
    const ctx = this.#c.ctx;
    const loading = getResource(ctx.client!, { path: { spaceId: ctx.spaceId!, resourceId: id } }).then(
      ({ data }) => translated(data, 'name', this.#c.lang()),
      () => undefined,
    );
    this.#resources.set(id, loading);
    this.#resources.set(id, await loading);
    this.host.requestUpdate();
  }

  /** The visitor's live registration to the event (a member's, or a guest's made on this page). */
  #registrationOf(event: CalendarEvent): Registration | undefined {
    if (this.#c.ctx.member) {
      const mine = this.#mine?.data;
      return mine && mine.eventId === event.id ? mine : undefined;
    }
    return this.#guests.get(event.id)?.registration;
  }

  // ----------------------------------------------------------------------------------------
  // Actions

  #validate(): boolean {
    const errors: Record<string, string> = {};
    if (!this.#c.ctx.member) {
      if (!this.#form.name.trim()) errors.name = msg('Enter your name.');
      const email = this.#form.email.trim();
      if (!email) errors.email = msg('Enter your email address.');
      else if (!emailPattern.test(email)) errors.email = msg('Enter an email address like name@example.org.');
    }
    this.#fieldErrors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      this.#focusAfter = `#reg-${first}`;
      this.host.requestUpdate();
    }
    return !first;
  }

  async #register(event: CalendarEvent, e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.#busy || !this.#validate()) return;
    const ctx = this.#c.ctx;
    const member = ctx.member;
    const note = this.#form.note.trim();
    const body = { ...(member ? {} : { guest: { name: this.#form.name.trim(), email: this.#form.email.trim() } }), ...(note ? { note } : {}) };
    this.#busy = true;
    this.#message = undefined;
    this.host.requestUpdate();
    try {
      const { data } = await createRegistration(ctx.client!, {
        path: { spaceId: ctx.spaceId!, eventId: event.id },
        header: { 'Idempotency-Key': this.#attempt.keyFor({ event: event.id, member: member?.id, ...body }) },
        body,
      });
      this.#attempt.settle();
      const { guestToken, ...registration } = data;
      if (member) this.#mine = { key: `${event.id}|${member.id}`, data: registration };
      else this.#guests.set(event.id, { registration, guestToken });
      this.#form.note = '';
      const text =
        registration.status === 'waitlisted'
          ? registration.waitlistPosition
            ? msg(str`The event is full: you are on the waiting list, in position ${registration.waitlistPosition}.`)
            : msg('The event is full: you are on the waiting list.')
          : msg('You are registered.');
      this.#message = { text };
      this.#c.live.announce(text);
      this.#focusAfter = '#reg-status';
      dispatchCowork(this.host, 'cowork-registration-confirmed', { registration: data, event });
      void this.#refresh(event);
    } catch (error) {
      this.#attempt.settle(error);
      this.#failed(error, 'createRegistration', () => void this.#register(event));
      if (problemOf(error)?.status === 409 && member) this.#mine = undefined;
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  async #cancel(event: CalendarEvent, registration: Registration): Promise<void> {
    if (this.#busy) return;
    const ctx = this.#c.ctx;
    const guest = this.#guests.get(event.id);
    this.#busy = true;
    this.#message = undefined;
    this.host.requestUpdate();
    try {
      const { data } = await cancelRegistration(ctx.client!, {
        path: { spaceId: ctx.spaceId!, registrationId: registration.id },
        ...(!ctx.member && guest?.guestToken ? { guestToken: guest.guestToken } : {}),
      });
      if (ctx.member) this.#mine = { key: `${event.id}|${ctx.member.id}`, data };
      else this.#guests.delete(event.id);
      this.#confirmCancel = false;
      const text = msg('Your registration is cancelled.');
      this.#message = { text };
      this.#c.live.announce(text);
      this.#focusAfter = '#reg-status';
      dispatchCowork(this.host, 'cowork-registration-cancelled', { registration: data, event });
      void this.#refresh(event);
    } catch (error) {
      this.#failed(error, 'cancelRegistration', () => void this.#cancel(event, registration));
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  #failed(error: unknown, operation: string, retry: () => void): void {
    const problem = problemOf(error);
    const codes: Record<string, () => string> = {
      event_full: () => msg('Sorry, the event is now full.'),
      registration_closed: () => msg('Registration for this event is closed.'),
      audience_not_allowed: () => msg('You cannot register for this event this way.'),
      event_cancelled: () => msg('This event is cancelled.'),
      event_started: () => msg('The event has started: the registration can no longer be cancelled.'),
    };
    let text = (problem?.type === `${P}rule-violation` || problem?.status === 422) && problem.code && codes[problem.code] ? codes[problem.code]!() : describeError(error).message;
    if (problem?.status === 409) text = operation === 'createRegistration' ? msg('You are already registered for this event.') : msg('This registration is already cancelled.');
    if (problem?.status === 400 && problem.errors?.length) {
      for (const e of problem.errors) {
        if (e.pointer === '/guest/email') this.#fieldErrors.email = msg('Enter an email address like name@example.org.');
        if (e.pointer === '/guest/name') this.#fieldErrors.name = msg('Check this field.');
      }
    }
    this.#message = { text, error: true, ...(isTransient(error) ? { retry } : {}) };
    this.#c.live.announce(text);
    this.#focusAfter = '#reg-status';
    dispatchCowork(this.host, 'cowork-error', errorDetail(error, operation));
  }

  /** Reads the event again (its seats left changed). */
  async #refresh(event: CalendarEvent): Promise<void> {
    const ctx = this.#c.ctx;
    try {
      const { data } = await getEvent(ctx.client!, { path: { spaceId: ctx.spaceId!, eventId: event.id } });
      const target = this.#target;
      if (target && 'event' in target && target.event.id === data.id) this.#target = { ...target, event: data };
      this.#c.eventChanged(data);
      this.host.requestUpdate();
    } catch {
      // The seats shown stay as they were; the next load of the calendar refreshes them.
    }
  }

  async #download(event: CalendarEvent): Promise<void> {
    const ctx = this.#c.ctx;
    try {
      const { data } = await getEventIcal(ctx.client!, { path: { spaceId: ctx.spaceId!, eventId: event.id } });
      const url = URL.createObjectURL(new Blob([data as string], { type: 'text/calendar' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${event.id}.ics` });
      this.#dialog?.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.#failed(error, 'getEventIcal', () => void this.#download(event));
      this.host.requestUpdate();
    }
  }

  // ----------------------------------------------------------------------------------------
  // Rendering

  render(): TemplateResult {
    const target = this.#target;
    return html`<dialog class="dialog" part="dialog" aria-labelledby="dialog-title" @close=${this.#onClose} @click=${this.#onClick}>
      ${target ? ('event' in target ? this.#renderEvent(target.event, target.fromDay) : this.#renderDay(target.day)) : nothing}
    </dialog>`;
  }

  #head(title: string, back?: TemplateResult): TemplateResult {
    return html`<div class="dialog-head">
      <div class="dialog-title-box">${back ?? nothing}<h2 id="dialog-title" tabindex="-1">${title}</h2></div>
      <button type="button" class="button icon close" part="close-button" aria-label=${msg('Close')} @click=${() => this.close()}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" fill="none" /></svg>
      </button>
    </div>`;
  }

  #renderDay(day: DayNumber): TemplateResult {
    const texts = this.#c.texts();
    const entries = this.#c.dayEntries(day);
    return html`${this.#head(texts.day(day))}
      <div class="dialog-body stack">
        ${entries.length ? renderEntries(entries, texts, this.#c.lang()) : html`<p class="muted">${msg('No events on this day.')}</p>`}
      </div>`;
  }

  #renderEvent(event: CalendarEvent, fromDay: DayNumber | undefined): TemplateResult {
    const texts = this.#c.texts();
    const lang = this.#c.lang();
    const tz = this.#c.timeZone();
    const cancelled = event.status === 'cancelled';
    const summary = event.summary ? translated(event, 'summary', lang) : '';
    const description = event.description ? translated(event, 'description', lang) : '';
    const back =
      fromDay !== undefined
        ? html`<button type="button" class="link back" @click=${() => void this.open({ day: fromDay })}>${msg(str`Back to ${texts.day(fromDay)}`)}</button>`
        : undefined;
    const ctx = this.#c.ctx;
    return html`${this.#head(texts.title(event), back)}
      <div class="dialog-body stack">
        ${cancelled ? html`<p class="notice error" role="note">${msg('This event is cancelled.')}</p>` : nothing}
        ${event.image ? html`<img class="event-image" src=${event.image.url} alt=${event.image.alt} />` : nothing}
        ${summary ? html`<p class="lead">${summary}</p>` : nothing}
        <dl class="facts">
          <div><dt>${msg('When')}</dt><dd>${this.#when(event, texts, tz)}</dd></div>
          ${event.location ? html`<div><dt>${msg('Where')}</dt><dd>${this.#where(event)}</dd></div>` : nothing}
          ${event.organizer ? html`<div><dt>${msg('Organizer')}</dt><dd>${event.organizer.name}</dd></div>` : nothing}
          ${event.capacity !== undefined ? html`<div><dt>${msg('Seats')}</dt><dd>${this.#seats(event)}</dd></div>` : nothing}
          <div><dt>${msg('Status')}</dt><dd class=${cancelled ? 'status-cancelled' : ''}>${cancelled ? msg('Cancelled', { id: 'event-status-cancelled' }) : msg('Scheduled')}</dd></div>
          ${event.visibility === 'members' ? html`<div><dt>${msg('Open to')}</dt><dd>${msg('Members only')}</dd></div>` : nothing}
          ${event.tags.length ? html`<div><dt>${msg('Topics')}</dt><dd>${event.tags.map(tagLabel).join(', ')}</dd></div>` : nothing}
        </dl>
        ${description ? html`<p class="description">${description}</p>` : nothing}
        ${cancelled ? nothing : html`<section class="registration stack" aria-labelledby="reg-title" part="registration">
              <h3 id="reg-title">${msg('Registration')}</h3>
              ${this.#renderRegistration(event)}
            </section>`}
        ${ctx.client && ctx.spaceId && ctx.supports('ical') !== false && !cancelled
          ? html`<div class="row"><button type="button" class="button" part="calendar-button" @click=${() => void this.#download(event)}>${msg('Add to my calendar')}</button></div>`
          : nothing}
      </div>`;
  }

  #when(event: CalendarEvent, texts: Texts, tz: string): TemplateResult | string {
    const start = Date.parse(event.start);
    const end = Date.parse(event.end);
    if (event.allDay) {
      const first = localDayOf(start, tz);
      const last = Math.max(first, localDayOf(end, tz) - 1);
      return first === last ? texts.day(first) : msg(str`From ${texts.day(first)} to ${texts.day(last)}`);
    }
    const o = { locale: texts.locale, timeZone: tz };
    const visitor = formatZonedRange(start, end, o).visitor;
    return html`${formatDateTimeRange(start, end, o)}${visitor ? html`<br /><span class="muted">${msg(str`${visitor} where you are`)}</span>` : nothing}`;
  }

  #where(event: CalendarEvent): TemplateResult | string {
    const location = event.location!;
    if (location.kind === 'text') return location.text;
    if (location.kind === 'online') {
      const url = safeUrl(location.url);
      return url ? html`${msg('Online:')} <a href=${url} target="_blank" rel="noopener noreferrer">${new URL(url).host}</a>` : msg('Online');
    }
    const name = this.#resources.get(location.resourceId);
    return typeof name === 'string' ? name : (this.#c.ctx.space?.name ?? msg('At the space'));
  }

  #seats(event: CalendarEvent): string {
    const left = event.seatsLeft;
    if (left === undefined) return msg(str`${event.capacity} seats`);
    if (left === 0) return event.waitlistEnabled ? msg('Full: waiting list') : msg('Full');
    return left === 1 ? msg(str`1 seat left of ${event.capacity}`) : msg(str`${left} seats left of ${event.capacity}`);
  }

  #status(): TemplateResult | typeof nothing {
    const m = this.#message;
    if (!m) return nothing;
    return html`<div id="reg-status" class=${`notice ${m.error ? 'error' : 'success'}`} tabindex="-1" role=${m.error ? 'alert' : 'status'}>
      <p>${m.text}</p>
      ${m.retry ? html`<button type="button" class="button" part="retry-button" @click=${m.retry}>${msg('Try again')}</button>` : nothing}
    </div>`;
  }

  #renderRegistration(event: CalendarEvent): TemplateResult {
    const ctx = this.#c.ctx;
    const settings = event.registration;
    if (!ctx.client || !ctx.spaceId) return html`<p>${settings.required ? msg('Registration is required.') : msg('No registration needed.')}</p>`;
    if (ctx.supports('registrations') === false) return renderUnsupported(msg('event registrations'));
    if (!settings.audience.length) {
      return html`<p>${settings.required ? msg('Registration is not open online: contact the space.') : msg('No registration needed: just come.')}</p>`;
    }
    const member = ctx.member;
    const now = Date.now();
    const start = Date.parse(event.start);
    const opensAt = settings.opensAt ? Date.parse(settings.opensAt) : -Infinity;
    const closesAt = Math.min(settings.closesAt ? Date.parse(settings.closesAt) : start, Date.parse(event.end));
    const o = { locale: this.#c.texts().locale, timeZone: this.#c.timeZone() };

    if (member && this.#mine?.key === `${event.id}|${member.id}` && this.#mine.error) {
      return html`${this.#status()}<p>${describeError(this.#mine.error).message}</p>
        <p><button type="button" class="button" @click=${() => ((this.#mine = undefined), this.host.requestUpdate())}>${msg('Try again')}</button></p>`;
    }
    if (member && !(this.#mine?.key === `${event.id}|${member.id}` && this.#mine.data !== undefined)) {
      return renderLoading({ label: msg('Loading your registration…'), lines: 2, minHeight: '4em' });
    }
    const mine = this.#registrationOf(event);
    if (mine && mine.status !== 'cancelled') {
      const canCancel = now < start;
      return html`${this.#status()}
        <p class="reg-state">
          ${mine.status === 'registered'
            ? msg('You are registered.')
            : mine.waitlistPosition
              ? msg(str`You are on the waiting list, in position ${mine.waitlistPosition}. You will get a seat if one frees up.`)
              : msg('You are on the waiting list. You will get a seat if one frees up.')}
        </p>
        ${canCancel
          ? this.#confirmCancel
            ? html`<div class="confirm card stack" role="group" aria-labelledby="confirm-text">
                <p id="confirm-text">${mine.status === 'registered' ? msg('Cancel your registration? Your seat will go to someone else.') : msg('Leave the waiting list?')}</p>
                <div class="row">
                  <button type="button" id="cancel-yes" class="button danger primary" part="cancel-button" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${() => void this.#cancel(event, mine)}>
                    ${this.#busy ? msg('Cancelling…') : msg('Yes, cancel it')}
                  </button>
                  <button type="button" class="button" @click=${() => ((this.#confirmCancel = false), (this.#focusAfter = '#cancel-registration'), this.host.requestUpdate())}>${msg('No, keep it')}</button>
                </div>
              </div>`
            : html`<div class="row">
                <button type="button" id="cancel-registration" class="button danger" part="cancel-button" @click=${() => ((this.#confirmCancel = true), (this.#message = undefined), (this.#focusAfter = '#cancel-yes'), this.host.requestUpdate())}>
                  ${mine.status === 'registered' ? msg('Cancel my registration') : msg('Leave the waiting list')}
                </button>
              </div>`
          : nothing}`;
    }
    if (now < opensAt) return html`${this.#status()}<p>${msg(str`Registration opens on ${formatDateTimeRange(opensAt, opensAt, o)}.`)}</p>`;
    if (now >= closesAt) return html`${this.#status()}<p>${msg('Registration is closed.')}</p>`;
    const full = event.capacity !== undefined && event.seatsLeft === 0;
    if (full && !event.waitlistEnabled) return html`${this.#status()}<p>${msg('This event is full.')}</p>`;
    const forMembers = settings.audience.includes('member');
    const forGuests = settings.audience.includes('guest');
    const intro = html`${full ? html`<p>${msg('The event is full: you can join the waiting list.')}</p>` : nothing}
      ${settings.required ? nothing : html`<p class="hint">${msg('Registering is optional: it helps the organizers plan.')}</p>`}`;
    const submit = html`<div class="row">
      <button type="submit" class="button primary" part="register-button" aria-disabled=${this.#busy ? 'true' : 'false'}>
        ${this.#busy ? msg('Registering…') : full ? msg('Join the waiting list') : msg('Register')}
      </button>
    </div>`;
    if (member) {
      if (!forMembers) return html`${this.#status()}<p>${msg('This event takes registrations from guests only.')}</p>`;
      return html`${this.#status()}${intro}
        <form class="stack" part="form" novalidate @submit=${(e: Event) => void this.#register(event, e)}>
          <p>${msg(str`You are registering as ${member.displayName}.`)}</p>
          ${this.#noteField()} ${submit}
        </form>`;
    }
    if (!forGuests || this.#signIn) {
      return html`${this.#status()}
        ${forGuests
          ? html`<p><button type="button" class="link" @click=${() => ((this.#signIn = false), (this.#focusAfter = '#reg-name'), this.host.requestUpdate())}>${msg('Register as a guest instead')}</button></p>`
          : html`<p>${msg('Members register for this event: sign in first.')}</p>`}
        ${embeddedSignIn(this.host)}`;
    }
    return html`${this.#status()}${intro}
      ${forMembers
        ? html`<p>${msg('Already a member?')} <button type="button" class="link" @click=${() => ((this.#signIn = true), this.host.requestUpdate())}>${msg('Sign in')}</button></p>`
        : nothing}
      <form class="stack" part="form" novalidate @submit=${(e: Event) => void this.#register(event, e)}>
        ${this.#field('name', msg('Name'), 'text', 'name')} ${this.#field('email', msg('Email'), 'email', 'email')} ${this.#noteField()} ${submit}
      </form>`;
  }

  #field(id: 'name' | 'email', label: string, type: string, autocomplete: string): TemplateResult {
    const error = this.#fieldErrors[id];
    return html`<div class="field">
      <label for=${`reg-${id}`}>${label}</label>
      <input
        id=${`reg-${id}`}
        name=${id}
        type=${type}
        autocomplete=${autocomplete}
        required
        maxlength=${id === 'email' ? 254 : 120}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `reg-${id}-error` : nothing}
        .value=${this.#form[id]}
        @input=${(e: Event) => (this.#form[id] = (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="field-error" id=${`reg-${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  #noteField(): TemplateResult {
    return html`<div class="field">
      <label for="reg-note">${msg('Note for the organizers (optional)')}</label>
      <textarea id="reg-note" name="note" rows="2" maxlength="500" .value=${this.#form.note} @input=${(e: Event) => (this.#form.note = (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
  }
}
