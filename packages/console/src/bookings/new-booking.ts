import { NetworkError, TimeoutError, createBooking, listMembers, newIdempotencyKey, type components } from '@coworking-commons/client';
import { describeError, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing } from 'lit';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { zonedInstant } from '../forms/zoned-time.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import { bookingsStyles } from './bookings-week.styles.ts';
import * as catalogues from './messages.ts';

type Resource = components['schemas']['Resource'];
type Member = components['schemas']['Member'];
type BookingCreate = components['schemas']['BookingCreate'];

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Which control shows a body path's error. */
const controlOf: Record<string, string> = { resourceId: 'new-resource', start: 'new-start', end: 'new-end', memberId: 'new-member-search', 'guest/name': 'new-guest-name', 'guest/email': 'new-guest-email', title: 'new-title', notes: 'new-notes' };

/**
 * A booking made by staff for a member or a guest: the resource, the day and the times in the
 * space's zone, whom it is for (a member found by name, email or company, or a guest's name and
 * email), a title and notes. Sent with an Idempotency-Key kept across retries of the same form,
 * so a repeated click books once. Dispatches `booking-changed` (`detail: { booking, action:
 * 'create' }`) and `booking-closed`.
 *
 * @summary The staff form that books for someone.
 */
export class CoworkConsoleNewBooking extends LitElement {
  static override styles = [consoleTheme, formStyles, bookingsStyles];
  static override properties = {
    connection: { attribute: false },
    resources: { attribute: false },
    locale: { type: String },
    date: { type: String },
    _resourceId: { state: true },
    _date: { state: true },
    _start: { state: true },
    _end: { state: true },
    _for: { state: true },
    _query: { state: true },
    _found: { state: true },
    _memberId: { state: true },
    _guestName: { state: true },
    _guestEmail: { state: true },
    _title: { state: true },
    _notes: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _busy: { state: true },
  };

  declare connection: Connection | undefined;
  declare resources: Resource[];
  declare locale: string;
  /** The day the form starts on (`YYYY-MM-DD`). */
  declare date: string;
  declare _resourceId: string;
  declare _date: string | undefined;
  declare _start: string;
  declare _end: string;
  declare _for: 'member' | 'guest';
  declare _query: string;
  declare _found: Member[] | undefined;
  declare _memberId: string;
  declare _guestName: string;
  declare _guestEmail: string;
  declare _title: string;
  declare _notes: string;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  declare _busy: boolean;
  /** One key per booking the form makes: a retry of the same submission reuses it. */
  #idempotencyKey = newIdempotencyKey();
  #search = 0;

  constructor() {
    super();
    this.locale = 'en';
    this.resources = [];
    this.date = '';
    this._resourceId = '';
    this._start = '09:00';
    this._end = '10:00';
    this._for = 'member';
    this._query = '';
    this._memberId = '';
    this._guestName = '';
    this._guestEmail = '';
    this._title = '';
    this._notes = '';
    this._errors = {};
    this._busy = false;
  }

  get messages(): catalogues.BookingsMessages {
    return pick(catalogues, this.locale);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#new-resource')?.focus();
  }

  async #find(query: string): Promise<void> {
    this._query = query;
    const search = ++this.#search;
    if (query.trim().length < 2) {
      this._found = undefined;
      return;
    }
    const connection = this.connection!;
    try {
      const { data } = await listMembers(connection.client, { path: { spaceId: connection.spaceId }, query: { q: query.trim(), status: 'active', limit: 8 } });
      if (search === this.#search) this._found = data.items;
    } catch (error) {
      if (search === this.#search) this._formError = describeError(error).message;
    }
  }

  #body(): { body: BookingCreate } | { errors: Record<string, string> } {
    const m = this.messages;
    const timeZone = this.connection?.state.space?.timeZone ?? 'UTC';
    const date = this._date ?? this.date;
    const errors: Record<string, string> = {};
    if (!this._resourceId) errors.resourceId = m.errors.resource;
    const start = zonedInstant(date, this._start, timeZone);
    const end = zonedInstant(date, this._end, timeZone);
    if (!start) errors.start = /^\d{4}-\d{2}-\d{2}$/.test(date) ? m.errors.time : m.errors.date;
    if (!end) errors.end = m.errors.time;
    else if (start && end.getTime() <= start.getTime()) errors.end = m.errors.order;
    if (this._for === 'member' && !this._memberId) errors.memberId = m.errors.member;
    if (this._for === 'guest') {
      if (!this._guestName.trim() || this._guestName.trim().length > 120) errors['guest/name'] = m.errors.name;
      if (!emailPattern.test(this._guestEmail.trim())) errors['guest/email'] = m.errors.email;
    }
    if (Object.keys(errors).length > 0 || !start || !end) return { errors };
    return {
      body: {
        resourceId: this._resourceId,
        start: start.toISOString(),
        end: end.toISOString(),
        ...(this._for === 'member' ? { memberId: this._memberId } : { guest: { name: this._guestName.trim(), email: this._guestEmail.trim() } }),
        ...(this._title.trim() ? { title: this._title.trim() } : {}),
        ...(this._notes.trim() ? { notes: this._notes.trim() } : {}),
      },
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const result = this.#body();
    if ('errors' in result) {
      this.#showErrors(result.errors, this.messages.fixFields);
      return;
    }
    const connection = this.connection!;
    this._busy = true;
    this._formError = undefined;
    try {
      const { data } = await createBooking(connection.client, { path: { spaceId: connection.spaceId }, header: { 'Idempotency-Key': this.#idempotencyKey }, body: result.body });
      this.#idempotencyKey = newIdempotencyKey();
      this.dispatchEvent(new CustomEvent('booking-changed', { detail: { booking: data, action: 'create' }, bubbles: true, composed: true }));
    } catch (error) {
      // The form keeps what was typed. The key is kept too only for a retry of the same request:
      // a refusal means the next attempt is another request.
      if (!(error instanceof NetworkError || error instanceof TimeoutError)) this.#idempotencyKey = newIdempotencyKey();
      const fields = bodyFieldErrors(error);
      this.#showErrors(fields, describeError(error).message);
    } finally {
      this._busy = false;
    }
  }

  #showErrors(errors: Record<string, string>, message: string): void {
    this._errors = errors;
    this._formError = message;
    const id = controlOf[Object.keys(errors)[0] ?? ''];
    if (id) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  protected override render() {
    const m = this.messages;
    const errors = this._errors;
    const error = (key: string) => (errors[key] ? html`<p class="field-error" id="${controlOf[key]}-error">${errors[key]}</p>` : nothing);
    const invalid = (key: string) => (errors[key] ? 'true' : 'false');
    const describedBy = (key: string) => (errors[key] ? `${controlOf[key]}-error` : nothing);
    const text = (set: (value: string) => void) => (e: InputEvent) => set((e.target as HTMLInputElement).value);
    const bookable = this.resources.filter((r) => r.status === 'active');
    return html`
      <form class="new-booking card" novalidate aria-labelledby="new-heading" @submit=${this.#submit}>
        <div class="toolbar">
          <h3 id="new-heading">${m.newBooking}</h3>
          <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('booking-closed', { bubbles: true, composed: true }))}>${m.close}</button>
        </div>
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        <div class="field">
          <label for="new-resource">${m.resource}</label>
          <select id="new-resource" aria-invalid=${invalid('resourceId')} aria-describedby=${describedBy('resourceId')} @change=${(e: Event) => (this._resourceId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this._resourceId === ''}>—</option>
            ${bookable.map((r) => html`<option value=${r.id} ?selected=${this._resourceId === r.id}>${translated(r, 'name', this.locale)}</option>`)}
          </select>
          ${error('resourceId')}
        </div>
        <div class="row">
          <div class="field">
            <label for="new-date">${m.date}</label>
            <input id="new-date" type="date" required .value=${this._date ?? this.date} @input=${text((v) => (this._date = v))} />
          </div>
          <div class="field">
            <label for="new-start">${m.start}</label>
            <input id="new-start" type="time" required .value=${this._start} aria-invalid=${invalid('start')} aria-describedby=${describedBy('start')} @input=${text((v) => (this._start = v))} />
            ${error('start')}
          </div>
          <div class="field">
            <label for="new-end">${m.end}</label>
            <input id="new-end" type="time" required .value=${this._end} aria-invalid=${invalid('end')} aria-describedby=${describedBy('end')} @input=${text((v) => (this._end = v))} />
            ${error('end')}
          </div>
        </div>
        <fieldset>
          <legend>${m.for}</legend>
          <div class="row">
            ${(['member', 'guest'] as const).map(
              (kind) => html`<div class="check">
                <input type="radio" name="for" id="new-for-${kind}" .checked=${this._for === kind} @change=${() => (this._for = kind)} />
                <label for="new-for-${kind}">${kind === 'member' ? m.forMember : m.forGuest}</label>
              </div>`,
            )}
          </div>
          ${this._for === 'member'
            ? html`<div class="field">
                <label for="new-member-search">${m.memberSearch}</label>
                <input id="new-member-search" type="search" autocomplete="off" .value=${this._query} aria-invalid=${invalid('memberId')} aria-describedby=${describedBy('memberId')} @input=${text((v) => void this.#find(v))} />
                ${error('memberId')}
                ${this._found === undefined
                  ? nothing
                  : this._found.length === 0
                    ? html`<p class="muted" role="status">${m.noMemberFound}</p>`
                    : html`<div class="choices" role="radiogroup" aria-label=${m.member}>
                        ${this._found.map(
                          (member) => html`<div class="check">
                            <input type="radio" name="member" id="member-${member.id}" .checked=${this._memberId === member.id} @change=${() => (this._memberId = member.id)} />
                            <label for="member-${member.id}">${member.displayName}${member.email ? html` <span class="muted">${member.email}</span>` : nothing}</label>
                          </div>`,
                        )}
                      </div>`}
              </div>`
            : html`<div class="row">
                <div class="field">
                  <label for="new-guest-name">${m.guestName}</label>
                  <input id="new-guest-name" autocomplete="off" maxlength="120" .value=${this._guestName} aria-invalid=${invalid('guest/name')} aria-describedby=${describedBy('guest/name')} @input=${text((v) => (this._guestName = v))} />
                  ${error('guest/name')}
                </div>
                <div class="field">
                  <label for="new-guest-email">${m.guestEmail}</label>
                  <input id="new-guest-email" type="email" autocomplete="off" .value=${this._guestEmail} aria-invalid=${invalid('guest/email')} aria-describedby=${describedBy('guest/email')} @input=${text((v) => (this._guestEmail = v))} />
                  ${error('guest/email')}
                </div>
              </div>`}
        </fieldset>
        <div class="field">
          <label for="new-title">${m.title}</label>
          <input id="new-title" maxlength="200" .value=${this._title} @input=${text((v) => (this._title = v))} />
          ${error('title')}
        </div>
        <div class="field">
          <label for="new-notes">${m.notes}</label>
          <textarea id="new-notes" rows="2" maxlength="2000" .value=${this._notes} @input=${text((v) => (this._notes = v))}></textarea>
          ${error('notes')}
        </div>
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${m.book}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.dispatchEvent(new CustomEvent('booking-closed', { bubbles: true, composed: true }))}>${m.cancel}</button>
        </div>
      </form>
    `;
  }
}
