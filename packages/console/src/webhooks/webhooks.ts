import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  paginate,
  replayWebhookDelivery,
  updateWebhookSubscription,
  type components,
} from '@coworking-commons/client';
import { describeError, formatDate, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { copySecret } from '../forms/copy-secret.ts';
import { topLevelFieldErrors } from '../forms/field-errors.ts';
import { pick } from '../i18n/messages.ts';
import { cardListStyles, consoleTheme, formStyles, sectionStyles } from '../shell/console.styles.ts';
import { confirmGroup, loadError } from '../shell/templates.ts';
import * as catalogues from './messages.ts';
import { webhooksStyles } from './webhooks.styles.ts';

type Subscription = components['schemas']['WebhookSubscription'];
type Delivery = components['schemas']['WebhookDelivery'];
type EventType = components['schemas']['WebhookEventType'];

const eventTypes: EventType[] = ['booking.created', 'booking.confirmed', 'booking.rescheduled', 'booking.cancelled', 'member.created', 'member.updated', 'member.erased', 'membership.created', 'membership.updated', 'registration.created', 'registration.cancelled', 'registration.promoted'];
const acceptedUrl = (url: string) => /^https:\/\/[^\s/]+/.test(url) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);

/**
 * The space's webhook subscriptions, for admins: each with its address, events and status; a new
 * one whose secret is shown once; disable, enable and delete; and each one's deliveries, newest
 * first, with their attempts, and "send again".
 *
 * @summary The webhooks section of the staff console.
 */
export class CoworkConsoleWebhooks extends LitElement {
  static override styles = [consoleTheme, formStyles, sectionStyles, cardListStyles, webhooksStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _subscriptions: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _creating: { state: true },
    _url: { state: true },
    _description: { state: true },
    _events: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _busy: { state: true },
    _secret: { state: true },
    _copyNote: { state: true },
    _removing: { state: true },
    _open: { state: true },
    _deliveries: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _subscriptions: Subscription[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _creating: boolean;
  declare _url: string;
  declare _description: string;
  /** The chosen event types; `*` for every one. */
  declare _events: string[];
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  declare _busy: boolean;
  /** The secret of the subscription just made, the only time it is known. */
  declare _secret: string | undefined;
  declare _copyNote: string;
  declare _removing: string | undefined;
  /** The subscription whose deliveries are shown. */
  declare _open: string | undefined;
  declare _deliveries: Delivery[] | undefined;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._subscriptions = [];
    this._loading = false;
    this._creating = false;
    this._url = '';
    this._description = '';
    this._events = ['*'];
    this._errors = {};
    this._busy = false;
    this._copyNote = '';
    this._announcement = '';
  }

  get messages(): catalogues.WebhooksMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  #path() {
    return { spaceId: this.connection!.spaceId };
  }

  async #load(): Promise<void> {
    this._loading = true;
    this._error = undefined;
    try {
      this._subscriptions = await arrayOf(paginate(listWebhookSubscriptions, this.connection!.client, { path: this.#path(), query: { limit: 100 } }));
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #startCreating(): void {
    this._creating = true;
    this._secret = undefined;
    this._url = '';
    this._description = '';
    this._events = ['*'];
    this._errors = {};
    this._formError = undefined;
    void this.#focus('#webhook-url');
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const url = this._url.trim();
    const errors: Record<string, string> = {};
    if (url === '') errors.url = m.urlRequired;
    else if (!acceptedUrl(url)) errors.url = m.urlInvalid;
    if (this._events.length === 0) errors.eventTypes = m.eventsRequired;
    if (Object.keys(errors).length > 0) return this.#showErrors(errors);
    this._busy = true;
    this._formError = undefined;
    try {
      const description = this._description.trim();
      const { data } = await createWebhookSubscription(this.connection!.client, {
        path: this.#path(),
        body: { url, eventTypes: this._events as components['schemas']['WebhookEventTypes'], ...(description ? { description } : {}) },
      });
      const { secret, ...subscription } = data;
      this._subscriptions = [...this._subscriptions, subscription];
      this._secret = secret;
      this._copyNote = '';
      this._creating = false;
      void this.#focus('#secret-heading');
    } catch (error) {
      // The form keeps what was typed: only the errors change.
      const fields = topLevelFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(fields);
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    void this.#focus(errors.url ? '#webhook-url' : '#webhook-event-all');
  }

  #toggleEvent(type: string, on: boolean): void {
    if (type === '*') this._events = on ? ['*'] : [];
    else this._events = on ? [...this._events.filter((t) => t !== '*'), type] : this._events.filter((t) => t !== type);
  }

  async #copy(): Promise<void> {
    this._copyNote = await copySecret(this._secret!, this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret'), this.messages);
  }

  async #run(task: () => Promise<void>): Promise<void> {
    this._busy = true;
    this._error = undefined;
    try {
      await task();
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  #setStatus(subscription: Subscription, status: 'active' | 'disabled'): Promise<void> {
    return this.#run(async () => {
      const { data } = await updateWebhookSubscription(this.connection!.client, { path: { ...this.#path(), subscriptionId: subscription.id }, header: { 'If-Match': `"${subscription.version}"` }, body: { status } });
      this._subscriptions = this._subscriptions.map((s) => (s.id === data.id ? data : s));
      if (this._open === data.id) await this.#loadDeliveries(data.id);
    });
  }

  #remove(subscription: Subscription): Promise<void> {
    return this.#run(async () => {
      await deleteWebhookSubscription(this.connection!.client, { path: { ...this.#path(), subscriptionId: subscription.id } });
      this._subscriptions = this._subscriptions.filter((s) => s.id !== subscription.id);
      this._removing = undefined;
      if (this._open === subscription.id) this._open = undefined;
      this._announcement = this.messages.removed(subscription.url);
      void this.#focus('.add');
    });
  }

  async #loadDeliveries(subscriptionId: string): Promise<void> {
    const { data } = await listWebhookDeliveries(this.connection!.client, { path: { ...this.#path(), subscriptionId }, query: { limit: 50 } });
    this._deliveries = data.items;
  }

  #toggleDeliveries(subscription: Subscription): Promise<void> {
    if (this._open === subscription.id) {
      this._open = undefined;
      return Promise.resolve();
    }
    this._open = subscription.id;
    this._deliveries = undefined;
    return this.#run(() => this.#loadDeliveries(subscription.id));
  }

  #replay(subscription: Subscription, delivery: Delivery): Promise<void> {
    return this.#run(async () => {
      await replayWebhookDelivery(this.connection!.client, { path: { ...this.#path(), subscriptionId: subscription.id, deliveryId: delivery.id } });
      await this.#loadDeliveries(subscription.id);
      this._announcement = this.messages.replayed;
    });
  }

  protected override render() {
    const m = this.messages;
    return html`<section aria-labelledby="webhooks-heading">
      <div class="toolbar">
        <h2 id="webhooks-heading">${m.heading}</h2>
        ${this._creating ? nothing : html`<button class="button primary add" type="button" @click=${() => this.#startCreating()}>${m.add}</button>`}
      </div>
      <p class="muted">${m.intro}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
      ${this._creating ? this.#renderForm() : nothing} ${this._secret ? this.#renderSecret() : nothing}
      ${loadError(this._error, m.retry, () => this.#load())}
      ${this._loading && this._subscriptions.length === 0
        ? html`<p class="muted">${m.loading}</p>`
        : this._subscriptions.length === 0 && !this._error
          ? html`<p>${m.none}</p>`
          : html`<ul class="cards">
              ${this._subscriptions.map((subscription) => this.#renderSubscription(subscription))}
            </ul>`}
    </section>`;
  }

  #renderForm() {
    const m = this.messages;
    const every = this._events.includes('*');
    return html`<form class="card-form" novalidate aria-labelledby="webhook-form-heading" @submit=${this.#create}>
      <h3 id="webhook-form-heading">${m.newHeading}</h3>
      ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
      <div class="field">
        <label for="webhook-url">${m.url}</label>
        <input
          id="webhook-url"
          type="url"
          inputmode="url"
          maxlength="2000"
          .value=${this._url}
          aria-invalid=${this._errors.url ? 'true' : 'false'}
          aria-describedby=${this._errors.url ? 'webhook-url-error webhook-url-hint' : 'webhook-url-hint'}
          @input=${(e: InputEvent) => (this._url = (e.target as HTMLInputElement).value)}
        />
        <p class="muted" id="webhook-url-hint">${m.urlHint}</p>
        ${this._errors.url ? html`<p class="field-error" id="webhook-url-error">${this._errors.url}</p>` : nothing}
      </div>
      <div class="field">
        <label for="webhook-description">${m.description}</label>
        <input id="webhook-description" maxlength="200" .value=${this._description} @input=${(e: InputEvent) => (this._description = (e.target as HTMLInputElement).value)} />
      </div>
      <fieldset aria-describedby=${this._errors.eventTypes ? 'webhook-events-error' : nothing}>
        <legend>${m.events}</legend>
        <label class="check"><input id="webhook-event-all" type="checkbox" .checked=${every} @change=${(e: Event) => this.#toggleEvent('*', (e.target as HTMLInputElement).checked)} />${m.allEvents}</label>
        ${eventTypes.map(
          (type) => html`<label class="check"
            ><input type="checkbox" data-event=${type} .checked=${every || this._events.includes(type)} ?disabled=${every} @change=${(e: Event) => this.#toggleEvent(type, (e.target as HTMLInputElement).checked)} />${m.eventNames[type]}</label
          >`,
        )}
        ${this._errors.eventTypes ? html`<p class="field-error" id="webhook-events-error">${this._errors.eventTypes}</p>` : nothing}
      </fieldset>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this._busy}>${m.create}</button>
        <button class="button" type="button" @click=${() => {
          this._creating = false;
          void this.#focus('.add');
        }}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #renderSecret() {
    const m = this.messages;
    return html`<section class="secret" aria-labelledby="secret-heading">
      <h3 id="secret-heading" tabindex="-1">${m.secretHeading}</h3>
      <p id="webhook-secret-text">${m.secretText}</p>
      <input id="webhook-secret" class="mono" readonly aria-labelledby="secret-heading" aria-describedby="webhook-secret-text" .value=${this._secret!} @focus=${(e: Event) => (e.currentTarget as HTMLInputElement).select()} />
      <div class="actions">
        <button class="button primary" type="button" @click=${() => this.#copy()}>${m.copy}</button>
        <button class="button" type="button" @click=${() => {
          this._secret = undefined;
          void this.#focus('.add');
        }}>${m.close}</button>
      </div>
      <p role="status" aria-live="polite">${this._copyNote}</p>
    </section>`;
  }

  #renderSubscription(subscription: Subscription) {
    const m = this.messages;
    const active = subscription.status === 'active';
    const status = active ? m.active : subscription.disabledReason === 'gone' ? m.disabledGone : m.disabledByStaff;
    const events = subscription.eventTypes.includes('*') ? m.allEvents : subscription.eventTypes.map((t) => m.eventNames[t] ?? t).join(', ');
    const open = this._open === subscription.id;
    return html`<li class="card ${open ? 'wide' : ''}" data-subscription=${subscription.id}>
      <h3 class="mono">${subscription.url}</h3>
      ${subscription.description ? html`<p>${subscription.description}</p>` : nothing}
      <p class="muted">${events}</p>
      <p class="status ${active ? '' : 'disabled'}">${status}</p>
      ${this._removing === subscription.id
        ? confirmGroup({ label: m.remove, question: m.removeConfirm(subscription.url), yes: m.removeYes, keep: m.keep, busy: this._busy, onYes: () => this.#remove(subscription), onKeep: () => (this._removing = undefined) })
        : html`<div class="actions">
            <button class="button deliveries-toggle" type="button" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.#toggleDeliveries(subscription)}>${open ? m.hideDeliveries : m.deliveries}</button>
            <button class="button status-toggle" type="button" ?disabled=${this._busy} @click=${() => this.#setStatus(subscription, active ? 'disabled' : 'active')}>${active ? m.disable : m.enable}</button>
            <button class="button danger" type="button" @click=${() => (this._removing = subscription.id)}>${m.remove}</button>
          </div>`}
      ${open ? this.#renderDeliveries(subscription) : nothing}
    </li>`;
  }

  #renderDeliveries(subscription: Subscription) {
    const m = this.messages;
    if (this._deliveries === undefined) return html`<p class="muted">${m.loading}</p>`;
    if (this._deliveries.length === 0) return html`<p class="muted">${m.noDeliveries}</p>`;
    const o = { locale: this.locale, timeZone: this.connection?.state.space?.timeZone ?? 'UTC' };
    const when = (instant: string) => `${formatDate(instant, o, 'long')} ${new Intl.DateTimeFormat(this.locale, { timeStyle: 'medium', timeZone: o.timeZone }).format(new Date(instant))}`;
    return html`<ul class="deliveries" aria-label=${m.deliveriesHeading(subscription.url)}>
      ${this._deliveries.map((delivery) => {
        const last = delivery.attempts[0];
        const details = [
          m.attempts(delivery.attemptCount),
          last?.status !== undefined ? m.lastAnswer(last.status) : last?.error,
          delivery.status === 'pending' && delivery.nextAttemptAt ? m.nextAttempt(when(delivery.nextAttemptAt)) : undefined,
        ].filter(Boolean);
        return html`<li data-delivery=${delivery.id}>
          <span class="event"><strong>${m.eventNames[delivery.eventType] ?? delivery.eventType}</strong> · ${when(delivery.createdAt)}</span>
          <span class="status ${delivery.status}">${m.status[delivery.status] ?? delivery.status}</span>
          <span class="muted">${details.join(' · ')}</span>
          ${subscription.status === 'active' ? html`<button class="button replay" type="button" ?disabled=${this._busy} @click=${() => this.#replay(subscription, delivery)}>${m.replay}</button>` : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
