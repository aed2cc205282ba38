import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleAuditLog } from './audit-log.ts';

export { CoworkConsoleAuditLog };

if (!customElements.get('cowork-console-audit-log')) customElements.define('cowork-console-audit-log', CoworkConsoleAuditLog);

registerSection({
  id: 'audit',
  adminOnly: true,
  label: { en: 'Audit log', fr: 'Journal' },
  render: ({ connection, lang }) => html`<cowork-console-audit-log .connection=${connection} locale=${lang}></cowork-console-audit-log>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-audit-log': CoworkConsoleAuditLog;
  }
}
