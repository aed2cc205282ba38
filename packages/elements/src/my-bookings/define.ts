import '../sign-in/define.ts';
import { CoworkMyBookings } from './my-bookings.ts';

export { CoworkMyBookings };

if (!customElements.get('cowork-my-bookings')) customElements.define('cowork-my-bookings', CoworkMyBookings);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-my-bookings': CoworkMyBookings;
  }
}
