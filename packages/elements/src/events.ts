/**
 * The DOM events of this package: `CustomEvent`s named `cowork-*`, bubbling and composed (they
 * cross shadow roots, so a page listening on `document` hears them), with a typed `detail`.
 *
 * Exports:
 * - `CoworkEventMap`: event name → detail type. Elements of later issues add their events here.
 * - `CoworkEvent<K>`: `CustomEvent<CoworkEventMap[K]>`.
 * - `dispatchCowork(target, type, detail, { cancelable? })`: dispatches one; returns false when a
 *   listener called `preventDefault()` on a cancelable event.
 * - `errorDetail(error, operation)`: the `cowork-error` detail of an error thrown by the client.
 * The global `HTMLElementEventMap` augmentation makes `addEventListener('cowork-…')` typed.
 */
import type { components } from '@coworking-commons/client';
import type { SignedInMember } from './session/session.ts';
import { describeError, problemOf, type ErrorKind } from './states/errors.ts';

type Booking = components['schemas']['Booking'];
type Problem = components['schemas']['Problem'];

export interface SignedInDetail {
  member: SignedInMember;
  /** When the token stops working. */
  expiresAt: string;
  spaceId: string;
}

export interface SignedOutDetail {
  /** Who was signed in. */
  member: SignedInMember | null;
  /** `user`: signed out on purpose; `expired`: the server no longer accepted the token. */
  reason: 'user' | 'expired';
  spaceId: string;
}

export interface BookingEventDetail {
  /** The booking as the server returned it (a guest booking's `guestToken` only in `cowork-booking-confirmed`). */
  booking: Booking;
}

export interface ErrorEventDetail {
  /** The operation that failed, such as `createBooking`. */
  operation: string;
  kind: ErrorKind;
  /** What the element told the person, in the active language. */
  message: string;
  /** The server's problem document, when the server answered. */
  problem: Problem | undefined;
  /** The error itself (ApiError, NetworkError, TimeoutError…). */
  error: unknown;
}

/** `<cowork-event-calendar>`: an event was opened (cancelable: `preventDefault()` keeps the calendar's dialog closed). */
export interface EventSelectedDetail {
  event: components['schemas']['Event'];
}

/** `<cowork-event-calendar>`: a registration made (`registered` or `waitlisted`) or cancelled, as the server returned it. */
export interface RegistrationEventDetail {
  registration: components['schemas']['Registration'];
  event: components['schemas']['Event'];
}

/** `<cowork-member-card>`: the member saved their card and the server confirmed it. */
export interface MemberUpdatedDetail {
  /** The card as the server returned it. */
  member: components['schemas']['MemberCard'];
  /** Whether the card is in the member directory (the member's consent). */
  listed: boolean;
}

export interface CoworkEventMap {
  'cowork-signed-in': SignedInDetail;
  'cowork-signed-out': SignedOutDetail;
  'cowork-booking-confirmed': BookingEventDetail;
  'cowork-booking-cancelled': BookingEventDetail;
  'cowork-error': ErrorEventDetail;
  'cowork-event-selected': EventSelectedDetail;
  'cowork-registration-confirmed': RegistrationEventDetail;
  'cowork-registration-cancelled': RegistrationEventDetail;
  'cowork-member-updated': MemberUpdatedDetail;
}

export type CoworkEvent<K extends keyof CoworkEventMap> = CustomEvent<CoworkEventMap[K]>;

export function dispatchCowork<K extends keyof CoworkEventMap>(target: EventTarget, type: K, detail: CoworkEventMap[K], options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}

export function errorDetail(error: unknown, operation: string): ErrorEventDetail {
  const info = describeError(error);
  return { operation, kind: info.kind, message: info.message, problem: problemOf(error), error };
}

declare global {
  interface HTMLElementEventMap {
    'cowork-signed-in': CoworkEvent<'cowork-signed-in'>;
    'cowork-signed-out': CoworkEvent<'cowork-signed-out'>;
    'cowork-booking-confirmed': CoworkEvent<'cowork-booking-confirmed'>;
    'cowork-booking-cancelled': CoworkEvent<'cowork-booking-cancelled'>;
    'cowork-error': CoworkEvent<'cowork-error'>;
    'cowork-event-selected': CoworkEvent<'cowork-event-selected'>;
    'cowork-registration-confirmed': CoworkEvent<'cowork-registration-confirmed'>;
    'cowork-registration-cancelled': CoworkEvent<'cowork-registration-cancelled'>;
    'cowork-member-updated': CoworkEvent<'cowork-member-updated'>;
  }
}
