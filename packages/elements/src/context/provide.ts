/**
 * Provides the four contexts (client, space, session, member) from a host element.
 *
 * Exports `ContextProvision`: `new ContextProvision(host)`, then `set(connection)` whenever the
 * connection or its state changes. Used by `<cowork-space>`.
 */
import { ContextProvider } from '@lit/context';
import type { CoworkClient } from '@coworking-commons/client';
import type { ReactiveControllerHost } from 'lit';
import type { Session, SignedInMember } from '../session/session.ts';
import { clientContext, memberContext, sessionContext, spaceContext, type SpaceState } from './contexts.ts';

export interface Provided {
  client: CoworkClient;
  state: SpaceState;
  session: Session;
  member: SignedInMember | null;
}

export class ContextProvision {
  #client: ContextProvider<typeof clientContext>;
  #space: ContextProvider<typeof spaceContext>;
  #session: ContextProvider<typeof sessionContext>;
  #member: ContextProvider<typeof memberContext>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#client = new ContextProvider(host, { context: clientContext });
    this.#space = new ContextProvider(host, { context: spaceContext });
    this.#session = new ContextProvider(host, { context: sessionContext });
    this.#member = new ContextProvider(host, { context: memberContext });
  }

  set({ client, state, session, member }: Provided): void {
    this.#client.setValue(client);
    this.#space.setValue(state);
    this.#session.setValue(session);
    this.#member.setValue(member);
  }
}
