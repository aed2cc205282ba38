import { CoworkConsoleBookings } from './bookings-week.ts';

export { CoworkConsoleBookings };

if (!customElements.get('cowork-console-bookings')) customElements.define('cowork-console-bookings', CoworkConsoleBookings);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-bookings': CoworkConsoleBookings;
  }
}
