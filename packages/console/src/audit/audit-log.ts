import { listApiKeys, listAuditLog, listMembers, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatTime, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import { loadError } from '../shell/templates.ts';
import { auditQuery, checkFilters, noFilters, type AuditFilters } from './audit-filters.ts';
import { auditStyles } from './audit-log.styles.ts';
import * as catalogues from './messages.ts';

type AuditEntry = components['schemas']['AuditEntry'];
type AuditResourceType = components['schemas']['AuditResourceType'];
type Actor = { id: string; name: string; kind: 'person' | 'apiKey' };

const kinds: AuditResourceType[] = ['space', 'resource', 'booking', 'member', 'plan', 'event', 'registration', 'apiKey'];
/** What the log writes in place of a person's personal data (schemas/audit-log.yaml AuditValues). */
const personalData = '(personal data)';

/**
 * The space's audit log, for admins: who (a person or an API key, by name), when, which
 * operation, which object, and each changed field before → after; filtered by who, kind of
 * object and days; older entries a page at a time.
 *
 * @summary The audit log section of the staff console.
 */
export class CoworkConsoleAuditLog extends LitElement {
  static override styles = [consoleTheme, auditStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _filters: { state: true },
    _errors: { state: true },
    _entries: { state: true },
    _next: { state: true },
    _actors: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _filters: AuditFilters;
  declare _errors: Partial<Record<'from' | 'to', string>>;
  declare _entries: AuditEntry[];
  declare _next: string | undefined;
  /** The space's staff, admins and keys, to name the actors and filter by them. */
  declare _actors: Actor[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _announcement: string;
  #generation = 0;

  constructor() {
    super();
    this.locale = 'en';
    this._filters = { ...noFilters };
    this._errors = {};
    this._entries = [];
    this._actors = [];
    this._loading = false;
    this._announcement = '';
  }

  get messages(): catalogues.AuditMessages {
    return pick(catalogues, this.locale);
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) {
      void this.#loadActors();
      void this.#load(false);
    }
  }

  async #loadActors(): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId };
    try {
      const [staff, admins, keys] = await Promise.all([
        listMembers(connection.client, { path, query: { role: 'staff', limit: 100 } }),
        listMembers(connection.client, { path, query: { role: 'admin', limit: 100 } }),
        listApiKeys(connection.client, { path, query: { limit: 100 } }),
      ]);
      const people = [...staff.data.items, ...admins.data.items].map((p): Actor => ({ id: p.id, name: p.displayName, kind: 'person' }));
      this._actors = [...people.sort((a, b) => a.name.localeCompare(b.name, this.locale)), ...keys.data.items.map((k): Actor => ({ id: k.id, name: k.name, kind: 'apiKey' }))];
    } catch {
      // Without names the log still shows who by id.
    }
  }

  async #load(more: boolean): Promise<void> {
    const connection = this.connection!;
    const generation = ++this.#generation;
    this._loading = true;
    this._error = undefined;
    try {
      const { data } = await listAuditLog(connection.client, {
        path: { spaceId: connection.spaceId },
        query: { limit: 25, ...auditQuery(this._filters, this.#timeZone), ...(more && this._next ? { cursor: this._next } : {}) },
      });
      if (generation !== this.#generation) return;
      this._entries = more ? [...this._entries, ...data.items] : data.items;
      this._next = data.nextCursor ?? undefined;
      this._announcement = this.messages.count(this._entries.length, this._next !== undefined);
    } catch (error) {
      if (generation === this.#generation) this._error = describeError(error).message;
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }

  async #filter(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const problems = checkFilters(this._filters);
    this._errors = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, m[problem]]));
    if (Object.keys(problems).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.#load(false);
  }

  async #more(): Promise<void> {
    const count = this._entries.length;
    await this.#load(true);
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.entry h3')[count]?.focus();
  }

  #set(field: keyof AuditFilters, value: string): void {
    this._filters = { ...this._filters, [field]: value };
  }

  #who(entry: AuditEntry): string {
    const actor = this._actors.find((a) => a.id === entry.actor.id);
    if (entry.actor.type === 'apiKey') return this.messages.byKey(actor?.name ?? entry.actor.id);
    return actor?.name ?? entry.actor.id;
  }

  #value(value: unknown, present: boolean): string {
    const m = this.messages;
    if (!present) return m.absent;
    if (value === personalData) return m.personalData;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  protected override render() {
    const m = this.messages;
    const f = this._filters;
    const e = this._errors;
    const people = this._actors.filter((a) => a.kind === 'person');
    const keys = this._actors.filter((a) => a.kind === 'apiKey');
    const input = (field: keyof AuditFilters) => (event: Event) => this.#set(field, (event.currentTarget as HTMLInputElement | HTMLSelectElement).value);
    return html`<section aria-labelledby="audit-heading">
      <h2 id="audit-heading">${m.heading}</h2>
      <p class="muted intro">${m.intro}</p>
      <form class="filters" novalidate @submit=${this.#filter}>
        <div class="field">
          <label for="audit-actor">${m.actor}</label>
          <select id="audit-actor" .value=${live(f.actorId)} @change=${input('actorId')}>
            <option value="">${m.anyone}</option>
            ${people.length ? html`<optgroup label=${m.people}>${people.map((a) => html`<option value=${a.id} ?selected=${f.actorId === a.id}>${a.name}</option>`)}</optgroup>` : nothing}
            ${keys.length ? html`<optgroup label=${m.keys}>${keys.map((a) => html`<option value=${a.id} ?selected=${f.actorId === a.id}>${a.name}</option>`)}</optgroup>` : nothing}
          </select>
        </div>
        <div class="field">
          <label for="audit-kind">${m.kind}</label>
          <select id="audit-kind" .value=${live(f.resourceType)} @change=${input('resourceType')}>
            <option value="">${m.anyKind}</option>
            ${kinds.map((kind) => html`<option value=${kind} ?selected=${f.resourceType === kind}>${m.kinds[kind]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-from">${m.from}</label>
          <input id="audit-from" type="date" .value=${live(f.from)} aria-invalid=${e.from ? 'true' : 'false'} aria-describedby=${e.from ? 'audit-from-error' : nothing} @input=${input('from')} />
          ${e.from ? html`<p class="field-error" id="audit-from-error">${e.from}</p>` : nothing}
        </div>
        <div class="field">
          <label for="audit-to">${m.to}</label>
          <input id="audit-to" type="date" .value=${live(f.to)} aria-invalid=${e.to ? 'true' : 'false'} aria-describedby=${e.to ? 'audit-to-error' : nothing} @input=${input('to')} />
          ${e.to ? html`<p class="field-error" id="audit-to-error">${e.to}</p>` : nothing}
        </div>
        <div class="field submit"><button class="button primary" type="submit">${m.filter}</button></div>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
      ${loadError(this._error, m.retry, () => this.#load(false))}
      ${this._loading && this._entries.length === 0 ? html`<p class="muted">${m.loading}</p>` : this.#renderEntries()}
    </section>`;
  }

  #renderEntries() {
    const m = this.messages;
    if (this._entries.length === 0) return html`<p class="muted">${m.none}</p>`;
    const o = { locale: this.locale, timeZone: this.#timeZone };
    return html`<ol class="entries">
        ${this._entries.map((entry) => {
          const before = (entry.before ?? {}) as Record<string, unknown>;
          const after = (entry.after ?? {}) as Record<string, unknown>;
          const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
          const object = `${m.kinds[entry.resourceType] ?? entry.resourceType} ${entry.resourceId}`;
          return html`<li class="entry" data-entry=${entry.id}>
            <h3 tabindex="-1"><span class="op mono">${entry.operationId}</span> <span class="object">${object}</span></h3>
            <p class="meta"><time datetime=${entry.at}>${formatDate(entry.at, o, 'medium')} ${formatTime(entry.at, o)}</time> · <span class="who">${this.#who(entry)}</span></p>
            ${!entry.before ? html`<p class="muted">${m.created}</p>` : !entry.after ? html`<p class="muted">${m.deleted}</p>` : nothing}
            ${fields.length > 0
              ? html`<div class="changes" role="region" tabindex="0" aria-label=${m.changesOf(entry.operationId, object)}>
                  <table>
                    ${entry.before && entry.after
                      ? html`<thead><tr><th scope="col">${m.field}</th><th scope="col">${m.before}</th><th scope="col"><span class="visually-hidden">→ </span>${m.after}</th></tr></thead>
                          <tbody>
                            ${fields.map(
                              (field) => html`<tr>
                                <th scope="row" class="mono">${field}</th>
                                <td class="before">${this.#value(before[field], field in before)}</td>
                                <td class="after"><span aria-hidden="true">→ </span>${this.#value(after[field], field in after)}</td>
                              </tr>`,
                            )}
                          </tbody>`
                      : html`<thead><tr><th scope="col">${m.field}</th><th scope="col">${entry.after ? m.after : m.before}</th></tr></thead>
                          <tbody>
                            ${fields.map((field) => {
                              const values = entry.after ? after : before;
                              return html`<tr><th scope="row" class="mono">${field}</th><td>${this.#value(values[field], field in values)}</td></tr>`;
                            })}
                          </tbody>`}
                  </table>
                </div>`
              : nothing}
          </li>`;
        })}
      </ol>
      ${this._next ? html`<button class="button more" type="button" ?disabled=${this._loading} @click=${() => this.#more()}>${m.more}</button>` : nothing}`;
  }
}
