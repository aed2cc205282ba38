/**
 * @coworking-commons/elements: the element classes and the shared foundation, without registering
 * any tag (import `@coworking-commons/elements/define-all`, or one element's `define`, for that).
 */
export { CoworkSpace } from './space/space.ts';
export { CoworkSignIn } from './sign-in/sign-in.ts';
export { CoworkMyBookings } from './my-bookings/my-bookings.ts';
export { CoworkBooking } from './booking/booking.ts';
export { CoworkEventCalendar } from './event-calendar/event-calendar.ts';
export { CoworkMemberCard } from './member-card/member-card.ts';
export { CoworkMemberDirectory } from './member-directory/member-directory.ts';
export type { MemberCard } from './member-card/member-card.ts';
export type { CalendarEvent } from './event-calendar/model/items.ts';
export type { CalendarView } from './event-calendar/model/navigation.ts';

export { clientContext, memberContext, sessionContext, spaceContext } from './context/contexts.ts';
export type { Feature, Space, SpaceState } from './context/contexts.ts';
export { connect, Connection } from './context/connection.ts';
export type { ConnectOptions } from './context/connection.ts';
export { SpaceController } from './controllers/space-controller.ts';
export type { SpaceHost } from './controllers/space-controller.ts';
export { Session, sessionKey } from './session/session.ts';
export type { SessionChange, SignedInMember, StorageKind } from './session/session.ts';
export { LocaleController, activateLocale, matchLocale, resolveLang, supportedLocales } from './localization/localization.ts';
export type { LocaleCode } from './localization/localization.ts';
export * from './localization/format.ts';
export * from './localization/duration.ts';
export { translated } from './localization/translated.ts';
export { dispatchCowork } from './events.ts';
export type { BookingEventDetail, CoworkEvent, CoworkEventMap, ErrorEventDetail, SignedInDetail, SignedOutDetail } from './events.ts';
export type { EventSelectedDetail, RegistrationEventDetail } from './events.ts';
export { describeError } from './states/errors.ts';
export type { ErrorInfo, ErrorKind } from './states/errors.ts';
