import { LitElement, html, type PropertyValues } from 'lit';
import { connect, type Connection } from '../context/connection.ts';
import type { SpaceState } from '../context/contexts.ts';
import { ContextProvision } from '../context/provide.ts';
import { storageKind, type Session, type SignedInMember } from '../session/session.ts';
import { spaceStyles } from './space.styles.ts';

/**
 * Connects the elements inside it to one space of a Coworking Commons API: it fetches the space
 * and provides, through `@lit/context`, the client, the space (time zone, currency, languages,
 * policies), the session (sign-in token) and the signed-in member. It renders only its children
 * (`display: contents`), so it does not change the page's layout.
 *
 * @summary The space provider for every `cowork-*` element inside it.
 * @slot - The elements (and any other content) that use this space.
 * @attr api - The API base URL, such as `https://api.example.org`.
 * @attr space - The space id (its slug), such as `la-ruche`.
 * @attr storage - Where a member's sign-in token is kept: `session` (sessionStorage, this tab; default) or `memory` (this page only). Never a cookie.
 */
export class CoworkSpace extends LitElement {
  static override styles = spaceStyles;
  static override properties = {
    api: { type: String },
    space: { type: String },
    storage: { type: String },
    fetch: { attribute: false },
  };

  /** The API base URL. */
  declare api: string | undefined;
  /** The space id. */
  declare space: string | undefined;
  /** `session` (default) or `memory`. */
  declare storage: string | undefined;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  declare fetch: typeof fetch | undefined;

  #provision = new ContextProvision(this);
  #connection: Connection | undefined;
  #unsubscribe: (() => void)[] = [];

  /** The space's state: the Space document once loaded, loading, error, features. */
  get state(): SpaceState | undefined {
    return this.#connection?.state;
  }

  /** The session (sign-in token) of this API and space. */
  get session(): Session | undefined {
    return this.#connection?.session;
  }

  /** The signed-in member, or null. */
  get member(): SignedInMember | null {
    return this.#connection?.session.member ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide at once: the elements inside connect right after this one and ask straight away.
    this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
    this.#key = '';
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#connect();
  }

  #key = '';
  #fetched: typeof fetch | undefined;

  #connect(): void {
    if (!this.isConnected) return;
    const key = this.api && this.space ? `${this.api}|${this.space}|${this.storage ?? ''}` : '';
    if (key === this.#key && this.fetch === this.#fetched) return;
    this.#key = key;
    this.#fetched = this.fetch;
    this.#release();
    this.#connection = undefined;
    if (!this.api || !this.space) return;
    const connection = connect({ api: this.api, spaceId: this.space, storage: this.storage ? storageKind(this.storage) : undefined, fetch: this.fetch });
    this.#connection = connection;
    this.#subscribe(connection);
    connection.load();
  }

  #subscribe(connection: Connection): void {
    this.#release();
    const provide = () => this.#provision.set({ client: connection.client, state: connection.state, session: connection.session, member: connection.session.member });
    connection.attach(this);
    this.#unsubscribe.push(connection.subscribe(provide), connection.session.subscribe(provide), () => connection.detach(this));
    provide();
  }

  #release(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
