/**
 * Gives an element its client, space, session and member: from the contexts of an enclosing
 * `<cowork-space>` (or of an element that embeds it), or, when there is none or when the element
 * has its own `api` and `space` attributes, from a connection it makes itself (one per API and
 * space, shared by every element). The space is fetched only once the element asks with
 * `needSpace()`, so a card given its data by the page makes no request at all.
 *
 * Exports:
 * - `SpaceHost`: what the host element declares: `api`, `space` (the space id), `storage`
 *   (`memory` | `session`), `fetch` (optional fetch implementation).
 * - `SpaceController`: `new SpaceController(host)`; then read `client`, `spaceId`, `space`,
 *   `state`, `session`, `member`, `features`, `supports(feature)` (undefined while unknown),
 *   `configured` (a provider or `api` + `space` attributes say where the API is), `standalone`,
 *   and call `needSpace()`. The host re-renders on every change. An element embedding others
 *   hands them its `api`, `space`, `storage` and `fetch` (see sign-in/embedded.ts): they find the
 *   same shared connection, so the same session.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { connect, type Connection } from '../context/connection.ts';
import { clientContext, memberContext, sessionContext, spaceContext, type Feature } from '../context/contexts.ts';
import { storageKind } from '../session/session.ts';

export interface SpaceHost extends ReactiveControllerHost, HTMLElement {
  /** The API base URL (attribute `api`). */
  api?: string | undefined;
  /** The space id (attribute `space`). */
  space?: string | undefined;
  /** `memory` or `session` (attribute `storage`). */
  storage?: string | undefined;
  fetch?: typeof fetch | undefined;
}

export class SpaceController implements ReactiveController {
  readonly host: SpaceHost;
  #client: ContextConsumer<typeof clientContext, SpaceHost>;
  #space: ContextConsumer<typeof spaceContext, SpaceHost>;
  #session: ContextConsumer<typeof sessionContext, SpaceHost>;
  #member: ContextConsumer<typeof memberContext, SpaceHost>;
  #connection: Connection | undefined;
  #key = '';
  #fetch: typeof fetch | undefined;
  #off: (() => void)[] = [];
  #connected = false;
  #wantSpace = false;

  constructor(host: SpaceHost) {
    this.host = host;
    const consume = <T>(context: T) => new ContextConsumer(host, { context: context as never, subscribe: true });
    this.#client = consume(clientContext);
    this.#space = consume(spaceContext);
    this.#session = consume(sessionContext);
    this.#member = consume(memberContext);
    host.addController(this);
  }

  /** True when the element uses its own attributes (or finds no provider) rather than an enclosing provider. */
  get standalone(): boolean {
    return Boolean(this.host.api && this.host.space) || this.#client.value === undefined;
  }

  get #own(): Connection | undefined {
    return this.standalone ? this.#connection : undefined;
  }

  get client() {
    return this.#own?.client ?? this.#client.value;
  }

  get state() {
    return this.#own?.state ?? this.#space.value;
  }

  get spaceId(): string | undefined {
    return this.state?.spaceId;
  }

  get space() {
    return this.state?.space;
  }

  get session() {
    return this.#own?.session ?? this.#session.value;
  }

  get member() {
    const own = this.#own;
    return own ? own.session.member : (this.#member.value ?? null);
  }

  get features(): Feature[] | undefined {
    return this.state?.features;
  }

  supports(feature: Feature): boolean | undefined {
    return this.features?.includes(feature);
  }

  /** A provider or the `api` + `space` attributes say where the API is. */
  get configured(): boolean {
    return Boolean(this.host.api && this.host.space) || this.#client.value !== undefined;
  }

  /** Fetches the space (once) when the element stands alone; a provider fetches it itself. */
  needSpace(): void {
    this.#wantSpace = true;
    this.#connection?.load();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#client.value === undefined && !customElements.get('cowork-space')) {
      // A <cowork-space> above that is not defined yet answers once it is.
      let node: Node | null = this.host;
      while ((node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null))) {
        if (node instanceof Element && node.localName === 'cowork-space') {
          void customElements.whenDefined('cowork-space').then(() => {
            if (!this.#connected) return;
            for (const consumer of [this.#client, this.#space, this.#session, this.#member]) consumer.hostConnected();
            this.host.requestUpdate();
          });
          break;
        }
      }
    }
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
    this.#key = '';
  }

  hostUpdate(): void {
    this.#sync();
  }

  #release(): void {
    for (const off of this.#off) off();
    this.#off = [];
  }

  #sync(): void {
    if (!this.#connected) return;
    const { api, space, storage, fetch } = this.host;
    const key = api && space ? `${api}|${space}|${storage ?? ''}` : '';
    if (key === this.#key && fetch === this.#fetch) return;
    this.#key = key;
    this.#fetch = fetch;
    this.#release();
    this.#connection = undefined;
    if (!key) return;
    const connection = connect({ api: api!, spaceId: space!, storage: storage ? storageKind(storage) : undefined, fetch });
    this.#connection = connection;
    const changed = () => this.host.requestUpdate();
    connection.attach(this.host);
    this.#off.push(connection.subscribe(changed), connection.session.subscribe(changed), () => connection.detach(this.host));
    if (this.#wantSpace) connection.load();
    changed();
  }
}
