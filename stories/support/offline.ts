/**
 * The device's connection as the elements see it (`navigator.onLine` and the `online` / `offline`
 * events), for the offline stories. Going back online removes the override.
 */
let offline = false;

export function setOffline(value: boolean): void {
  if (value === offline) return;
  offline = value;
  if (value) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event(value ? 'offline' : 'online'));
}
