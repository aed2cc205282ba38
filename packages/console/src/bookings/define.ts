import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleBookings } from './bookings-week.ts';

export { CoworkConsoleBookings };

if (!customElements.get('cowork-console-bookings')) customElements.define('cowork-console-bookings', CoworkConsoleBookings);

registerSection({
  id: 'bookings',
  label: { en: 'Bookings', fr: 'Réservations' },
  render: ({ connection, lang }) => html`<cowork-console-bookings .connection=${connection} locale=${lang}></cowork-console-bookings>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-bookings': CoworkConsoleBookings;
  }
}
