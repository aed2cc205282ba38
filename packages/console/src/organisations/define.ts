import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleOrganisations } from './organisations.ts';

export { CoworkConsoleOrganisations };

if (!customElements.get('cowork-console-organisations')) customElements.define('cowork-console-organisations', CoworkConsoleOrganisations);

registerSection({
  id: 'organisations',
  label: { en: 'Organisations', fr: 'Organisations' },
  render: ({ connection, lang }) => html`<cowork-console-organisations .connection=${connection} locale=${lang}></cowork-console-organisations>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-organisations': CoworkConsoleOrganisations;
  }
}
