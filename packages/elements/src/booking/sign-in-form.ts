import { html, nothing, type TemplateResult } from 'lit';

/**
 * The `<cowork-sign-in>` the booking widget embeds, loaded (and registered) the first time it is
 * shown: most visitors never need it, so the widget does not make every page pay for it.
 */
export function signInForm(theme: string | null): TemplateResult {
  void import('../sign-in/define.ts');
  return html`<cowork-sign-in heading="" theme=${theme ?? nothing}></cowork-sign-in>`;
}
