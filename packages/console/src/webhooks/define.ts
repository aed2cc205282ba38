import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleWebhooks } from './webhooks.ts';

export { CoworkConsoleWebhooks };

if (!customElements.get('cowork-console-webhooks')) customElements.define('cowork-console-webhooks', CoworkConsoleWebhooks);

registerSection({
  id: 'webhooks',
  adminOnly: true,
  label: { en: 'Webhooks', fr: 'Webhooks' },
  render: ({ connection, lang }) => html`<cowork-console-webhooks .connection=${connection} locale=${lang}></cowork-console-webhooks>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-webhooks': CoworkConsoleWebhooks;
  }
}
