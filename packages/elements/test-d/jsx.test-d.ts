// The generated JSX types (types/jsx.d.ts) resolve every type they name, and give each event
// handler its detail type (examples/embed/react uses them in a React 19 app).
import { expectTypeOf } from 'expect-type';
import type { BookingEventDetail, CalendarEvent, MemberCard, RegistrationEventDetail, SpaceState } from '../src/index.ts';
import type { CustomElements } from '../types/jsx.d.ts';

type Detail<Tag extends keyof CustomElements, Event extends keyof CustomElements[Tag]> = CustomElements[Tag][Event] extends ((event: CustomEvent<infer D>) => void) | undefined ? D : never;

expectTypeOf<Detail<'cowork-booking', 'oncowork-booking-confirmed'>>().toEqualTypeOf<BookingEventDetail>();
expectTypeOf<Detail<'cowork-event-calendar', 'oncowork-registration-confirmed'>>().toEqualTypeOf<RegistrationEventDetail>();
expectTypeOf<CustomElements['cowork-member-card']['member']>().toEqualTypeOf<string | MemberCard | undefined>();
expectTypeOf<CustomElements['cowork-event-calendar']['events']>().toEqualTypeOf<CalendarEvent[] | undefined>();
expectTypeOf<CustomElements['cowork-space']['state']>().toEqualTypeOf<SpaceState | undefined>();
