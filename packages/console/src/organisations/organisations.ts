import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, paginate, updateOrganisation, type components } from '@coworking-commons/client';
import { describeError, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { cardListStyles, consoleTheme, formStyles, groupedFormStyles, sectionStyles } from '../shell/console.styles.ts';
import { confirmGroup, loadError } from '../shell/templates.ts';
import * as catalogues from './messages.ts';
import { draftOf, organisationBody, type OrganisationDraft } from './organisation-draft.ts';

type Organisation = components['schemas']['Organisation'];
type OrganisationUpdate = components['schemas']['OrganisationUpdate'];

/** What the form is doing: creating an organisation, editing one, or nothing. */
type Editing = { kind: 'new' } | { kind: 'edit'; organisation: Organisation } | undefined;

/**
 * The organisations the space serves (companies, associations, teams): each with how many of its
 * members belong to it and what invoices need (registered name, numbers, billing email and
 * address); create, edit and delete one. The form checks what the spec asks before sending, shows
 * the server's refusals on their fields, keeps what was typed when a request fails, and sends the
 * organisation's version so that a change saved meanwhile is shown, not overwritten.
 *
 * @summary The staff view of the space's organisations.
 */
export class CoworkConsoleOrganisations extends LitElement {
  static override styles = [consoleTheme, formStyles, groupedFormStyles, sectionStyles, cardListStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _organisations: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _editing: { state: true },
    _draft: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _stale: { state: true },
    _busy: { state: true },
    _removing: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _organisations: Organisation[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _editing: Editing;
  declare _draft: OrganisationDraft | undefined;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  declare _stale: boolean;
  declare _busy: boolean;
  declare _removing: string | undefined;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._organisations = [];
    this._loading = false;
    this._errors = {};
    this._stale = false;
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.OrganisationsMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    this._loading = true;
    this._error = undefined;
    try {
      this._organisations = await arrayOf(paginate(listOrganisations, connection.client, { path: { spaceId: connection.spaceId }, query: { limit: 100 } }));
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  #open(editing: Editing): void {
    this._editing = editing;
    this._draft = draftOf(editing?.kind === 'edit' ? editing.organisation : undefined);
    this._errors = {};
    this._formError = undefined;
    this._stale = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#organisation-name')?.focus());
  }

  #close(): void {
    const edited = this._editing?.kind === 'edit' ? this._editing.organisation.id : undefined;
    this._editing = undefined;
    this._draft = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(edited ? `[data-organisation="${edited}"] .edit` : '.add')?.focus());
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const editing = this._editing!;
    const result = organisationBody(this._draft!, m, editing.kind === 'edit');
    if ('errors' in result) return this.#showErrors(result.errors);
    const connection = this.connection!;
    this._busy = true;
    this._formError = undefined;
    this._stale = false;
    try {
      let saved: Organisation;
      if (editing.kind === 'edit') {
        const path = { spaceId: connection.spaceId, organisationId: editing.organisation.id };
        const outcome = await saveUnlessChanged(
          editing.organisation,
          async () => (await getOrganisation(connection.client, { path })).data,
          async (header) => (await updateOrganisation(connection.client, { path, header, body: result.body as OrganisationUpdate })).data,
        );
        if ('current' in outcome) {
          this.#replace(outcome.current);
          this._editing = { kind: 'edit', organisation: outcome.current };
          this._draft = draftOf(outcome.current);
          this._errors = {};
          this._stale = true;
          return;
        }
        saved = outcome.saved;
        this.#replace(saved);
      } else {
        saved = (await createOrganisation(connection.client, { path: { spaceId: connection.spaceId }, body: result.body })).data;
        this._organisations = [...this._organisations, saved].sort((a, b) => a.name.localeCompare(b.name, this.locale));
      }
      this._announcement = m.saved(saved.name);
      this.#close();
    } catch (error) {
      // The form keeps what was typed: only the errors change.
      const fields = bodyFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(Object.fromEntries(Object.entries(fields).map(([path, detail]) => [path.startsWith('address') ? 'address' : path, detail])));
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  #replace(organisation: Organisation): void {
    this._organisations = this._organisations.map((o) => (o.id === organisation.id ? organisation : o));
  }

  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    const first = Object.keys(errors)[0] ?? '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`)?.focus());
  }

  async #remove(organisation: Organisation): Promise<void> {
    const connection = this.connection!;
    this._busy = true;
    this._error = undefined;
    try {
      await deleteOrganisation(connection.client, { path: { spaceId: connection.spaceId, organisationId: organisation.id } });
      this._organisations = this._organisations.filter((o) => o.id !== organisation.id);
      this._announcement = this.messages.removed(organisation.name);
      this._removing = undefined;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add')?.focus());
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    return html`
      <section aria-labelledby="organisations-heading">
        <div class="toolbar">
          <h2 id="organisations-heading">${m.heading}</h2>
          ${this._editing ? nothing : html`<button class="button primary add" type="button" @click=${() => this.#open({ kind: 'new' })}>${m.add}</button>`}
        </div>
        <p class="muted">${m.intro}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this._editing?.kind === 'new' ? this.#renderForm() : nothing}
        ${this._loading && this._organisations.length === 0
          ? html`<p class="muted">${m.loading}</p>`
          : this._organisations.length === 0 && !this._error
            ? html`<p>${m.none}</p>`
            : html`<ul class="cards">
                ${this._organisations.map((organisation) =>
                  this._editing?.kind === 'edit' && this._editing.organisation.id === organisation.id ? html`<li class="wide">${this.#renderForm()}</li>` : this.#renderOrganisation(organisation),
                )}
              </ul>`}
      </section>
    `;
  }

  #renderOrganisation(organisation: Organisation) {
    const m = this.messages;
    return html`
      <li class="card" data-organisation=${organisation.id}>
        <h3>${organisation.name}</h3>
        <p class="muted">${m.members(organisation.memberCount)}${organisation.billingEmail ? html` · ${organisation.billingEmail}` : nothing}</p>
        ${organisation.legalName || organisation.vatNumber ? html`<p>${[organisation.legalName, organisation.registrationNumber, organisation.vatNumber].filter(Boolean).join(' · ')}</p>` : nothing}
        ${this._removing === organisation.id
          ? confirmGroup({ label: m.remove, question: m.removeConfirm(organisation.name), yes: m.removeYes, keep: m.keep, busy: this._busy, onYes: () => this.#remove(organisation), onKeep: () => (this._removing = undefined) })
          : this._editing
            ? nothing
            : html`<div class="actions">
                <button class="button edit" type="button" @click=${() => this.#open({ kind: 'edit', organisation })}>${m.edit}</button>
                <button class="button danger" type="button" @click=${() => (this._removing = organisation.id)}>${m.remove}</button>
              </div>`}
      </li>
    `;
  }

  #input(id: string, key: keyof OrganisationDraft, path: string, label: string, extra: { type?: string; maxlength?: number } = {}) {
    const error = this._errors[path];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        data-path=${path}
        type=${extra.type ?? 'text'}
        maxlength=${extra.maxlength ?? 120}
        .value=${this._draft![key]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: InputEvent) => (this._draft = { ...this._draft!, [key]: (e.target as HTMLInputElement).value })}
      />
      ${error && path !== 'address' ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  #renderForm() {
    const m = this.messages;
    const editing = this._editing!;
    return html`
      <form class="card-form" novalidate aria-labelledby="organisation-form-heading" @submit=${this.#submit}>
        <h3 id="organisation-form-heading">${editing.kind === 'edit' ? m.editHeading(editing.organisation.name) : m.newHeading}</h3>
        ${this._stale ? html`<p class="notice" role="alert">${m.stale}</p>` : nothing}
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        ${this.#input('organisation-name', 'name', 'name', m.name)} ${this.#input('organisation-legal-name', 'legalName', 'legalName', m.legalName)}
        <div class="row">
          ${this.#input('organisation-registration', 'registrationNumber', 'registrationNumber', m.registrationNumber, { maxlength: 40 })}
          ${this.#input('organisation-vat', 'vatNumber', 'vatNumber', m.vatNumber, { maxlength: 40 })}
        </div>
        ${this.#input('organisation-email', 'billingEmail', 'billingEmail', m.billingEmail, { type: 'email', maxlength: 254 })}
        <fieldset data-path="address" tabindex="-1" aria-describedby=${this._errors.address ? 'organisation-address-error' : nothing}>
          <legend>${m.address}</legend>
          ${this.#input('organisation-street', 'street', 'address', m.street, { maxlength: 200 })}
          <div class="row">
            ${this.#input('organisation-postal-code', 'postalCode', 'address', m.postalCode, { maxlength: 20 })} ${this.#input('organisation-locality', 'locality', 'address', m.locality, { maxlength: 100 })}
            ${this.#input('organisation-country', 'country', 'address', m.country, { maxlength: 2 })}
          </div>
          ${this._errors.address ? html`<p class="field-error" id="organisation-address-error">${this._errors.address}</p>` : nothing}
        </fieldset>
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${editing.kind === 'edit' ? m.save : m.create}</button>
          <button class="button" type="button" @click=${() => this.#close()}>${m.cancel}</button>
        </div>
      </form>
    `;
  }
}
