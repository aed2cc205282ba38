import { getMe, type components } from '@coworking-commons/client';
import { activateLocale, connect, describeError, type Connection } from '@coworking-commons/elements';
import '@coworking-commons/elements/sign-in/define';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { browserLanguage, messagesFor, type Messages } from '../i18n/messages.ts';
import { connectionSettings, saveConnectionSettings, type ConnectionSettings } from '../settings/connection-settings.ts';
import { consoleTheme } from './console.styles.ts';
import { loadError } from './templates.ts';
import { sectionsFor } from './sections.ts';
import { shellStyles } from './console-app.styles.ts';

type Member = components['schemas']['Member'];
type Role = NonNullable<Member['role']>;

/**
 * The staff console of one space: the connection to a server that implements the spec (its URL
 * and the space are the only settings), the staff person's sign-in with a one-time code, then
 * the console's sections. French or English as the browser prefers (`lang` overrides it).
 *
 * @summary The staff console application.
 * @attr api - The API's URL; defaults to the one saved in this browser, else this page's origin.
 * @attr space - The space's id; defaults to the one saved in this browser.
 * @attr lang - `en` or `fr`; defaults to the browser's preferred language.
 */
export class CoworkConsole extends LitElement {
  static override styles = [consoleTheme, shellStyles];
  static override properties = {
    api: { type: String },
    space: { type: String },
    lang: { type: String, reflect: true },
    _settings: { state: true },
    _me: { state: true },
    _meError: { state: true },
    _editing: { state: true },
    _formErrors: { state: true },
    _section: { state: true },
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare lang: string;
  declare _settings: ConnectionSettings | undefined;
  declare _me: Member | undefined;
  declare _meError: string | undefined;
  declare _editing: boolean;
  declare _formErrors: { api?: string; space?: string };
  /** The section the address names (`#members`); the first one when it names none. */
  declare _section: string;
  #connection: Connection | undefined;
  #off: (() => void)[] = [];

  constructor() {
    super();
    this.lang = browserLanguage();
    this._editing = false;
    this._formErrors = {};
    this._section = location.hash.slice(1);
  }

  #onHashChange = () => {
    this._section = location.hash.slice(1);
  };

  get #messages(): Messages {
    return messagesFor(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void activateLocale(this.lang);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#off.forEach((off) => off());
    this.#off = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) {
      void activateLocale(this.lang);
      document.documentElement.lang = this.lang;
      document.title = this.#messages.title;
    }
    if (changed.has('api') || changed.has('space') || this._settings === undefined) {
      const settings = connectionSettings({ api: this.api, space: this.space, origin: location.origin });
      if (settings && (settings.api !== this._settings?.api || settings.space !== this._settings?.space)) this.#use(settings);
      else if (!settings) this._editing = true;
    }
  }

  #use(settings: ConnectionSettings): void {
    this.#off.forEach((off) => off());
    this._settings = settings;
    this._me = undefined;
    this._meError = undefined;
    const connection = connect({ api: settings.api, spaceId: settings.space });
    this.#connection = connection;
    connection.load();
    this.#off = [
      connection.subscribe(() => this.requestUpdate()),
      connection.session.subscribe((change) => {
        this._me = undefined;
        if (change.signedIn) void this.#loadMe();
      }),
    ];
    if (connection.session.signedIn) void this.#loadMe();
  }

  async #loadMe(): Promise<void> {
    const connection = this.#connection!;
    this._meError = undefined;
    try {
      this._me = (await getMe(connection.client, { path: { spaceId: connection.spaceId } })).data;
    } catch (error) {
      this._meError = describeError(error).message;
    }
  }

  #submitSettings(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement).value ?? '').trim();
    const api = value('api').replace(/\/+$/, '');
    const space = value('space');
    const errors: { api?: string; space?: string } = {};
    if (!/^https?:\/\/[^\s/]+/.test(api)) errors.api = this.#messages.invalidUrl;
    if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(space)) errors.space = this.#messages.invalidSpace;
    this._formErrors = errors;
    if (errors.api || errors.space) {
      (form.querySelector<HTMLInputElement>(errors.api ? '#api' : '#space'))?.focus();
      return;
    }
    saveConnectionSettings({ api, space });
    this._editing = false;
    this.#use({ api, space });
  }

  protected override render() {
    const m = this.#messages;
    const connection = this.#connection;
    const spaceName = connection?.state.space?.name;
    return html`
      <header class="top">
        <div class="brand">
          <span class="product">${m.title}</span>
          ${spaceName ? html`<span class="space">${spaceName}</span>` : nothing}
        </div>
        ${this.#renderWho()}
      </header>
      <main>${this.#renderMain()}</main>
    `;
  }

  #renderWho() {
    const m = this.#messages;
    const me = this._me;
    if (!me || !this.#connection?.session.signedIn) return nothing;
    const role: Role = me.role ?? 'member';
    return html`<div class="who">
      <span>${me.displayName}</span>
      ${role === 'member' ? nothing : html`<span class="role">${role === 'admin' ? m.roleAdmin : m.roleStaff}</span>`}
      <button class="button" type="button" @click=${() => this.#connection?.session.signOut()}>${m.signOut}</button>
    </div>`;
  }

  #renderMain() {
    const m = this.#messages;
    const connection = this.#connection;
    if (this._editing || !connection || !this._settings) return this.#renderSettings();
    if (!connection.session.signedIn) {
      return html`<section class="sign-in" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">${m.signInHeading}</h1>
        <p class="muted">${m.signInIntro}</p>
        <cowork-sign-in api=${this._settings.api} space=${this._settings.space} heading="" lang=${this.lang}></cowork-sign-in>
        <p><button class="link" type="button" @click=${() => (this._editing = true)}>${m.connectedTo(this._settings.api, this._settings.space)}</button></p>
      </section>`;
    }
    if (this._meError) {
      return loadError(this._meError, m.retry, () => this.#loadMe());
    }
    const me = this._me;
    if (!me || !connection.state.space) return html`<p class="muted">${m.loading}</p>`;
    if ((me.role ?? 'member') === 'member') {
      return html`<div class="notice" role="alert"><p>${m.notStaff(me.displayName)}</p></div>`;
    }
    const role = me.role === 'admin' ? 'admin' : 'staff';
    const sections = sectionsFor(role);
    const current = sections.find((section) => section.id === this._section) ?? sections[0];
    if (!current) return nothing;
    const lang = this.lang.startsWith('fr') ? 'fr' : 'en';
    return html`
      <nav aria-label=${m.navigation}>
        <ul>
          ${sections.map((section) => html`<li><a href="#${section.id}" aria-current=${section === current ? 'page' : nothing}>${section.label[lang]}</a></li>`)}
        </ul>
      </nav>
      <div class="section" id="section-${current.id}">
        <h1 class="visually-hidden">${current.label[lang]}</h1>
        ${current.render({ connection, lang, role })}
      </div>
    `;
  }

  #renderSettings() {
    const m = this.#messages;
    const settings = this._settings ?? connectionSettings({ api: this.api, space: this.space, origin: location.origin });
    const errors = this._formErrors;
    return html`<section class="settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">${m.settings}</h1>
      <p class="muted">${m.settingsIntro}</p>
      <form novalidate @submit=${this.#submitSettings}>
        <div class="field">
          <label for="api">${m.apiUrl}</label>
          <input id="api" name="api" type="url" inputmode="url" autocomplete="url" required .value=${settings?.api ?? location.origin} aria-invalid=${errors.api ? 'true' : 'false'} aria-describedby=${errors.api ? 'api-error' : nothing} />
          ${errors.api ? html`<p class="field-error" id="api-error">${errors.api}</p>` : nothing}
        </div>
        <div class="field">
          <label for="space">${m.spaceId}</label>
          <input id="space" name="space" required autocapitalize="none" spellcheck="false" .value=${settings?.space ?? ''} aria-invalid=${errors.space ? 'true' : 'false'} aria-describedby=${errors.space ? 'space-error' : nothing} />
          ${errors.space ? html`<p class="field-error" id="space-error">${errors.space}</p>` : nothing}
        </div>
        <button class="button primary" type="submit">${m.connect}</button>
      </form>
    </section>`;
  }
}
