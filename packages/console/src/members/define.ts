import { html } from 'lit';
import { registerSection } from '../shell/sections.ts';
import { CoworkConsoleMemberActivity } from './member-activity.ts';
import { CoworkConsoleMemberEditor } from './member-editor.ts';
import { CoworkConsoleMemberMemberships } from './member-memberships.ts';
import { CoworkConsoleMemberInvite } from './member-invite.ts';
import { CoworkConsoleMembers } from './members.ts';
import { CoworkConsoleMembershipRequests } from './membership-requests.ts';

export { CoworkConsoleMemberActivity, CoworkConsoleMemberEditor, CoworkConsoleMemberInvite, CoworkConsoleMemberMemberships, CoworkConsoleMembers, CoworkConsoleMembershipRequests };

if (!customElements.get('cowork-console-member-activity')) customElements.define('cowork-console-member-activity', CoworkConsoleMemberActivity);
if (!customElements.get('cowork-console-member-editor')) customElements.define('cowork-console-member-editor', CoworkConsoleMemberEditor);
if (!customElements.get('cowork-console-member-memberships')) customElements.define('cowork-console-member-memberships', CoworkConsoleMemberMemberships);
if (!customElements.get('cowork-console-member-invite')) customElements.define('cowork-console-member-invite', CoworkConsoleMemberInvite);
if (!customElements.get('cowork-console-membership-requests')) customElements.define('cowork-console-membership-requests', CoworkConsoleMembershipRequests);
if (!customElements.get('cowork-console-members')) customElements.define('cowork-console-members', CoworkConsoleMembers);

registerSection({
  id: 'members',
  label: { en: 'Members', fr: 'Membres' },
  render: ({ connection, lang, role }) => html`<cowork-console-members .connection=${connection} locale=${lang} .signedInRole=${role}></cowork-console-members>`,
});

declare global {
  interface HTMLElementTagNameMap {
    'cowork-console-member-activity': CoworkConsoleMemberActivity;
    'cowork-console-member-editor': CoworkConsoleMemberEditor;
    'cowork-console-member-invite': CoworkConsoleMemberInvite;
    'cowork-console-member-memberships': CoworkConsoleMemberMemberships;
    'cowork-console-members': CoworkConsoleMembers;
    'cowork-console-membership-requests': CoworkConsoleMembershipRequests;
  }
}
