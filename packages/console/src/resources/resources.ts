import { createResource, deleteResource, getResource, listResources, paginate, updateResource, type components } from '@coworking-commons/client';
import { describeError, formatMoney, translated, type Connection } from '@coworking-commons/elements';
import '@coworking-commons/elements/booking/define';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { changedWithoutVersion, ifMatch, isStale, saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles, groupedFormStyles } from '../shell/console.styles.ts';
import { confirmGroup, loadError } from '../shell/templates.ts';
import * as catalogues from './messages.ts';
import { draftOf, resourceBody, type ResourceDraft } from './resource-draft.ts';
import { renderOffers, renderRules, renderTexts, renderTranslations, type FormContext } from './resource-form.ts';
import { listStyles, resourceFormStyles } from './resources.styles.ts';

type Resource = components['schemas']['Resource'];

/** What the form is doing: creating a resource, editing one, or nothing. */
type Editing = { kind: 'new' } | { kind: 'edit'; resource: Resource } | undefined;

/**
 * The space's resources for staff: active and archived, created, edited with their rules, who
 * may book them, their texts in each language and their prices; archived, made bookable again,
 * or deleted after a confirmation. Beside the form, the booking widget shows the resource as
 * visitors see it, refreshed after each save.
 *
 * @summary The staff view of the space's resources.
 */
export class CoworkConsoleResources extends LitElement {
  static override styles = [consoleTheme, formStyles, groupedFormStyles, listStyles, resourceFormStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _resources: { state: true },
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
    _previewed: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _resources: Resource[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _editing: Editing;
  declare _draft: ResourceDraft | undefined;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  declare _stale: boolean;
  declare _busy: boolean;
  declare _removing: string | undefined;
  declare _announcement: string;
  /** The resource the preview shows, and how many saves it has seen (a new key re-creates the widget). */
  declare _previewed: { id: string; saves: number } | undefined;

  constructor() {
    super();
    this.locale = 'en';
    this._resources = [];
    this._loading = false;
    this._errors = {};
    this._stale = false;
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.ResourcesMessages {
    return pick(catalogues, this.locale);
  }

  get #space() {
    return this.connection?.state.space;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    this._loading = true;
    this._error = undefined;
    try {
      const resources: Resource[] = [];
      for await (const resource of paginate(listResources, connection.client, { path: { spaceId: connection.spaceId }, query: { limit: 100 } })) resources.push(resource);
      this._resources = resources;
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  #open(editing: Editing): void {
    this._editing = editing;
    this._draft = draftOf(editing?.kind === 'edit' ? editing.resource : undefined, (this.#space?.languages ?? []).slice(1), this.locale.startsWith('fr'));
    this._errors = {};
    this._formError = undefined;
    this._stale = false;
    this._previewed = editing?.kind === 'edit' ? { id: editing.resource.id, saves: 0 } : undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#resource-type')?.focus());
  }

  #close(): void {
    const edited = this._editing?.kind === 'edit' ? this._editing.resource.id : undefined;
    this._editing = undefined;
    this._draft = undefined;
    this._previewed = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(edited ? `[data-resource="${edited}"] .edit` : '.add')?.focus());
  }

  #replace(resource: Resource): void {
    this._resources = this._resources.some((r) => r.id === resource.id) ? this._resources.map((r) => (r.id === resource.id ? resource : r)) : [...this._resources, resource];
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const connection = this.connection!;
    const result = resourceBody(this._draft!, this.#space!.currency, m);
    if ('errors' in result) {
      this.#showErrors(result.errors);
      return;
    }
    const editing = this._editing!;
    this._busy = true;
    this._formError = undefined;
    this._stale = false;
    this._announcement = '';
    try {
      let saved: Resource;
      if (editing.kind === 'edit') {
        const path = { spaceId: connection.spaceId, resourceId: editing.resource.id };
        const outcome = await saveUnlessChanged(
          editing.resource,
          async () => (await getResource(connection.client, { path })).data,
          async (header) => (await updateResource(connection.client, { path, header, body: result.body })).data,
        );
        if ('current' in outcome) return this.#showCurrent(outcome.current);
        saved = outcome.saved;
      } else {
        saved = (await createResource(connection.client, { path: { spaceId: connection.spaceId }, body: result.body })).data;
      }
      this.#replace(saved);
      // The form stays open on the saved resource, beside its refreshed preview.
      this._editing = { kind: 'edit', resource: saved };
      this._draft = draftOf(saved, (this.#space?.languages ?? []).slice(1), this.locale.startsWith('fr'));
      this._errors = {};
      this._previewed = { id: saved.id, saves: (this._previewed?.saves ?? 0) + 1 };
      this._announcement = m.saved(saved.name);
    } catch (error) {
      const fields = bodyFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(fields);
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  /** The form on `current`, the resource as someone else saved it meanwhile, with the notice saying so (what was typed is replaced). */
  #showCurrent(current: Resource): void {
    this.#replace(current);
    this._editing = { kind: 'edit', resource: current };
    this._draft = draftOf(current, (this.#space?.languages ?? []).slice(1), this.locale.startsWith('fr'));
    this._errors = {};
    this._stale = true;
    this._previewed = { id: current.id, saves: (this._previewed?.saves ?? 0) + 1 };
  }


  /**
   * Before a change from the list: for a server without versions, whether `resource` changed
   * there meanwhile (then shown as it is now, with a message, and nothing is sent).
   */
  async #changedInList(resource: Resource): Promise<boolean> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId, resourceId: resource.id };
    const current = await changedWithoutVersion(resource, async () => (await getResource(connection.client, { path })).data);
    if (!current) return false;
    this.#replace(current);
    this._error = this.messages.staleInList(current.name);
    return true;
  }

  /** After a 412 on a change from the list: the resource as it is now, with a message (or the list again if it is gone). */
  async #refreshInList(resource: Resource): Promise<void> {
    const connection = this.connection!;
    try {
      const { data } = await getResource(connection.client, { path: { spaceId: connection.spaceId, resourceId: resource.id } });
      this.#replace(data);
      this._error = this.messages.staleInList(data.name);
    } catch {
      await this.#load();
      this._error = this.messages.staleInList(resource.name);
    }
  }

  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    const first = Object.keys(errors)[0] ?? '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`)?.focus());
  }

  async #setStatus(resource: Resource, status: Resource['status']): Promise<void> {
    const connection = this.connection!;
    this._busy = true;
    this._error = undefined;
    try {
      if (await this.#changedInList(resource)) return;
      const { data } = await updateResource(connection.client, { path: { spaceId: connection.spaceId, resourceId: resource.id }, header: ifMatch(resource), body: { status } });
      this.#replace(data);
      this._announcement = this.messages.saved(data.name);
    } catch (error) {
      if (isStale(error)) await this.#refreshInList(resource);
      else this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  async #remove(resource: Resource): Promise<void> {
    const connection = this.connection!;
    this._busy = true;
    this._error = undefined;
    try {
      if (await this.#changedInList(resource)) {
        this._removing = undefined;
        return;
      }
      await deleteResource(connection.client, { path: { spaceId: connection.spaceId, resourceId: resource.id }, header: ifMatch(resource) });
      this._resources = this._resources.filter((r) => r.id !== resource.id);
      this._announcement = this.messages.removed(resource.name);
      this._removing = undefined;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add')?.focus());
    } catch (error) {
      if (isStale(error)) {
        this._removing = undefined;
        await this.#refreshInList(resource);
      } else this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    return html`
      <section aria-labelledby="resources-heading">
        <div class="toolbar">
          <h2 id="resources-heading">${m.heading}</h2>
          ${this._editing ? nothing : html`<button class="button primary add" type="button" @click=${() => this.#open({ kind: 'new' })}>${m.add}</button>`}
        </div>
        <p class="muted">${m.intro}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this._editing
          ? this.#renderWorkspace()
          : this._loading && this._resources.length === 0
            ? html`<p class="muted">${m.loading}</p>`
            : this._resources.length === 0 && !this._error
              ? html`<p>${m.none}</p>`
              : html`<ul class="resources">
                  ${this._resources.map((resource) => this.#renderResource(resource))}
                </ul>`}
      </section>
    `;
  }

  #renderResource(resource: Resource) {
    const m = this.messages;
    const archived = resource.status === 'archived';
    const removing = this._removing === resource.id;
    return html`
      <li class="card ${archived ? 'is-archived' : ''}" data-resource=${resource.id}>
        <div class="head">
          <h3>${translated(resource, 'name', this.locale)}</h3>
          <span class="badge">${archived ? m.archived : m.active}</span>
        </div>
        <p class="muted">${m.types[resource.type] ?? resource.type} · ${m.summary(resource.capacity, resource.quantity)}</p>
        <p>${resource.bookableBy.length ? m.bookedBy(resource.bookableBy.map((a) => m.audienceShort[a] ?? a).join(', ')) : m.staffOnlyShort}</p>
        ${resource.offers.length
          ? html`<ul class="prices" aria-label=${m.offers}>
              ${resource.offers.map((offer) => html`<li>${formatMoney(offer.price, this.locale)} / ${m.offerUnits[offer.unit]} (${m.audienceShort[offer.audience]})${offer.label ? ` · ${offer.label}` : ''}</li>`)}
            </ul>`
          : nothing}
        ${removing
          ? confirmGroup({ label: m.remove, question: m.removeConfirm(resource.name), yes: m.removeYes, keep: m.keep, busy: this._busy, onYes: () => this.#remove(resource), onKeep: () => (this._removing = undefined), yesClass: 'confirm-remove' })
          : html`<div class="actions">
              <button class="button edit" type="button" @click=${() => this.#open({ kind: 'edit', resource })}>${m.edit}</button>
              <button class="button status" type="button" ?disabled=${this._busy} @click=${() => this.#setStatus(resource, archived ? 'active' : 'archived')}>${archived ? m.restore : m.archive}</button>
              <button class="button danger remove" type="button" @click=${() => (this._removing = resource.id)}>${m.remove}</button>
            </div>`}
      </li>
    `;
  }

  #renderWorkspace() {
    const m = this.messages;
    const editing = this._editing!;
    const connection = this.connection!;
    const ctx: FormContext = { m, locale: this.locale, currency: this.#space?.currency ?? 'EUR', draft: this._draft!, errors: this._errors, set: (patch) => (this._draft = { ...this._draft!, ...patch }) };
    const focusNewOffer = () => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#offer-${this._draft!.offers.length - 1}-audience`)?.focus());
    const previewed = this._previewed;
    return html`<div class="workspace">
      <form class="resource-form" novalidate aria-labelledby="resource-form-heading" @submit=${this.#submit}>
        <h3 id="resource-form-heading">${editing.kind === 'edit' ? m.editHeading(editing.resource.name) : m.newHeading}</h3>
        ${editing.kind === 'edit' && editing.resource.status === 'archived' ? html`<p class="muted">${m.archivedNote}</p>` : nothing}
        ${this._stale ? html`<p class="notice" role="alert">${m.stale}</p>` : nothing}
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        ${renderTexts(ctx)} ${renderRules(ctx)} ${renderOffers(ctx, focusNewOffer)} ${renderTranslations(ctx)}
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${editing.kind === 'edit' ? m.save : m.create}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#close()}>${m.cancel}</button>
        </div>
        ${this._announcement ? html`<p aria-hidden="true">${this._announcement}</p>` : nothing}
      </form>
      <aside class="preview" aria-labelledby="preview-heading">
        <h3 id="preview-heading">${m.preview}</h3>
        <p class="muted">${previewed ? m.previewNote : m.previewNone}</p>
        ${previewed
          ? keyed(`${previewed.id}:${previewed.saves}`, html`<cowork-booking api=${connection.api} space=${connection.spaceId} resource=${previewed.id} lang=${this.locale}></cowork-booking>`)
          : nothing}
      </aside>
    </div>`;
  }
}
