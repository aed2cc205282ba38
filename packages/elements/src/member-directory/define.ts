// Registers <cowork-member-directory>, the <cowork-member-card> it shows and the <cowork-sign-in>
// a members-only directory embeds. Import this file for its side effect; import
// ./member-directory.ts for the class alone. (The sign-in is imported here rather than on demand:
// as a lazy chunk it cost twice its size, the code it shares with the directory split off into
// chunks of their own.)
import '../member-card/define.ts';
import '../sign-in/define.ts';
import { CoworkMemberDirectory } from './member-directory.ts';

if (!customElements.get('cowork-member-directory')) customElements.define('cowork-member-directory', CoworkMemberDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-member-directory': CoworkMemberDirectory;
  }
}

export { CoworkMemberDirectory };
