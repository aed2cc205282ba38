import { getSpace, updateSpace, type components } from '@coworking-commons/client';
import { describeError, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles, groupedFormStyles } from '../shell/console.styles.ts';
import * as catalogues from './messages.ts';
import { draftOf, spaceBody, visibilities, weekdays, type SpaceDraft } from './space-draft.ts';

type Space = components['schemas']['Space'];

const languageNames = (lang: string, of: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(of) ?? of;
const value = (event: Event) => (event.target as HTMLInputElement).value;

/**
 * The space's description for staff: its texts in each language, address, time zone, weekly
 * hours, closures and policies, saved with updateSpace. The form checks what the spec asks
 * before sending, shows the server's refusals on their fields, keeps what was typed when a
 * request fails, and refuses to overwrite a version someone saved meanwhile.
 *
 * @summary The staff form of the space.
 */
export class CoworkConsoleSpace extends LitElement {
  static override styles = [consoleTheme, formStyles, groupedFormStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _space: { state: true },
    _draft: { state: true },
    _error: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _stale: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _space: Space | undefined;
  declare _draft: SpaceDraft | undefined;
  declare _error: string | undefined;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  declare _stale: boolean;
  declare _busy: boolean;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._errors = {};
    this._stale = false;
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.SpaceMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #fetch(): Promise<Space> {
    const connection = this.connection!;
    return (await getSpace(connection.client, { path: { spaceId: connection.spaceId } })).data;
  }

  async #load(): Promise<void> {
    this._error = undefined;
    try {
      this._space = await this.#fetch();
      this._draft = draftOf(this._space);
    } catch (error) {
      this._error = describeError(error).message;
    }
  }

  #set(patch: Partial<SpaceDraft>): void {
    this._draft = { ...this._draft!, ...patch };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const result = spaceBody(this._draft!, m);
    if ('errors' in result) {
      this.#showErrors(result.errors);
      return;
    }
    const connection = this.connection!;
    this._busy = true;
    this._formError = undefined;
    this._stale = false;
    this._announcement = '';
    try {
      const outcome = await saveUnlessChanged(
        this._space!,
        () => this.#fetch(),
        async (header) => (await updateSpace(connection.client, { path: { spaceId: connection.spaceId }, header, body: result.body })).data,
      );
      if ('current' in outcome) return await this.#showCurrent(outcome.current);
      const data = outcome.saved;
      this._space = data;
      this._draft = draftOf(data);
      this._errors = {};
      this._announcement = m.saved;
      connection.state.reload();
    } catch (error) {
      const fields = bodyFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(fields);
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  /** The space as someone else saved it meanwhile, in the form, with a notice that nothing was saved. */
  async #showCurrent(current: Space): Promise<void> {
    this._space = current;
    this._draft = draftOf(current);
    this._errors = {};
    this._stale = true;
    this.connection!.state.reload();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.notice')?.focus();
  }

  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    const first = Object.keys(errors)[0];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-path="${CSS.escape(first ?? '')}"]`)?.focus());
  }

  protected override render() {
    const m = this.messages;
    if (this._error) return html`<div class="notice" role="alert"><p>${this._error}</p><button class="button" type="button" @click=${() => this.#load()}>${m.retry}</button></div>`;
    const draft = this._draft;
    if (!draft) return html`<p class="muted">${m.loading}</p>`;
    return html`
      <form novalidate aria-labelledby="space-heading" @submit=${this.#submit}>
        <h2 id="space-heading">${m.heading}</h2>
        <p class="muted">${m.intro}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${this._stale ? html`<p class="notice" role="alert" tabindex="-1">${m.stale}</p>` : nothing}
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        ${this.#renderTexts(draft)} ${this.#renderAddress(draft)} ${this.#renderHours(draft)} ${this.#renderClosures(draft)} ${this.#renderPolicies(draft)}
        ${this.#renderOrigins(draft)}
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${m.save}</button>
        </div>
        ${this._announcement ? html`<p aria-hidden="true">${this._announcement}</p>` : nothing}
      </form>
    `;
  }

  /** A labelled control with its error, if it has one (`path` is its body path). */
  #field(id: string, path: string, label: string, control: (attrs: { invalid: string; describedBy: string | typeof nothing }) => unknown) {
    const error = this._errors[path];
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${control({ invalid: error ? 'true' : 'false', describedBy: error ? `${id}-error` : nothing })} ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #input(id: string, path: string, label: string, current: string, set: (text: string) => void, extra: { maxlength?: number; inputmode?: string; type?: string; lang?: string } = {}) {
    return this.#field(
      id,
      path,
      label,
      ({ invalid, describedBy }) =>
        html`<input id=${id} data-path=${path} type=${extra.type ?? 'text'} lang=${extra.lang ?? nothing} inputmode=${extra.inputmode ?? nothing} maxlength=${extra.maxlength ?? nothing} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${(e: Event) => set(value(e))} />`,
    );
  }

  #textarea(id: string, path: string, label: string, current: string, set: (text: string) => void, lang?: string) {
    return this.#field(
      id,
      path,
      label,
      ({ invalid, describedBy }) =>
        html`<textarea id=${id} data-path=${path} rows="3" maxlength="5000" lang=${lang ?? nothing} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${(e: Event) => set(value(e))}></textarea>`,
    );
  }

  #renderTexts(draft: SpaceDraft) {
    const m = this.messages;
    const first = this._space!.languages[0] ?? 'fr';
    return html`
      <fieldset>
        <legend>${m.texts} (${languageNames(this.locale, first)})</legend>
        ${this.#input('space-name', 'name', m.name, draft.name, (name) => this.#set({ name }), { maxlength: 120 })}
        ${this.#textarea('space-description', 'description', m.description, draft.description, (description) => this.#set({ description }))}
      </fieldset>
      ${Object.entries(draft.translations).map(([lang, texts]) => {
        const set = (patch: Partial<typeof texts>) => this.#set({ translations: { ...draft.translations, [lang]: { ...texts, ...patch } } });
        return html`<fieldset>
          <legend>${m.translationsFor(languageNames(this.locale, lang))}</legend>
          ${this.#input(`space-${lang}-name`, `translations/${lang}/name`, m.name, texts.name, (name) => set({ name }), { maxlength: 120, lang })}
          ${this.#textarea(`space-${lang}-description`, `translations/${lang}/description`, m.description, texts.description, (description) => set({ description }), lang)}
        </fieldset>`;
      })}
    `;
  }

  #renderAddress(draft: SpaceDraft) {
    const m = this.messages;
    return html`
      <fieldset>
        <legend>${m.address}</legend>
        ${this.#input('space-street', 'address/street', m.street, draft.street, (street) => this.#set({ street }), { maxlength: 200 })}
        <div class="row">
          ${this.#input('space-postal-code', 'address/postalCode', m.postalCode, draft.postalCode, (postalCode) => this.#set({ postalCode }), { maxlength: 20 })}
          ${this.#input('space-locality', 'address/locality', m.locality, draft.locality, (locality) => this.#set({ locality }), { maxlength: 100 })}
        </div>
        <div class="row">
          ${this.#input('space-country', 'address/country', m.country, draft.country, (country) => this.#set({ country }), { maxlength: 2 })}
          ${this.#input('space-time-zone', 'timeZone', m.timeZone, draft.timeZone, (timeZone) => this.#set({ timeZone }), { maxlength: 64 })}
        </div>
      </fieldset>
    `;
  }

  #renderHours(draft: SpaceDraft) {
    const m = this.messages;
    const setRange = (index: number, patch: Partial<SpaceDraft['hours'][number]>) => this.#set({ hours: draft.hours.map((range, i) => (i === index ? { ...range, ...patch } : range)) });
    return html`
      <fieldset>
        <legend>${m.hours}</legend>
        <p class="muted">${m.hoursIntro}</p>
        <ul>
          ${draft.hours.map(
            (range, index) => html`<li class="item row" data-hours=${index}>
              ${this.#field(
                `hours-${index}-day`,
                `openingHours/${index}/day`,
                m.day,
                () => html`<select id="hours-${index}-day" @change=${(e: Event) => setRange(index, { day: value(e) as (typeof weekdays)[number] })}>
                  ${weekdays.map((day) => html`<option value=${day} ?selected=${range.day === day}>${m.days[day]}</option>`)}
                </select>`,
              )}
              ${this.#input(`hours-${index}-opens`, `openingHours/${index}`, m.opens, range.opens, (opens) => setRange(index, { opens }), { type: 'time' })}
              ${this.#input(`hours-${index}-closes`, `openingHours/${index}/closes`, m.closes, range.closes, (closes) => setRange(index, { closes }), { type: 'time' })}
              <button class="button" type="button" aria-label=${m.removeHours(m.days[range.day] ?? range.day, range.opens, range.closes)} @click=${() => this.#set({ hours: draft.hours.filter((_, i) => i !== index) })}>${m.remove}</button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button class="button add-hours" type="button" @click=${() => this.#addHours(draft)}>${m.addHours}</button>
        </div>
      </fieldset>
    `;
  }

  #addHours(draft: SpaceDraft): void {
    const used = new Set(draft.hours.map((range) => range.day));
    const day = weekdays.find((d) => !used.has(d)) ?? 'monday';
    this.#set({ hours: [...draft.hours, { day, opens: '09:00', closes: '18:00' }] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#hours-${draft.hours.length}-day`)?.focus());
  }

  #renderClosures(draft: SpaceDraft) {
    const m = this.messages;
    const setClosure = (index: number, patch: Partial<SpaceDraft['closures'][number]>) => this.#set({ closures: draft.closures.map((closure, i) => (i === index ? { ...closure, ...patch } : closure)) });
    return html`
      <fieldset>
        <legend>${m.closures}</legend>
        ${draft.closures.length === 0 ? html`<p class="muted">${m.noClosure}</p>` : nothing}
        <ul>
          ${draft.closures.map(
            (closure, index) => html`<li class="item row" data-closure=${index}>
              ${this.#input(`closure-${index}-from`, `closures/${index}`, m.from, closure.from, (from) => setClosure(index, { from, to: closure.to || from }), { type: 'date' })}
              ${this.#input(`closure-${index}-to`, `closures/${index}/to`, m.to, closure.to, (to) => setClosure(index, { to }), { type: 'date' })}
              ${this.#input(`closure-${index}-reason`, `closures/${index}/reason`, m.reason, closure.reason, (reason) => setClosure(index, { reason }), { maxlength: 200 })}
              <button class="button" type="button" aria-label=${m.removeClosure(closure.from)} @click=${() => this.#set({ closures: draft.closures.filter((_, i) => i !== index) })}>${m.remove}</button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button class="button add-closure" type="button" @click=${() => this.#addClosure(draft)}>${m.addClosure}</button>
        </div>
      </fieldset>
    `;
  }

  #addClosure(draft: SpaceDraft): void {
    this.#set({ closures: [...draft.closures, { from: '', to: '', reason: '' }] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#closure-${draft.closures.length}-from`)?.focus());
  }

  #renderOrigins(draft: SpaceDraft) {
    const m = this.messages;
    if (!draft.origins) return html`<fieldset><legend>${m.origins}</legend><p class="muted">${m.originsNote}</p></fieldset>`;
    const origins = draft.origins;
    const setOrigin = (index: number, text: string) => this.#set({ origins: origins.map((o, i) => (i === index ? text : o)) });
    return html`
      <fieldset data-path="allowedOrigins" tabindex="-1">
        <legend>${m.origins}</legend>
        <p class="muted">${m.originsIntro}</p>
        ${origins.length === 0 ? html`<p class="muted">${m.noOrigin}</p>` : nothing}
        ${this._errors.allowedOrigins ? html`<p class="field-error">${this._errors.allowedOrigins}</p>` : nothing}
        <ul>
          ${origins.map(
            (origin, index) => html`<li class="item row" data-origin=${index}>
              ${this.#input(`origin-${index}`, `allowedOrigins/${index}`, m.originLabel(index + 1), origin, (text) => setOrigin(index, text), { type: 'url', maxlength: 300 })}
              <button class="button" type="button" aria-label=${m.removeOrigin(origin)} @click=${() => this.#set({ origins: origins.filter((_, i) => i !== index) })}>${m.remove}</button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button class="button add-origin" type="button" @click=${() => this.#addOrigin(origins)}>${m.addOrigin}</button>
        </div>
      </fieldset>
    `;
  }

  #addOrigin(origins: string[]): void {
    this.#set({ origins: [...origins, ''] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#origin-${origins.length}`)?.focus());
  }

  #renderPolicies(draft: SpaceDraft) {
    const m = this.messages;
    const time = (id: string, label: string, current: string, key: 'morningStart' | 'morningEnd' | 'afternoonStart' | 'afternoonEnd') =>
      html`<div class="field"><label for=${id}>${label}</label><input id=${id} type="time" .value=${current} aria-invalid=${this._errors['policies/halfDays'] ? 'true' : 'false'} @input=${(e: Event) => this.#set({ [key]: value(e) })} /></div>`;
    return html`
      <fieldset>
        <legend>${m.policies}</legend>
        <div class="check">
          <input id="space-guests" type="checkbox" .checked=${draft.guestBookingAllowed} @change=${(e: Event) => this.#set({ guestBookingAllowed: (e.target as HTMLInputElement).checked })} />
          <label for="space-guests">${m.guestBooking}</label>
        </div>
        ${this.#input('space-notice', 'policies/cancellationNotice', m.notice, draft.cancellationNotice, (cancellationNotice) => this.#set({ cancellationNotice }), { inputmode: 'numeric' })}
        ${this.#field(
          'space-directory',
          'policies/directoryVisibility',
          m.directory,
          () => html`<select id="space-directory" @change=${(e: Event) => this.#set({ directoryVisibility: value(e) as SpaceDraft['directoryVisibility'] })}>
            ${visibilities.map((v) => html`<option value=${v} ?selected=${draft.directoryVisibility === v}>${m.visibility[v]}</option>`)}
          </select>`,
        )}
        <fieldset>
          <legend>${m.halfDays}</legend>
          <div class="row" data-path="policies/halfDays" tabindex="-1">
            ${time('half-morning-start', `${m.morning}${this.locale.startsWith('fr') ? '\u00a0: ' : ': '}${m.start}`, draft.morningStart, 'morningStart')}
            ${time('half-morning-end', `${m.morning}${this.locale.startsWith('fr') ? '\u00a0: ' : ': '}${m.end}`, draft.morningEnd, 'morningEnd')}
            ${time('half-afternoon-start', `${m.afternoon}${this.locale.startsWith('fr') ? '\u00a0: ' : ': '}${m.start}`, draft.afternoonStart, 'afternoonStart')}
            ${time('half-afternoon-end', `${m.afternoon}${this.locale.startsWith('fr') ? '\u00a0: ' : ': '}${m.end}`, draft.afternoonEnd, 'afternoonEnd')}
          </div>
          ${this._errors['policies/halfDays'] ? html`<p class="field-error">${this._errors['policies/halfDays']}</p>` : nothing}
        </fieldset>
      </fieldset>
    `;
  }
}
