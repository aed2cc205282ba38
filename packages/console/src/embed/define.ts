import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleEmbed } from './embed.ts';

export { CoworkConsoleEmbed };

if (!customElements.get('cowork-console-embed')) customElements.define('cowork-console-embed', CoworkConsoleEmbed);

registerSection({
  id: 'embed',
  label: { en: 'On your website', fr: 'Sur votre site' },
  render: ({ connection, lang }) => html`<cowork-console-embed .connection=${connection} locale=${lang}></cowork-console-embed>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-embed': CoworkConsoleEmbed;
  }
}
