import { html, nothing } from 'lit';

/** A request that failed, said in words, with a button that tries again. Nothing when there is no error. */
export function loadError(message: string | undefined, retryLabel: string, retry: () => unknown) {
  return message ? html`<div class="error" role="alert"><p>${message}</p><button class="button" type="button" @click=${retry}>${retryLabel}</button></div>` : nothing;
}

export interface ConfirmOptions {
  /** The group's accessible name: the action being confirmed. */
  label: string;
  question: string;
  yes: string;
  keep: string;
  busy: boolean;
  onYes: () => unknown;
  onKeep: () => unknown;
  /** An extra class on the confirming button, for tests and focus. */
  yesClass?: string;
}

/** The second step of a destructive action on a card: the question, then do it or keep things as they are. */
export function confirmGroup(o: ConfirmOptions) {
  return html`<div class="confirm" role="group" aria-label=${o.label}>
    <p>${o.question}</p>
    <div class="actions">
      <button class="button danger ${o.yesClass ?? ''}" type="button" ?disabled=${o.busy} @click=${o.onYes}>${o.yes}</button>
      <button class="button" type="button" ?disabled=${o.busy} @click=${o.onKeep}>${o.keep}</button>
    </div>
  </div>`;
}
