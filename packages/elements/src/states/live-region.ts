/**
 * A polite live region for announcements to screen readers.
 *
 * Exports `LiveRegion`: `new LiveRegion(host)`; put `${this.live.render()}` once in the template
 * (a visually hidden `role="status"` element, `aria-live="polite"`), and call
 * `this.live.announce(text)`. The same text announced twice is announced twice.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class LiveRegion implements ReactiveController {
  readonly host: ReactiveControllerHost;
  /** The current announcement. */
  message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  announce(text: string): void {
    // Empty first, then the text in a later task: screen readers announce a change, not a value.
    this.message = '';
    this.host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.message = text;
      this.host.requestUpdate();
    }, 100);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
