// Registers <cowork-booking>. Import this file for its side effect; import ./booking.ts for the
// class alone. The <cowork-sign-in> it embeds is registered when first needed.
import { CoworkBooking } from './booking.ts';

if (!customElements.get('cowork-booking')) customElements.define('cowork-booking', CoworkBooking);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-booking': CoworkBooking;
  }
}

export { CoworkBooking };
