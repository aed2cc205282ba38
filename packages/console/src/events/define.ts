import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleEventEditor } from './event-editor.ts';
import { CoworkConsoleEventRegistrations } from './event-registrations.ts';
import { CoworkConsoleEvents } from './events.ts';

export { CoworkConsoleEvents };

for (const [tag, element] of [
  ['cowork-console-event-editor', CoworkConsoleEventEditor],
  ['cowork-console-event-registrations', CoworkConsoleEventRegistrations],
  ['cowork-console-events', CoworkConsoleEvents],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

registerSection({
  id: 'events',
  label: { en: 'Events', fr: 'Événements' },
  render: ({ connection, lang }) => html`<cowork-console-events .connection=${connection} locale=${lang}></cowork-console-events>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-events': CoworkConsoleEvents;
    'cowork-console-event-editor': CoworkConsoleEventEditor;
    'cowork-console-event-registrations': CoworkConsoleEventRegistrations;
  }
}
