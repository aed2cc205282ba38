import { html, nothing, type TemplateResult } from 'lit';
import { CoworkSignIn } from '../sign-in/cowork-sign-in.ts';

/**
 * The `<cowork-sign-in>` the booking widget embeds, registered the first time it is shown (like the
 * checkout). Its class ships with the widget rather than in a chunk loaded on demand: gzipped with
 * the rest it adds about 0.7 kB to the widget, where a chunk of its own weighed 2.8 kB (the whole
 * journey is what the byte budget counts).
 */
export function signInForm(theme: string | null): TemplateResult {
  if (!customElements.get('cowork-sign-in')) customElements.define('cowork-sign-in', CoworkSignIn);
  return html`<cowork-sign-in heading="" theme=${theme ?? nothing}></cowork-sign-in>`;
}
