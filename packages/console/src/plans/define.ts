import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsolePlans } from './plans.ts';

export { CoworkConsolePlans };

if (!customElements.get('cowork-console-plans')) customElements.define('cowork-console-plans', CoworkConsolePlans);

registerSection({
  id: 'plans',
  label: { en: 'Plans', fr: 'Formules' },
  render: ({ connection, lang }) => html`<cowork-console-plans .connection=${connection} locale=${lang}></cowork-console-plans>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-plans': CoworkConsolePlans;
  }
}
