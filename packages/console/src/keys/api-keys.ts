import { isApiError, listApiKeys, revokeApiKey, type components } from '@coworking-commons/client';
import { describeError, formatDate, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { copySecret } from '../forms/copy-secret.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import { loadError } from '../shell/templates.ts';
import { keysStyles } from './keys.styles.ts';
import * as catalogues from './messages.ts';

type ApiKey = components['schemas']['ApiKey'];
type ApiKeyCreated = components['schemas']['ApiKeyCreated'];

/**
 * The space's API keys, for admins: name, prefix, scopes, expiry and last use, newest first, a
 * page at a time; a new key (`<cowork-console-key-form>`) whose secret is shown once, with a copy
 * button; a key revoked after a confirmation.
 *
 * @summary The API keys section of the staff console.
 */
export class CoworkConsoleApiKeys extends LitElement {
  static override styles = [consoleTheme, formStyles, keysStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _keys: { state: true },
    _next: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _creating: { state: true },
    _secret: { state: true },
    _copyNote: { state: true },
    _revoking: { state: true },
    _revokeError: { state: true },
    _notice: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _keys: ApiKey[];
  declare _next: string | undefined;
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _creating: boolean;
  /** The key just created, the only time its secret is known. */
  declare _secret: ApiKeyCreated | undefined;
  declare _copyNote: string;
  /** The id of the key whose revocation waits for confirmation. */
  declare _revoking: string | undefined;
  declare _revokeError: string | undefined;
  declare _notice: string;

  constructor() {
    super();
    this.locale = 'en';
    this._keys = [];
    this._loading = false;
    this._creating = false;
    this._copyNote = '';
    this._notice = '';
  }

  get messages(): catalogues.KeysMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load(false);
  }

  async #load(more: boolean): Promise<void> {
    const connection = this.connection!;
    this._loading = true;
    this._error = undefined;
    try {
      const { data } = await listApiKeys(connection.client, { path: { spaceId: connection.spaceId }, query: { limit: 50, ...(more && this._next ? { cursor: this._next } : {}) } });
      this._keys = more ? [...this._keys, ...data.items] : data.items;
      this._next = data.nextCursor ?? undefined;
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
  }

  #created(key: ApiKeyCreated): void {
    const { secret: _, ...listed } = key;
    this._keys = [listed, ...this._keys];
    this._secret = key;
    this._creating = false;
    this._copyNote = '';
    this._notice = '';
    void this.#focus('#secret-heading');
  }

  async #copy(): Promise<void> {
    this._copyNote = await copySecret(this._secret!.secret, this.renderRoot.querySelector<HTMLInputElement>('#secret'), this.messages);
  }

  async #revoke(key: ApiKey): Promise<void> {
    const m = this.messages;
    const connection = this.connection!;
    this._revokeError = undefined;
    try {
      await revokeApiKey(connection.client, { path: { spaceId: connection.spaceId, apiKeyId: key.id } });
      this._keys = this._keys.filter((k) => k.id !== key.id);
      this._revoking = undefined;
      this._notice = m.revoked(key.name);
      void this.#focus('#keys-heading');
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        this._keys = this._keys.filter((k) => k.id !== key.id);
        this._revoking = undefined;
        this._notice = m.gone;
      } else this._revokeError = describeError(error).message;
    }
  }

  protected override render() {
    const m = this.messages;
    return html`<section aria-labelledby="keys-heading">
      <div class="toolbar">
        <h2 id="keys-heading" tabindex="-1">${m.heading}</h2>
        ${this._creating
          ? nothing
          : html`<button id="key-create" class="button primary" type="button" @click=${() => {
              this._creating = true;
              this._secret = undefined;
              void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('cowork-console-key-form')?.focus());
            }}>${m.create}</button>`}
      </div>
      <p class="muted intro">${m.intro}</p>
      <p class="notice" role="status" aria-live="polite">${this._notice}</p>
      ${this._creating
        ? html`<cowork-console-key-form
            .connection=${this.connection}
            locale=${this.locale}
            @cowork-close=${() => {
              this._creating = false;
              void this.#focus('#key-create');
            }}
            @cowork-key-created=${(event: CustomEvent<ApiKeyCreated>) => this.#created(event.detail)}
          ></cowork-console-key-form>`
        : nothing}
      ${this._secret ? this.#renderSecret(this._secret) : nothing}
      ${loadError(this._error, m.retry, () => this.#load(false))}
      ${this._loading && this._keys.length === 0 ? html`<p class="muted">${m.loading}</p>` : this.#renderKeys()}
    </section>`;
  }

  #renderSecret(key: ApiKeyCreated) {
    const m = this.messages;
    return html`<section class="secret" aria-labelledby="secret-heading">
      <h3 id="secret-heading" tabindex="-1">${m.secretHeading(key.name)}</h3>
      <p class="warning" id="secret-warning"><strong>${m.secretWarning}</strong></p>
      <label for="secret">${m.secretLabel}</label>
      <input id="secret" class="mono" readonly .value=${key.secret} aria-describedby="secret-warning" @focus=${(event: Event) => (event.currentTarget as HTMLInputElement).select()} />
      <div class="actions">
        <button class="button primary" type="button" @click=${() => this.#copy()}>${m.copy}</button>
        <button class="button" type="button" @click=${() => {
          this._secret = undefined;
          void this.#focus('#key-create');
        }}>${m.stored}</button>
      </div>
      <p role="status" aria-live="polite">${this._copyNote}</p>
    </section>`;
  }

  #renderKeys() {
    const m = this.messages;
    if (this._keys.length === 0) return html`<p class="muted">${m.none}</p>`;
    const o = { locale: this.locale, timeZone: this.connection?.state.space?.timeZone ?? 'UTC' };
    const when = (instant: string | undefined, otherwise: string) => (instant ? formatDate(instant, o, 'long') : otherwise);
    return html`<ul class="keys">
        ${this._keys.map(
          (key) => html`<li class="card" data-key=${key.id}>
            <h3 class="key-name">${key.name}</h3>
            <dl>
              <div><dt>${m.prefix}</dt><dd class="mono">${key.prefix}…</dd></div>
              <div><dt>${m.scopes}</dt><dd>${key.scopes.map((s) => m.scopeNames[s] ?? s).join(', ')}</dd></div>
              <div><dt>${m.created}</dt><dd>${when(key.createdAt, '')}</dd></div>
              <div><dt>${m.expires}</dt><dd>${key.expiresAt ? formatDate(Date.parse(key.expiresAt) - 1, o, 'long') : m.never}</dd></div>
              <div><dt>${m.lastUsed}</dt><dd>${when(key.lastUsedAt, m.neverUsed)}</dd></div>
            </dl>
            ${this._revoking === key.id
              ? html`<div class="confirm" role="group" aria-labelledby="revoke-${key.id}">
                  <p id="revoke-${key.id}" tabindex="-1"><strong>${m.revokeHeading(key.name)}</strong></p>
                  <p>${m.revokeText}</p>
                  ${this._revokeError ? html`<p class="field-error" role="alert">${this._revokeError}</p>` : nothing}
                  <div class="actions">
                    <button class="button danger" type="button" @click=${() => this.#revoke(key)}>${m.revokeConfirm}</button>
                    <button class="button" type="button" @click=${() => {
                      this._revoking = undefined;
                      void this.#focus(`li[data-key="${key.id}"] .revoke`);
                    }}>${m.keep}</button>
                  </div>
                </div>`
              : html`<div class="actions"><button class="button danger revoke" type="button" @click=${() => {
                  this._revoking = key.id;
                  this._revokeError = undefined;
                  void this.#focus(`#revoke-${key.id}`);
                }}>${m.revoke}</button></div>`}
          </li>`,
        )}
      </ul>
      ${this._next ? html`<button class="button more" type="button" ?disabled=${this._loading} @click=${() => this.#load(true)}>${m.more}</button>` : nothing}`;
  }
}
