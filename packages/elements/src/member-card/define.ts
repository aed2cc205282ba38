// Registers <cowork-member-card>. Import this file for its side effect; import ./member-card.ts
// for the class alone.
import { CoworkMemberCard } from './member-card.ts';

if (!customElements.get('cowork-member-card')) customElements.define('cowork-member-card', CoworkMemberCard);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-member-card': CoworkMemberCard;
  }
}

export { CoworkMemberCard };
