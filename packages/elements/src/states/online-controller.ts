/**
 * Exports `OnlineController`: `new OnlineController(host, onBackOnline?)`; `online` follows
 * `navigator.onLine` and the `online` / `offline` events, re-rendering the host on each change and
 * calling `onBackOnline` when the connection returns (to retry what failed).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OnlineController implements ReactiveController {
  readonly host: ReactiveControllerHost;
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  #onBack: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, onBackOnline?: () => void) {
    this.host = host;
    this.#onBack = onBackOnline;
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.#change);
    window.addEventListener('offline', this.#change);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#change);
    window.removeEventListener('offline', this.#change);
  }

  #change = () => {
    const was = this.online;
    this.online = navigator.onLine;
    this.host.requestUpdate();
    if (!was && this.online) this.#onBack?.();
  };
}
