/**
 * The foundation's SpaceController (src/controllers/space-controller.ts) with two differences that
 * keep the member elements light and quiet:
 * - the standalone connection (the client and its HTTP library) is imported only when the element
 *   stands alone (`api` + `space` attributes, or no provider), not bundled with the element;
 * - the space is fetched only once the element asks for it with `needSpace()`, so a card given
 *   its data by the page makes no request at all.
 *
 * Exports `LazySpaceController`: `new LazySpaceController(host)`; then read `client`, `spaceId`,
 * `space`, `state`, `session`, `member`, `features`, `supports(feature)`, `configured` (a provider
 * or `api` + `space` attributes say where the API is), `ready` (the client is there), and call
 * `needSpace()`. The host re-renders on every change; a standalone host provides the four
 * contexts to the elements it embeds (the sign-in form, the cards of the directory).
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController } from 'lit';
import type { Connection } from '../context/connection.ts';
import { clientContext, memberContext, sessionContext, spaceContext, type Feature } from '../context/contexts.ts';
import type { ContextProvision } from '../context/provide.ts';
import type { SpaceHost } from './space-controller.ts';

type Standalone = typeof import('./standalone.ts');
let standalone: Promise<Standalone> | undefined;

export class LazySpaceController implements ReactiveController {
  readonly host: SpaceHost;
  #client: ContextConsumer<typeof clientContext, SpaceHost>;
  #space: ContextConsumer<typeof spaceContext, SpaceHost>;
  #session: ContextConsumer<typeof sessionContext, SpaceHost>;
  #member: ContextConsumer<typeof memberContext, SpaceHost>;
  #connection: Connection | undefined;
  #key = '';
  #fetch: typeof fetch | undefined;
  #off: (() => void)[] = [];
  #provision: ContextProvision | undefined;
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

  get #own(): Connection | undefined {
    const { api, space } = this.host;
    return (api && space) || this.#client.value === undefined ? this.#connection : undefined;
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

  /** The client is there (a standalone connection may still be loading). */
  get ready(): boolean {
    return this.client !== undefined && Boolean(this.spaceId);
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
    void (standalone ??= import('./standalone.ts')).then(({ connect, ContextProvision }) => {
      if (this.#key !== key || this.#fetch !== fetch || !this.#connected) return;
      const connection = connect({ api: api!, spaceId: space!, storage: storage ? (storage === 'memory' ? 'memory' : 'session') : undefined, fetch });
      this.#connection = connection;
      this.#provision ??= new ContextProvision(this.host);
      const changed = () => {
        this.#provision!.set({ client: connection.client, state: connection.state, session: connection.session, member: connection.session.member });
        this.host.requestUpdate();
      };
      this.#off.push(connection.subscribe(changed), connection.session.subscribe(changed));
      if (this.#wantSpace) connection.load();
      changed();
    });
  }
}
