// Registers <cowork-event-calendar> and the <cowork-sign-in> its event dialog embeds. Import this
// file for its side effect; import ./event-calendar.ts for the class alone.
import '../sign-in/define.ts';
import { CoworkEventCalendar } from './event-calendar.ts';

if (!customElements.get('cowork-event-calendar')) customElements.define('cowork-event-calendar', CoworkEventCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-event-calendar': CoworkEventCalendar;
  }
}

export { CoworkEventCalendar };
