import { CoworkSpace } from './space.ts';

export { CoworkSpace };

if (!customElements.get('cowork-space')) customElements.define('cowork-space', CoworkSpace);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-space': CoworkSpace;
  }
}
