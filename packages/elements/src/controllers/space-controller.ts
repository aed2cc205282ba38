/**
 * Gives an element its client, space, session and member: from the contexts of an enclosing
 * `<cowork-space>` (or of an element that embeds it), or, when there is none or when the element
 * has its own `api` and `space` attributes, from a connection it makes itself.
 *
 * Exports:
 * - `SpaceHost`: what the host element declares: `api`, `space` (the space id), `storage`
 *   (`memory` | `session`), `fetch` (optional fetch implementation).
 * - `SpaceController`: `new SpaceController(host)`; then read `client`, `spaceId`, `space` (the
 *   Space document once loaded), `state` (SpaceState), `session`, `member`, `features`,
 *   `supports(feature)` (true / false / undefined when unknown), `configured` (false when neither
 *   a provider nor `api` + `space` attributes say where the API is), `standalone`.
 *   The host re-renders on every change. A standalone element provides the same contexts to the
 *   elements it embeds (so `<cowork-sign-in>` inside `<cowork-booking>` shares its session).
 */
import { ContextConsumer } from '@lit/context';
import type { CoworkClient } from '@coworking-commons/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { connect, type Connection } from '../context/connection.ts';
import { clientContext, memberContext, sessionContext, spaceContext, type Feature, type Space, type SpaceState } from '../context/contexts.ts';
import { ContextProvision } from '../context/provide.ts';
import { storageKind, type Session, type SignedInMember } from '../session/session.ts';

export interface SpaceHost extends ReactiveControllerHost, HTMLElement {
  /** The API base URL (attribute `api`). */
  api?: string | undefined;
  /** The space id (attribute `space`). */
  space?: string | undefined;
  /** `memory` or `session` (attribute `storage`). */
  storage?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/** The nearest ancestor matching `test`, crossing shadow roots. */
export function closestComposed(from: Element, test: (element: Element) => boolean): Element | null {
  let node: Node | null = from;
  while (node) {
    if (node instanceof Element && node !== from && test(node)) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

export class SpaceController implements ReactiveController {
  readonly host: SpaceHost;
  #consumers: { client: ContextConsumer<typeof clientContext, SpaceHost>; space: ContextConsumer<typeof spaceContext, SpaceHost>; session: ContextConsumer<typeof sessionContext, SpaceHost>; member: ContextConsumer<typeof memberContext, SpaceHost> };
  #connection: Connection | undefined;
  #connectionKey = '';
  #unsubscribe: (() => void)[] = [];
  #provision: ContextProvision | undefined;
  #connected = false;
  #fetch: typeof fetch | undefined;

  constructor(host: SpaceHost) {
    this.host = host;
    this.#consumers = {
      client: new ContextConsumer(host, { context: clientContext, subscribe: true }),
      space: new ContextConsumer(host, { context: spaceContext, subscribe: true }),
      session: new ContextConsumer(host, { context: sessionContext, subscribe: true }),
      member: new ContextConsumer(host, { context: memberContext, subscribe: true }),
    };
    host.addController(this);
  }

  /** True when the element uses its own attributes rather than an enclosing provider. */
  get standalone(): boolean {
    return Boolean(this.host.api && this.host.space) || this.#consumers.client.value === undefined;
  }

  #own(): Connection | undefined {
    return this.standalone ? this.#connection : undefined;
  }

  get client(): CoworkClient | undefined {
    return this.#own()?.client ?? this.#consumers.client.value;
  }

  get state(): SpaceState | undefined {
    return this.#own()?.state ?? this.#consumers.space.value;
  }

  get spaceId(): string | undefined {
    return this.state?.spaceId;
  }

  /** The Space document, once loaded. */
  get space(): Space | undefined {
    return this.state?.space;
  }

  get session(): Session | undefined {
    return this.#own()?.session ?? this.#consumers.session.value;
  }

  get member(): SignedInMember | null {
    const own = this.#own();
    return own ? own.session.member : (this.#consumers.member.value ?? null);
  }

  get features(): Feature[] | undefined {
    return this.state?.features;
  }

  /** Whether the server implements `feature`: undefined while unknown. */
  supports(feature: Feature): boolean | undefined {
    return this.features?.includes(feature);
  }

  /** False when nothing says where the API is: no provider and no `api` + `space` attributes. */
  get configured(): boolean {
    return this.client !== undefined && Boolean(this.spaceId);
  }

  hostConnected(): void {
    this.#connected = true;
    // The context consumers (added before this controller) have asked already.
    if (this.#consumers.client.value === undefined && !(this.host.api && this.host.space)) {
      // A <cowork-space> above that is not defined yet answers once it is.
      const provider = closestComposed(this.host, (element) => element.localName === 'cowork-space');
      if (provider && !customElements.get('cowork-space')) {
        void customElements.whenDefined('cowork-space').then(() => {
          if (!this.#connected) return;
          for (const consumer of Object.values(this.#consumers)) consumer.hostConnected();
          this.host.requestUpdate();
        });
      }
    }
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release();
    this.#connectionKey = '';
  }

  hostUpdate(): void {
    this.#sync();
  }

  #release(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
  }

  /** Makes (or re-makes, when the attributes changed) the element's own connection. */
  #sync(): void {
    if (!this.#connected) return;
    const { api, space, storage, fetch } = this.host;
    const standalone = Boolean(api && space) || this.#consumers.client.value === undefined;
    const key = standalone && api && space ? `${api}|${space}|${storage ?? ''}` : '';
    if (key === this.#connectionKey && fetch === this.#fetch) return;
    this.#connectionKey = key;
    this.#fetch = fetch;
    this.#release();
    this.#connection = undefined;
    if (!key) return;
    const connection = connect({ api: api!, spaceId: space!, storage: storage ? storageKind(storage) : undefined, fetch });
    this.#connection = connection;
    const changed = () => {
      this.#provide();
      this.host.requestUpdate();
    };
    connection.attach(this.host);
    this.#unsubscribe.push(connection.subscribe(changed), connection.session.subscribe(changed), () => connection.detach(this.host));
    connection.load();
    this.#provide();
  }

  #provide(): void {
    const connection = this.#connection;
    if (!connection) return;
    this.#provision ??= new ContextProvision(this.host);
    this.#provision.set({ client: connection.client, state: connection.state, session: connection.session, member: connection.session.member });
  }
}
