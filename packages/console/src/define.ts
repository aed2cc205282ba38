import { CoworkConsole } from './shell/console-app.ts';

export { CoworkConsole };

if (!customElements.get('cowork-console')) customElements.define('cowork-console', CoworkConsole);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console': CoworkConsole;
  }
}
