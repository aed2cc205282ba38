// The console's entry: the application, then its sections in the order of its navigation.
import './bookings/define.ts';
import './space/define.ts';
import './resources/define.ts';
import './members/define.ts';
import './organisations/define.ts';
import './events/define.ts';
import './plans/define.ts';
import './keys/define.ts';
import './webhooks/define.ts';
import './audit/define.ts';
import './embed/define.ts';
import { CoworkConsole } from './shell/console-app.ts';

export { CoworkConsole };

if (!customElements.get('cowork-console')) customElements.define('cowork-console', CoworkConsole);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console': CoworkConsole;
  }
}
