import { html, nothing, type TemplateResult } from 'lit';

/** The `<cowork-sign-in>` the booking widget embeds (registered by the widget's `define`). */
export function signInForm(theme: string | null): TemplateResult {
  return html`<cowork-sign-in heading="" theme=${theme ?? nothing}></cowork-sign-in>`;
}
