// Registers <cowork-event-calendar> (its dialog, loaded on first use, registers the <cowork-sign-in>
// it embeds). Import this file for its side effect; import ./event-calendar.ts for the class alone.
import { CoworkEventCalendar } from './event-calendar.ts';

if (!customElements.get('cowork-event-calendar')) customElements.define('cowork-event-calendar', CoworkEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-event-calendar': CoworkEventCalendar;
  }
}

export { CoworkEventCalendar };
