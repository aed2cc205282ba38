import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleResources } from './resources.ts';

export { CoworkConsoleResources };

if (!customElements.get('cowork-console-resources')) customElements.define('cowork-console-resources', CoworkConsoleResources);

registerSection({
  id: 'resources',
  label: { en: 'Resources', fr: 'Ressources' },
  render: ({ connection, lang }) => html`<cowork-console-resources .connection=${connection} locale=${lang}></cowork-console-resources>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-resources': CoworkConsoleResources;
  }
}
