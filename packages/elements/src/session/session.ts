/**
 * Token storage of a signed-in member, per API and space.
 *
 * Exports:
 * - `StorageKind`: `'memory'` (this page only, gone on reload) or `'session'` (sessionStorage: this
 *   tab, kept across reloads; the default). Never a cookie, never localStorage.
 * - `SignedInMember`: `{ id, displayName }` of the member the token belongs to.
 * - `SessionChange`: what a subscriber is told: `{ signedIn, reason }`.
 * - `Session`: `token`, `member`, `expiresAt`, `signedIn`, `storage` (settable: moves the token),
 *   `signIn(tokenResponse)`, `signOut()` (revokes the token on the server, then forgets it),
 *   `forget(reason)` (local only, e.g. when the server says the token expired), `subscribe(fn)`.
 * - `sessionKey(api, spaceId)`: the sessionStorage key, `cowork-session:<api>|<space>`.
 */
import type { components } from '@coworking-commons/client';

export type StorageKind = 'memory' | 'session';
export type SignedInMember = components['schemas']['SignInMember'];
type SignInToken = components['schemas']['SignInToken'];

interface Stored {
  token: string;
  expiresAt: string;
  member: SignedInMember;
}

export interface SessionChange {
  signedIn: boolean;
  /** `user`: signed in or out on purpose; `expired`: the token stopped working; `storage`: moved. */
  reason: 'user' | 'expired' | 'storage';
}

export const sessionKey = (api: string, spaceId: string) => `cowork-session:${api}|${spaceId}`;

/** Parses a storage attribute; anything but `memory` means sessionStorage. */
export const storageKind = (value: string | null | undefined): StorageKind => (value === 'memory' ? 'memory' : 'session');

function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Sandboxed iframes and some privacy modes refuse storage: the token then lives in memory.
    return undefined;
  }
}

/**
 * The session of one API and space on this page. Obtain it from the space context or
 * `connect()` (src/context/connection.ts), which share one instance per API and space.
 */
export class Session {
  readonly key: string;
  #storage: StorageKind;
  #data: Stored | null = null;
  #listeners = new Set<(change: SessionChange) => void>();
  #revoke: (token: string) => Promise<unknown>;

  constructor(key: string, storage: StorageKind, revoke: (token: string) => Promise<unknown>) {
    this.key = key;
    this.#storage = storage;
    this.#revoke = revoke;
    if (storage === 'session') {
      try {
        const text = tabStorage()?.getItem(key);
        if (text) this.#data = JSON.parse(text) as Stored;
      } catch {
        this.#data = null;
      }
    }
  }

  get storage(): StorageKind {
    return this.#storage;
  }

  /** Switching from sessionStorage to memory removes the token from sessionStorage (and back). */
  set storage(kind: StorageKind) {
    if (kind === this.#storage) return;
    this.#write(null);
    this.#storage = kind;
    this.#write(this.#data);
  }

  #valid(): Stored | null {
    const data = this.#data;
    if (data && Date.parse(data.expiresAt) <= Date.now()) {
      this.forget('expired');
      return null;
    }
    return data;
  }

  /** The bearer token, or null when signed out or expired. */
  get token(): string | null {
    return this.#valid()?.token ?? null;
  }

  get member(): SignedInMember | null {
    return this.#valid()?.member ?? null;
  }

  get expiresAt(): string | null {
    return this.#valid()?.expiresAt ?? null;
  }

  get signedIn(): boolean {
    return this.#valid() !== null;
  }

  /** Keeps the token of a `createToken` answer and tells the subscribers. */
  signIn(answer: SignInToken): void {
    this.#data = { token: answer.token, expiresAt: answer.expiresAt, member: answer.member };
    this.#write(this.#data);
    this.#notify({ signedIn: true, reason: 'user' });
  }

  /** Revokes the token on the server (best effort: offline, it is forgotten anyway) and forgets it. */
  async signOut(): Promise<void> {
    const token = this.#data?.token;
    this.forget('user');
    if (token) await this.#revoke(token).catch(() => {});
  }

  /** Forgets the token here, without telling the server. */
  forget(reason: SessionChange['reason'] = 'user'): void {
    if (!this.#data) return;
    this.#data = null;
    this.#write(null);
    this.#notify({ signedIn: false, reason });
  }

  /** Calls `listener` on every sign-in and sign-out; returns the unsubscribe function. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #write(data: Stored | null): void {
    if (this.#storage !== 'session') return;
    try {
      const storage = tabStorage();
      if (data) storage?.setItem(this.key, JSON.stringify(data));
      else storage?.removeItem(this.key);
    } catch {
      // Quota or privacy refusal: the token stays in memory for this page.
    }
  }

  #notify(change: SessionChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}
