// Generated from custom-elements.json by custom-elements-manifest.config.mjs: do not edit.
// Types the cowork-* tags in Svelte 5 markup: their attributes, properties and events.
import type { HTMLAttributes } from 'svelte/elements';
import type { CoworkBookingProps, CoworkEventCalendarProps, CoworkMemberCardProps, CoworkMemberDirectoryProps, CoworkMyBookingsProps, CoworkSignInProps, CoworkSpaceProps } from './jsx.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'cowork-booking': HTMLAttributes<HTMLElement> & CoworkBookingProps;
    'cowork-event-calendar': HTMLAttributes<HTMLElement> & CoworkEventCalendarProps;
    'cowork-member-card': HTMLAttributes<HTMLElement> & CoworkMemberCardProps;
    'cowork-member-directory': HTMLAttributes<HTMLElement> & CoworkMemberDirectoryProps;
    'cowork-my-bookings': HTMLAttributes<HTMLElement> & CoworkMyBookingsProps;
    'cowork-sign-in': HTMLAttributes<HTMLElement> & CoworkSignInProps;
    'cowork-space': HTMLAttributes<HTMLElement> & CoworkSpaceProps;
  }
}
