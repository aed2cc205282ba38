import { msg, str } from '@lit/localize';
import { createToken, requestSignInCode } from '@coworking-commons/client';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { SpaceController } from '../controllers/space-controller.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { formatTime } from '../localization/format.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import type { Session } from '../session/session.ts';
import { describeError, problemOf, type ErrorInfo } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { renderNotConfigured, stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';
import { signInStyles } from './sign-in.styles.ts';
import messages from '../localization/generated/sign-in.ts';

useMessages(messages);

type Step = 'email' | 'code';
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Signs a member in with a one-time code sent by email: email → code → signed in. Shows who is
 * signed in, with a sign-out button. Works on its own (`api` and `space` attributes) or inside a
 * `<cowork-space>`, and inside other elements' flows (the booking widget embeds it).
 *
 * @summary Sign-in of a member with an emailed one-time code.
 * @attr api - The API base URL (when not inside a `<cowork-space>`).
 * @attr space - The space id (when not inside a `<cowork-space>`).
 * @attr storage - Where the token is kept: `session` (default) or `memory`.
 * @attr heading - The heading text; defaults to "Sign in". An empty value shows no heading.
 * @attr theme - `light` or `dark` to override the visitor's preference.
 * @attr lang - The language (`en`, `fr`); defaults to the nearest ancestor's, then the page's.
 * @event cowork-signed-in - The member signed in. `detail: { member, expiresAt, spaceId }`.
 * @event cowork-signed-out - The member signed out with this element's button (`reason: 'user'`). When the server stops accepting the token, the `<cowork-space>` (or the first element using that API and space) dispatches it with `reason: 'expired'`. `detail: { member, reason, spaceId }`.
 * @event cowork-error - A request failed. `detail: { operation, kind, message, problem, error }`.
 * @csspart base - The container.
 * @csspart heading - The heading.
 * @csspart form - The email form and the code form.
 * @csspart input - The email and code inputs.
 * @csspart submit-button - The button that sends the email or the code.
 * @csspart error - An error message.
 * @csspart signed-in - The signed-in summary.
 * @csspart sign-out-button - The sign-out button.
 * @cssprop --cowork-color-accent - The main buttons' colour.
 * @cssprop --cowork-color-surface - The background.
 * @cssprop --cowork-color-text - The text colour.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-danger - Errors.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-radius - Corner radius.
 */
export class CoworkSignIn extends LitElement {
  static override styles = [themeStyles, controlStyles, stateStyles, signInStyles];
  static override properties = {
    api: { type: String },
    space: { type: String },
    storage: { type: String },
    heading: { type: String },
    theme: { type: String, reflect: true },
    fetch: { attribute: false },
    _step: { state: true },
    _email: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _fieldError: { state: true },
    _expiresAt: { state: true },
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare heading: string | undefined;
  declare theme: string | undefined;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  declare fetch: typeof fetch | undefined;
  declare _step: Step;
  declare _email: string;
  declare _busy: boolean;
  /** An error shown above the form (network, rate limit, server). */
  declare _error: ErrorInfo | undefined;
  /** An error about the field itself (invalid email, wrong code). */
  declare _fieldError: string | undefined;
  declare _expiresAt: string | undefined;

  #space = new SpaceController(this);
  #locale = new LocaleController(this);
  #live = new LiveRegion(this);
  #session: Session | undefined;
  #unsubscribe: (() => void) | undefined;
  #focusAfterUpdate: string | undefined;

  constructor() {
    super();
    this._step = 'email';
    this._email = '';
    this._busy = false;
  }

  /** Moves the focus into the element: the field of the current step, or the sign-out button. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLElement>('input, [part~="sign-out-button"]') ?? this).focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#space.needSpace();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#session = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const session = this.#space.session;
    if (session !== this.#session) {
      this.#unsubscribe?.();
      this.#session = session;
      // Signed out elsewhere (another element, or the token expired: the connection tells the page).
      this.#unsubscribe = session?.subscribe((change) => {
        if (!change.signedIn) this._step = 'email';
      });
    }
  }

  protected override updated(): void {
    if (this.#focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterUpdate)?.focus();
      this.#focusAfterUpdate = undefined;
    }
  }

  #language(): string | undefined {
    const languages = this.#space.space?.languages ?? [];
    const wanted = this.#locale.locale;
    return languages.find((tag) => tag.toLowerCase().split('-')[0] === wanted);
  }

  async #sendCode(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this._busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#email');
    const email = (input?.value ?? this._email).trim();
    this._email = email;
    this._error = undefined;
    if (!emailPattern.test(email)) {
      this._fieldError = email ? msg('Enter an email address such as name@example.org.') : msg('Enter your email address.');
      this.#focusAfterUpdate = '#email';
      return;
    }
    this._fieldError = undefined;
    const client = this.#space.client;
    const spaceId = this.#space.spaceId;
    if (!client || !spaceId) return;
    this._busy = true;
    try {
      const language = this.#language();
      const { data } = await requestSignInCode(client, { path: { spaceId }, body: language ? { email, language } : { email } });
      this._expiresAt = data.expiresAt;
      const wasCode = this._step === 'code';
      this._step = 'code';
      this.#focusAfterUpdate = '#code';
      this.#live.announce(wasCode ? msg(str`A new code is on its way to ${email}.`) : msg(str`If ${email} belongs to a member, a 6-digit code is on its way. Enter it below.`));
    } catch (error) {
      this.#fail(error, 'requestSignInCode', '#email');
    } finally {
      this._busy = false;
    }
  }

  async #verify(event: Event): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    const code = (input?.value ?? '').replace(/\s+/g, '');
    this._error = undefined;
    if (!/^[0-9]{6}$/.test(code)) {
      this._fieldError = msg('Enter the 6 digits of the code from the email.');
      this.#focusAfterUpdate = '#code';
      return;
    }
    this._fieldError = undefined;
    const client = this.#space.client;
    const spaceId = this.#space.spaceId;
    const session = this.#space.session;
    if (!client || !spaceId || !session) return;
    this._busy = true;
    try {
      const { data } = await createToken(client, { path: { spaceId }, body: { email: this._email, code } });
      session.signIn(data);
      this._step = 'email';
      this.#focusAfterUpdate = '[part~="sign-out-button"]';
      this.#live.announce(msg(str`You are signed in as ${data.member.displayName}.`));
      dispatchCowork(this, 'cowork-signed-in', { member: data.member, expiresAt: data.expiresAt, spaceId });
    } catch (error) {
      if (problemOf(error)?.status === 401) {
        this._fieldError = msg('This code is wrong or has expired. Check the latest email, or ask for a new code.');
        this.#focusAfterUpdate = '#code';
        dispatchCowork(this, 'cowork-error', { ...errorDetail(error, 'createToken'), message: this._fieldError });
      } else {
        this.#fail(error, 'createToken', '#code');
      }
    } finally {
      this._busy = false;
    }
  }

  #fail(error: unknown, operation: string, focus: string): void {
    const info = describeError(error);
    if (info.kind === 'invalid' && problemOf(error)?.errors?.some((e) => e.pointer === '/email')) {
      this._fieldError = msg('Enter an email address such as name@example.org.');
    } else {
      this._error = info;
    }
    this.#focusAfterUpdate = focus;
    dispatchCowork(this, 'cowork-error', errorDetail(error, operation));
  }

  async #signOut(): Promise<void> {
    const session = this.#space.session;
    if (!session) return;
    const member = session.member;
    await session.signOut();
    this._step = 'email';
    this._error = undefined;
    this._fieldError = undefined;
    this.#focusAfterUpdate = '#email';
    this.#live.announce(msg('You are signed out.'));
    dispatchCowork(this, 'cowork-signed-out', { member, reason: 'user', spaceId: this.#space.spaceId ?? '' });
  }

  #restart(): void {
    this._step = 'email';
    this._error = undefined;
    this._fieldError = undefined;
    this.#focusAfterUpdate = '#email';
  }

  protected override render() {
    const heading = this.heading ?? msg('Sign in');
    return html`<div part="base" lang=${this.#locale.intl}>
      ${this.#live.render()} ${this.#space.configured ? this.#renderBody(heading) : renderNotConfigured('cowork-sign-in')}
    </div>`;
  }

  #renderBody(heading: string) {
    const member = this.#space.member;
    if (member) {
      return html`<div class="signed-in" part="signed-in">
        <p>${msg(html`Signed in as <strong>${member.displayName}</strong>`)}</p>
        <button type="button" class="button" part="sign-out-button" @click=${this.#signOut}>${msg('Sign out')}</button>
      </div>`;
    }
    const spaceName = this.#space.space?.name;
    return html`${heading ? html`<h2 part="heading">${heading}</h2>` : nothing}
      ${this._error ? html`<div class="alert" part="error" role="alert" id="error">${this._error.message}</div>` : nothing}
      ${this._step === 'email' ? this.#renderEmail(spaceName) : this.#renderCode()}`;
  }

  #describedBy(...ids: (string | false | undefined)[]): string {
    return ids.filter(Boolean).join(' ');
  }

  #renderEmail(spaceName: string | undefined) {
    const invalid = Boolean(this._fieldError);
    return html`<form part="form" novalidate @submit=${this.#sendCode}>
      <p class="muted" id="email-hint">
        ${spaceName ? msg(str`Members of ${spaceName} get a one-time code by email. No password needed.`) : msg('Members get a one-time code by email. No password needed.')}
      </p>
      <div class="inline">
        <div class="field">
          <label for="email">${msg('Email address')}</label>
          <input
            id="email"
            part="input"
            type="email"
            name="email"
            autocomplete="email"
            inputmode="email"
            spellcheck="false"
            required
            .value=${this._email}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('email-hint', invalid && 'email-error', this._error && 'error')}
          />
          ${invalid ? html`<p class="field-error" part="error" id="email-error">${this._fieldError}</p>` : nothing}
        </div>
        <button type="submit" class="button primary" part="submit-button" aria-disabled=${this._busy ? 'true' : 'false'}>${this._busy ? msg('Sending…') : msg('Send me a code')}</button>
      </div>
    </form>`;
  }

  #renderCode() {
    const invalid = Boolean(this._fieldError);
    const expires = this._expiresAt && this.#space.space ? formatTime(this._expiresAt, { locale: this.#locale.intl, timeZone: this.#space.space.timeZone }) : undefined;
    return html`<form part="form" novalidate @submit=${this.#verify}>
      <p id="code-hint">
        ${msg(str`If ${this._email} belongs to a member, we have sent a 6-digit code to it.`)}
        ${expires ? msg(str`It works until ${expires}.`) : nothing}
      </p>
      <div class="inline">
        <div class="field">
          <label for="code">${msg('Code from the email')}</label>
          <input
            id="code"
            part="input"
            type="text"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            maxlength="6"
            required
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('code-hint', invalid && 'code-error', this._error && 'error')}
          />
          ${invalid ? html`<p class="field-error" part="error" id="code-error">${this._fieldError}</p>` : nothing}
        </div>
        <button type="submit" class="button primary" part="submit-button" aria-disabled=${this._busy ? 'true' : 'false'}>${this._busy ? msg('Checking…') : msg('Sign in')}</button>
      </div>
      <div class="actions">
        <button type="button" class="link" @click=${() => this.#sendCode()}>${msg('Send a new code')}</button>
        <button type="button" class="link" @click=${this.#restart}>${msg('Use another email address')}</button>
      </div>
    </form>`;
  }
}
