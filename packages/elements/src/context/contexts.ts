/**
 * The @lit/context contexts that `<cowork-space>` provides to every element inside it (and that a
 * standalone element provides to the elements it embeds, such as the sign-in inside the booking
 * widget).
 *
 * Exports:
 * - `clientContext`: the `CoworkClient` (its token comes from the session).
 * - `spaceContext`: a `SpaceState` snapshot (a new object on every change): `api`, `spaceId`,
 *   `space` (the Space document once loaded), `features` (from the discovery document; undefined
 *   when unknown), `loading`, `error`, `reload()`.
 * - `sessionContext`: the `Session` (token store; see src/session/session.ts).
 * - `memberContext`: the signed-in `SignedInMember` (`{ id, displayName }`) or null.
 * - Types `Space`, `Feature`, `SpaceState`.
 *
 * Context keys are strings, so two copies of this library on one page still find each other.
 */
import { createContext } from '@lit/context';
import type { components, CoworkClient } from '@coworking-commons/client';
import type { Session, SignedInMember } from '../session/session.ts';

export type Space = components['schemas']['Space'];
export type Feature = components['schemas']['Feature'];

export interface SpaceState {
  /** The API base URL. */
  api: string;
  spaceId: string;
  /** The space, once loaded. */
  space: Space | undefined;
  /** What the server implements, from its discovery document; undefined when unknown. */
  features: Feature[] | undefined;
  /** True while the space is being fetched. */
  loading: boolean;
  /** Why the space could not be loaded (an ApiError, NetworkError, TimeoutError…). */
  error: unknown;
  /** Fetches the space again (after an error, or to refresh it). */
  reload(): void;
}

export const clientContext = createContext<CoworkClient>('cowork-client');
export const spaceContext = createContext<SpaceState>('cowork-space');
export const sessionContext = createContext<Session>('cowork-session');
export const memberContext = createContext<SignedInMember | null>('cowork-member');
