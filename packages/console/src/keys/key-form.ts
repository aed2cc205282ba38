import { createApiKey, type components } from '@coworking-commons/client';
import { describeError, localDate, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { pick } from '../i18n/messages.ts';
import { topLevelFieldErrors } from '../forms/field-errors.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import { allScopes, checkKey, expiresAt, type KeyDraft, type Scope } from './key-draft.ts';
import { keysStyles } from './keys.styles.ts';
import * as catalogues from './messages.ts';

type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
type Field = 'name' | 'scopes' | 'expiresAt';

/**
 * The form that creates an API key: its name, its scopes (checkboxes, `read` ticked to start
 * with) and the last day it works. A refused request keeps what was typed and says what is wrong
 * under each field.
 *
 * @summary New API key, in the staff console.
 * @event cowork-key-created - The key was created; `detail` is the key with its secret.
 * @event cowork-close - The person cancelled.
 */
export class CoworkConsoleKeyForm extends LitElement {
  static override styles = [consoleTheme, formStyles, keysStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _draft: { state: true },
    _errors: { state: true },
    _message: { state: true },
    _busy: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _draft: KeyDraft;
  declare _errors: Partial<Record<Field, string>>;
  declare _message: string | undefined;
  declare _busy: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this._draft = { name: '', scopes: ['read'], expiry: '' };
    this._errors = {};
    this._busy = false;
  }

  get messages(): catalogues.KeysMessages {
    return pick(catalogues, this.locale);
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#key-name')?.focus();
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('.form-error'))?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const connection = this.connection!;
    const draft = this._draft;
    const problems = checkKey(draft, localDate(new Date(), this.#timeZone));
    this._errors = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, m.problems[problem]]));
    this._message = Object.keys(problems).length > 0 ? m.fixFields : undefined;
    if (this._message) return this.#focusFirstError();
    this._busy = true;
    try {
      const body = { name: draft.name.trim(), scopes: allScopes.filter((s) => draft.scopes.includes(s)), ...(draft.expiry ? { expiresAt: expiresAt(draft.expiry, this.#timeZone).toISOString() } : {}) };
      const { data } = await createApiKey(connection.client, { path: { spaceId: connection.spaceId }, body });
      this._draft = { name: '', scopes: ['read'], expiry: '' };
      this.dispatchEvent(new CustomEvent<ApiKeyCreated>('cowork-key-created', { detail: data, bubbles: true, composed: true }));
    } catch (error) {
      const fields = topLevelFieldErrors(error);
      this._errors = Object.fromEntries(Object.entries(fields).map(([field, detail]) => [field, m.serverSays(detail)]));
      this._message = Object.keys(fields).length > 0 ? m.fixFields : describeError(error).message;
      await this.#focusFirstError();
    } finally {
      this._busy = false;
    }
  }

  #toggle(scope: Scope, on: boolean): void {
    const scopes = on ? [...this._draft.scopes, scope] : this._draft.scopes.filter((s) => s !== scope);
    this._draft = { ...this._draft, scopes };
  }

  protected override render() {
    const m = this.messages;
    const e = this._errors;
    const draft = this._draft;
    return html`<section class="panel" aria-labelledby="key-form-heading">
      <h3 id="key-form-heading">${m.createHeading}</h3>
      ${this._message ? html`<p class="form-error" role="alert" tabindex="-1">${this._message}</p>` : nothing}
      <form novalidate @submit=${this.#submit}>
        <div class="field">
          <label for="key-name">${m.name}</label>
          <input
            id="key-name"
            name="name"
            required
            maxlength="100"
            autocomplete="off"
            .value=${live(draft.name)}
            aria-invalid=${e.name ? 'true' : 'false'}
            aria-describedby="key-name-hint${e.name ? ' key-name-error' : ''}"
            @input=${(event: Event) => (this._draft = { ...this._draft, name: (event.currentTarget as HTMLInputElement).value })}
          />
          <p class="hint muted" id="key-name-hint">${m.nameHint}</p>
          ${e.name ? html`<p class="field-error" id="key-name-error">${e.name}</p>` : nothing}
        </div>
        <fieldset class="field scopes" aria-describedby=${e.scopes ? 'key-scopes-error' : nothing}>
          <legend>${m.scopes}</legend>
          ${allScopes.map(
            (scope, i) => html`<div class="check">
              <input
                type="checkbox"
                id="key-scope-${scope}"
                name="scopes"
                value=${scope}
                .checked=${live(draft.scopes.includes(scope))}
                aria-invalid=${e.scopes && i === 0 ? 'true' : 'false'}
                @change=${(event: Event) => this.#toggle(scope, (event.currentTarget as HTMLInputElement).checked)}
              />
              <label for="key-scope-${scope}">${m.scopeNames[scope]} <span class="muted">— ${m.scopeHints[scope]}</span></label>
            </div>`,
          )}
          ${e.scopes ? html`<p class="field-error" id="key-scopes-error">${e.scopes}</p>` : nothing}
        </fieldset>
        <div class="field">
          <label for="key-expiry">${m.expiry}</label>
          <input
            id="key-expiry"
            name="expiry"
            type="date"
            .value=${live(draft.expiry)}
            aria-invalid=${e.expiresAt ? 'true' : 'false'}
            aria-describedby="key-expiry-hint${e.expiresAt ? ' key-expiry-error' : ''}"
            @input=${(event: Event) => (this._draft = { ...this._draft, expiry: (event.currentTarget as HTMLInputElement).value })}
          />
          <p class="hint muted" id="key-expiry-hint">${m.expiryHint}</p>
          ${e.expiresAt ? html`<p class="field-error" id="key-expiry-error">${e.expiresAt}</p>` : nothing}
        </div>
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${m.send}</button>
          <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('cowork-close', { bubbles: true, composed: true }))}>${m.cancel}</button>
        </div>
      </form>
    </section>`;
  }
}
