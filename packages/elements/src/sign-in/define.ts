import { CoworkSignIn } from './sign-in.ts';

export { CoworkSignIn };

if (!customElements.get('cowork-sign-in')) customElements.define('cowork-sign-in', CoworkSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'cowork-sign-in': CoworkSignIn;
  }
}
