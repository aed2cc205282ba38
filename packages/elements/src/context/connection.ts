/**
 * One connection per API and space on the page: the client, the session and the space's loading
 * state, shared by `<cowork-space>` and by standalone elements pointing at the same API and space
 * (so they share one sign-in and one fetch of the space).
 *
 * Exports:
 * - `ConnectOptions`: `{ api, spaceId, storage?, fetch? }` (`fetch`: a fetch implementation to use
 *   instead of the global one, for tests and Storybook).
 * - `Connection`: `api`, `spaceId`, `client`, `session`, `state` (a `SpaceState` snapshot),
 *   `subscribe(fn)` (called when the state changes), `load()` (fetches the space and the
 *   discovery document once; `state.reload()` fetches again), `attach(element)` / `detach(element)`:
 *   the elements using it; when the server stops accepting the token, the first of them that is
 *   connected (the `<cowork-space>` when there is one) dispatches `cowork-signed-out` with
 *   `reason: 'expired'`, once.
 * - `connect(options)`: the shared `Connection` for these options.
 */
import { createClient, getDiscovery, getSpace, type CoworkClient } from '@coworking-commons/client';
import { dispatchCowork } from '../events.ts';
import { Session, sessionKey, type StorageKind } from '../session/session.ts';
import type { SpaceState } from './contexts.ts';

export interface ConnectOptions {
  /** The API base URL, such as `https://api.example.org`. */
  api: string;
  spaceId: string;
  /** Where the token is kept; applied to the shared session when given. */
  storage?: StorageKind | undefined;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch | undefined;
}

export class Connection {
  readonly api: string;
  readonly spaceId: string;
  readonly client: CoworkClient;
  readonly session: Session;
  state: SpaceState;
  #listeners = new Set<() => void>();
  #loaded = false;
  #elements = new Set<Element>();

  constructor(options: ConnectOptions) {
    this.api = options.api;
    this.spaceId = options.spaceId;
    const session = new Session(sessionKey(options.api, options.spaceId), options.storage ?? 'session', (token) =>
      // The session has already forgotten the token, so it is given here explicitly.
      this.client.call({ route: 'DELETE /spaces/{spaceId}/auth/token', path: { spaceId: this.spaceId }, header: { Authorization: `Bearer ${token}` }, timeout: 5000 }),
    );
    this.session = session;
    let member = session.member;
    session.subscribe((change) => {
      const was = member;
      member = session.member;
      if (change.signedIn || change.reason !== 'expired') return;
      const target = [...this.#elements].find((element) => element.isConnected);
      if (target) dispatchCowork(target, 'cowork-signed-out', { member: was, reason: 'expired', spaceId: this.spaceId });
    });
    this.client = createClient({
      baseUrl: options.api,
      token: () => session.token,
      fetch: options.fetch,
      hooks: {
        afterResponse: [
          ({ request, response }) => {
            // The server no longer accepts the token (expired or revoked elsewhere): sign out here.
            if (response.status === 401 && request.headers.get('authorization') === `Bearer ${session.token}`) session.forget('expired');
          },
        ],
      },
    });
    this.state = { api: this.api, spaceId: this.spaceId, space: undefined, features: undefined, loading: false, error: undefined, reload: () => void this.#fetch() };
  }

  /** Fetches the space and the server's features, once. */
  load(): void {
    if (this.#loaded) return;
    this.#loaded = true;
    void this.#fetch();
  }

  /** Registers an element using this connection (see `cowork-signed-out` above). */
  attach(element: Element): void {
    this.#elements.add(element);
  }

  detach(element: Element): void {
    this.#elements.delete(element);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(patch: Partial<SpaceState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }

  async #fetch(): Promise<void> {
    this.#set({ loading: true, error: undefined });
    // The discovery document is optional knowledge: without it, features are unknown.
    const features = getDiscovery(this.client, { timeout: 5000 }).then(
      ({ data }) => data.features,
      () => undefined,
    );
    try {
      const { data } = await getSpace(this.client, { path: { spaceId: this.spaceId } });
      this.#set({ space: data, loading: false, error: undefined, features: await features });
    } catch (error) {
      this.#set({ loading: false, error, features: await features });
    }
  }
}

const shared = new WeakMap<object, Map<string, Connection>>();
const globalFetch = {};

/** The connection of this page for the given API, space (and fetch). */
export function connect(options: ConnectOptions): Connection {
  const api = options.api.replace(/\/+$/, '');
  const byFetch = options.fetch ?? globalFetch;
  let connections = shared.get(byFetch);
  if (!connections) shared.set(byFetch, (connections = new Map()));
  const key = `${api}|${options.spaceId}`;
  let connection = connections.get(key);
  if (!connection) connections.set(key, (connection = new Connection({ ...options, api })));
  else if (options.storage) connection.session.storage = options.storage;
  return connection;
}
