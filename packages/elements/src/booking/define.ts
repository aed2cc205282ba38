// Registers <cowork-booking> and the <cowork-sign-in> it embeds. Import this file for its side
// effect; import ./booking.ts for the class alone (and register <cowork-sign-in> yourself).
import '../sign-in/define.ts';
import { CoworkBooking } from './booking.ts';

if (!customElements.get('cowork-booking')) customElements.define('cowork-booking', CoworkBooking);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-booking': CoworkBooking;
  }
}

export { CoworkBooking };
