import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleBookingDetails } from './booking-details.ts';
import { CoworkConsoleBookings } from './bookings-week.ts';
import { CoworkConsoleNewBooking } from './new-booking.ts';

export { CoworkConsoleBookings };

for (const [tag, element] of [
  ['cowork-console-booking-details', CoworkConsoleBookingDetails],
  ['cowork-console-new-booking', CoworkConsoleNewBooking],
  ['cowork-console-bookings', CoworkConsoleBookings],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

registerSection({
  id: 'bookings',
  label: { en: 'Bookings', fr: 'Réservations' },
  render: ({ connection, lang }) => html`<cowork-console-bookings .connection=${connection} locale=${lang}></cowork-console-bookings>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-bookings': CoworkConsoleBookings;
    'cowork-console-booking-details': CoworkConsoleBookingDetails;
    'cowork-console-new-booking': CoworkConsoleNewBooking;
  }
}
