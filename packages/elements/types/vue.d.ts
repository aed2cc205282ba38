// Generated from custom-elements.json by custom-elements-manifest.config.mjs: do not edit.
// Types the cowork-* tags in Vue 3 templates: their attributes, properties and events.
import type { DefineComponent } from 'vue';
import type { CoworkBookingProps, CoworkEventCalendarProps, CoworkMemberCardProps, CoworkMemberDirectoryProps, CoworkMyBookingsProps, CoworkSignInProps, CoworkSpaceProps } from './jsx.js';

type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;
/** The props with each `oncowork-a-b` handler named `onCoworkAB`, as Vue looks `@cowork-a-b` up. */
type VueProps<Props> = { [Key in keyof Props as Key extends `on${infer Event}` ? `on${Capitalize<Camel<Event>>}` : Key]: Props[Key] };

declare module 'vue' {
  interface GlobalComponents {
    'cowork-booking': DefineComponent<VueProps<CoworkBookingProps>>;
    'cowork-event-calendar': DefineComponent<VueProps<CoworkEventCalendarProps>>;
    'cowork-member-card': DefineComponent<VueProps<CoworkMemberCardProps>>;
    'cowork-member-directory': DefineComponent<VueProps<CoworkMemberDirectoryProps>>;
    'cowork-my-bookings': DefineComponent<VueProps<CoworkMyBookingsProps>>;
    'cowork-sign-in': DefineComponent<VueProps<CoworkSignInProps>>;
    'cowork-space': DefineComponent<VueProps<CoworkSpaceProps>>;
  }
}
