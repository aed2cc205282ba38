import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleSpace } from './space.ts';

export { CoworkConsoleSpace };

if (!customElements.get('cowork-console-space')) customElements.define('cowork-console-space', CoworkConsoleSpace);

registerSection({
  id: 'space',
  label: { en: 'Space', fr: 'Espace' },
  render: ({ connection, lang }) => html`<cowork-console-space .connection=${connection} locale=${lang}></cowork-console-space>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-space': CoworkConsoleSpace;
  }
}
