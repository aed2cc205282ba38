import { createEvent, getEvent, updateEvent, type components } from '@coworking-commons/client';
import { describeError, localDate, translated, type Connection } from '@coworking-commons/elements';
import '@coworking-commons/elements/event-calendar/define';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles, sectionStyles } from '../shell/console.styles.ts';
import { draftOf, eventBody, previewEvent, type EventDraft, type LocationKind } from './event-draft.ts';
import { eventsStyles } from './events.styles.ts';
import * as catalogues from './messages.ts';

type SpaceEvent = components['schemas']['Event'];
type Resource = components['schemas']['Resource'];

const languageName = (lang: string, of: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(of) ?? of;

/** Which control shows a body path's error. */
const controlOf: Record<string, string> = { title: 'event-title', summary: 'event-summary', description: 'event-description', start: 'event-date', end: 'event-end', location: 'event-location', capacity: 'event-capacity', tags: 'event-tags' };

/**
 * The form of one event, new or existing, beside a preview of how the space's calendar will show
 * it (the elements' `<cowork-event-calendar>` given the draft, no request). Dispatches
 * `event-saved` (`detail: { event }`) once the server took it, `event-closed` when left.
 *
 * @summary Creates or edits an event, with a live preview.
 */
export class CoworkConsoleEventEditor extends LitElement {
  static override styles = [consoleTheme, formStyles, sectionStyles, eventsStyles];
  static override properties = {
    connection: { attribute: false },
    event: { attribute: false },
    resources: { attribute: false },
    locale: { type: String },
    _draft: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _stale: { state: true },
    _busy: { state: true },
  };

  declare connection: Connection | undefined;
  /** The event to edit; none for a new one. */
  declare event: SpaceEvent | undefined;
  declare resources: Resource[];
  declare locale: string;
  declare _draft: EventDraft | undefined;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  /** Whether the form shows the event as someone else saved it meanwhile (the person's changes were not saved). */
  declare _stale: boolean;
  declare _busy: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this.resources = [];
    this._errors = {};
    this._stale = false;
    this._busy = false;
  }

  get messages(): catalogues.EventsMessages {
    return pick(catalogues, this.locale);
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('event') || this._draft === undefined) && this.connection?.state.space) {
      const space = this.connection.state.space;
      this._draft = draftOf(this.event, this.#timeZone, space.languages.slice(1), localDate(new Date(), this.#timeZone));
    }
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#event-title')?.focus();
  }

  #set(patch: Partial<EventDraft>): void {
    this._draft = { ...this._draft!, ...patch };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const connection = this.connection!;
    const result = eventBody(this._draft!, this.#timeZone, this.messages);
    if ('errors' in result) {
      this.#showErrors(result.errors);
      return;
    }
    this._busy = true;
    this._formError = undefined;
    this._stale = false;
    const editing = this.event;
    try {
      const path = { spaceId: connection.spaceId };
      let data: SpaceEvent;
      if (editing) {
        const eventPath = { ...path, eventId: editing.id };
        // On an update, what the form leaves empty is removed.
        const body = { ...result.body, location: result.body.location ?? null, capacity: result.body.capacity ?? null };
        const outcome = await saveUnlessChanged(
          editing,
          async () => (await getEvent(connection.client, { path: eventPath })).data,
          async (header) => (await updateEvent(connection.client, { path: eventPath, header, body })).data,
        );
        if ('current' in outcome) return this.#showCurrent(outcome.current);
        data = outcome.saved;
      } else {
        data = (await createEvent(connection.client, { path, body: result.body })).data;
      }
      this.dispatchEvent(new CustomEvent('event-saved', { detail: { event: data }, bubbles: true, composed: true }));
    } catch (error) {
      // The form keeps what was typed: only the errors change.
      const fields = bodyFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(fields);
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  /** The form on \`current\`, the event as someone else saved it meanwhile, with the notice saying so (what was typed is replaced, as the notice says). */
  #showCurrent(current: SpaceEvent): void {
    // A new \`event\` gives the form a new draft (willUpdate).
    this.event = current;
    this._errors = {};
    this._stale = true;
    this.dispatchEvent(new CustomEvent('event-refreshed', { detail: { event: current }, bubbles: true, composed: true }));
  }


  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    const first = Object.keys(errors)[0] ?? '';
    const id = controlOf[first] ?? (first.startsWith('translations/') ? `event-${first.split('/')[1]}-${first.split('/')[2]}` : undefined);
    if (id) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus());
  }

  #close(): void {
    this.dispatchEvent(new CustomEvent('event-closed', { bubbles: true, composed: true }));
  }

  protected override render() {
    const draft = this._draft;
    if (!draft) return nothing;
    const m = this.messages;
    const preview = previewEvent(draft, this.#timeZone, this.connection?.spaceId ?? '');
    return html`
      <div class="editor">
        ${this.#renderForm(draft)}
        <section class="preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">${m.preview}</h3>
          ${preview
            ? html`<cowork-event-calendar .events=${[preview]} view="list" date=${draft.date} time-zone=${this.#timeZone} lang=${this.locale}></cowork-event-calendar>`
            : html`<p class="muted">${m.errors.order}</p>`}
        </section>
      </div>
    `;
  }

  #renderForm(draft: EventDraft) {
    const m = this.messages;
    const errors = this._errors;
    const input = (key: keyof EventDraft) => (e: InputEvent) => this.#set({ [key]: (e.target as HTMLInputElement).value } as Partial<EventDraft>);
    const error = (key: string, id: string) => (errors[key] ? html`<p class="field-error" id="${id}-error">${errors[key]}</p>` : nothing);
    const aria = (key: string, id: string) => ({ invalid: errors[key] ? 'true' : 'false', describedBy: errors[key] ? `${id}-error` : nothing });
    const rooms = this.resources.filter((r) => r.status === 'active');
    const t = aria('title', 'event-title');
    const s = aria('start', 'event-date');
    const e = aria('end', 'event-end');
    const l = aria('location', 'event-location');
    const c = aria('capacity', 'event-capacity');
    const g = aria('tags', 'event-tags');
    return html`
      <form novalidate aria-labelledby="event-form-heading" @submit=${this.#submit}>
        <h2 id="event-form-heading">${this.event ? m.editHeading(translated(this.event, 'title', this.locale)) : m.newHeading}</h2>
        ${this._stale ? html`<p class="notice" role="alert">${m.stale}</p>` : nothing}
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        <div class="field">
          <label for="event-title">${m.title}</label>
          <input id="event-title" maxlength="200" required .value=${draft.title} aria-invalid=${t.invalid} aria-describedby=${t.describedBy} @input=${input('title')} />
          ${error('title', 'event-title')}
        </div>
        <div class="field">
          <label for="event-summary">${m.summary}</label>
          <input id="event-summary" maxlength="280" .value=${draft.summary} @input=${input('summary')} />
          ${error('summary', 'event-summary')}
        </div>
        <div class="field">
          <label for="event-description">${m.description}</label>
          <textarea id="event-description" rows="4" maxlength="5000" .value=${draft.description} @input=${input('description')}></textarea>
          ${error('description', 'event-description')}
        </div>
        <div class="check">
          <input id="event-all-day" type="checkbox" .checked=${draft.allDay} @change=${(ev: Event & { target: HTMLInputElement }) => this.#set({ allDay: ev.target.checked })} />
          <label for="event-all-day">${m.allDay}</label>
        </div>
        <div class="row">
          <div class="field">
            <label for="event-date">${m.date}</label>
            <input id="event-date" type="date" required .value=${draft.date} aria-invalid=${s.invalid} aria-describedby=${s.describedBy} @input=${(ev: InputEvent) => {
              const date = (ev.target as HTMLInputElement).value;
              // The last day follows the first while they were the same.
              this.#set({ date, endDate: draft.endDate === draft.date || draft.endDate < date ? date : draft.endDate });
            }} />
            ${error('start', 'event-date')}
          </div>
          ${draft.allDay
            ? html`<div class="field">
                <label for="event-end">${m.endDate}</label>
                <input id="event-end" type="date" .value=${draft.endDate} min=${draft.date} aria-invalid=${e.invalid} aria-describedby=${e.describedBy} @input=${input('endDate')} />
                ${error('end', 'event-end')}
              </div>`
            : html`<div class="field">
                  <label for="event-start-time">${m.start}</label>
                  <input id="event-start-time" type="time" required .value=${draft.startTime} @input=${input('startTime')} />
                </div>
                <div class="field">
                  <label for="event-end">${m.end}</label>
                  <input id="event-end" type="time" required .value=${draft.endTime} aria-invalid=${e.invalid} aria-describedby=${e.describedBy} @input=${input('endTime')} />
                  ${error('end', 'event-end')}
                </div>`}
        </div>
        <div class="field">
          <label for="event-location">${m.location}</label>
          <select id="event-location" aria-invalid=${l.invalid} aria-describedby=${draft.locationKind === 'none' ? l.describedBy : nothing} @change=${(ev: Event & { target: HTMLSelectElement }) => this.#set({ locationKind: ev.target.value as LocationKind })}>
            ${(['none', 'resource', 'text', 'online'] as const).map((kind) => html`<option value=${kind} ?selected=${draft.locationKind === kind}>${m.locationKinds[kind]}</option>`)}
          </select>
          ${draft.locationKind === 'resource'
            ? html`<label for="event-room">${m.room}</label>
                <select id="event-room" aria-invalid=${l.invalid} aria-describedby=${l.describedBy} @change=${(ev: Event & { target: HTMLSelectElement }) => this.#set({ resourceId: ev.target.value })}>
                  <option value="" ?selected=${draft.resourceId === ''}>—</option>
                  ${rooms.map((room) => html`<option value=${room.id} ?selected=${draft.resourceId === room.id}>${translated(room, 'name', this.locale)}</option>`)}
                </select>`
            : draft.locationKind === 'text'
              ? html`<label for="event-place">${m.place}</label><input id="event-place" maxlength="300" .value=${draft.place} aria-invalid=${l.invalid} aria-describedby=${l.describedBy} @input=${input('place')} />`
              : draft.locationKind === 'online'
                ? html`<label for="event-link">${m.link}</label><input id="event-link" type="url" inputmode="url" .value=${draft.url} aria-invalid=${l.invalid} aria-describedby=${l.describedBy} @input=${input('url')} />`
                : nothing}
          ${error('location', 'event-location')}
        </div>
        <div class="row">
          <div class="field">
            <label for="event-capacity">${m.capacity}</label>
            <input id="event-capacity" inputmode="numeric" .value=${draft.capacity} aria-invalid=${c.invalid} aria-describedby=${c.describedBy} @input=${input('capacity')} />
            ${error('capacity', 'event-capacity')}
          </div>
          <div class="field">
            <label for="event-visibility">${m.visibility}</label>
            <select id="event-visibility" @change=${(ev: Event & { target: HTMLSelectElement }) => this.#set({ visibility: ev.target.value as EventDraft['visibility'] })}>
              ${(['public', 'members'] as const).map((v) => html`<option value=${v} ?selected=${draft.visibility === v}>${m.visibilities[v]}</option>`)}
            </select>
          </div>
        </div>
        <div class="check">
          <input id="event-waitlist" type="checkbox" .checked=${draft.waitlistEnabled} @change=${(ev: Event & { target: HTMLInputElement }) => this.#set({ waitlistEnabled: ev.target.checked })} />
          <label for="event-waitlist">${m.waitlist}</label>
        </div>
        <div class="check">
          <input id="event-registration" type="checkbox" .checked=${draft.registrationRequired} @change=${(ev: Event & { target: HTMLInputElement }) => this.#set({ registrationRequired: ev.target.checked })} />
          <label for="event-registration">${m.registrationRequired}</label>
        </div>
        <fieldset>
          <legend>${m.audience}</legend>
          ${(['guest', 'member'] as const).map(
            (who) => html`<div class="check">
              <input
                id="event-audience-${who}"
                type="checkbox"
                .checked=${draft.audience.includes(who)}
                @change=${(ev: Event & { target: HTMLInputElement }) => this.#set({ audience: ev.target.checked ? [...new Set([...draft.audience, who])] : draft.audience.filter((a) => a !== who) })}
              />
              <label for="event-audience-${who}">${who === 'guest' ? m.guests : m.members}</label>
            </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="event-tags">${m.tags}</label>
          <input id="event-tags" .value=${draft.tags} aria-invalid=${g.invalid} aria-describedby=${g.describedBy} @input=${input('tags')} />
          ${error('tags', 'event-tags')}
        </div>
        ${Object.entries(draft.translations).map(
          ([lang, texts]) => html`<fieldset>
            <legend>${m.translationsFor(languageName(this.locale, lang))}</legend>
            ${(['title', 'summary', 'description'] as const).map(
              (field) => html`<div class="field">
                <label for="event-${lang}-${field}">${m[field]}</label>
                ${field === 'description'
                  ? html`<textarea id="event-${lang}-${field}" lang=${lang} rows="3" maxlength="5000" .value=${texts[field]} @input=${(ev: InputEvent) => this.#set({ translations: { ...draft.translations, [lang]: { ...texts, [field]: (ev.target as HTMLTextAreaElement).value } } })}></textarea>`
                  : html`<input id="event-${lang}-${field}" lang=${lang} maxlength=${field === 'title' ? 200 : 280} .value=${texts[field]} @input=${(ev: InputEvent) => this.#set({ translations: { ...draft.translations, [lang]: { ...texts, [field]: (ev.target as HTMLInputElement).value } } })} />`}
                ${error(`translations/${lang}/${field}`, `event-${lang}-${field}`)}
              </div>`,
            )}
          </fieldset>`,
        )}
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${this.event ? m.save : m.create}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#close()}>${m.cancel}</button>
        </div>
      </form>
    `;
  }
}
