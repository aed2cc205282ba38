// Registers <cowork-member-directory> and the <cowork-member-card> it shows. Import this file for
// its side effect; import ./member-directory.ts for the class alone. (The <cowork-sign-in> of a
// members-only directory is registered on demand, when a visitor who is not signed in needs it.)
import '../member-card/define.ts';
import { CoworkMemberDirectory } from './member-directory.ts';

if (!customElements.get('cowork-member-directory')) customElements.define('cowork-member-directory', CoworkMemberDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-member-directory': CoworkMemberDirectory;
  }
}

export { CoworkMemberDirectory };
