import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleApiKeys } from './api-keys.ts';
import { CoworkConsoleKeyForm } from './key-form.ts';

export { CoworkConsoleApiKeys, CoworkConsoleKeyForm };

if (!customElements.get('cowork-console-key-form')) customElements.define('cowork-console-key-form', CoworkConsoleKeyForm);
if (!customElements.get('cowork-console-api-keys')) customElements.define('cowork-console-api-keys', CoworkConsoleApiKeys);

registerSection({
  id: 'keys',
  adminOnly: true,
  label: { en: 'API keys', fr: 'Clés d’API' },
  render: ({ connection, lang }) => html`<cowork-console-api-keys .connection=${connection} locale=${lang}></cowork-console-api-keys>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-api-keys': CoworkConsoleApiKeys;
    'cowork-console-key-form': CoworkConsoleKeyForm;
  }
}
