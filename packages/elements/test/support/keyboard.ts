/**
 * Keyboard-only helpers over real key presses (`sendKeys` of @web/test-runner-commands: the
 * browser receives trusted keyboard events).
 *
 * Exports: `press(key)` ('Enter', 'Tab', 'Shift+Tab', 'ArrowDown'…), `type(text)`, `tab(times?)`,
 * `shiftTab(times?)`, `deepActiveElement()` (the focused element, inside shadow roots),
 * `tabUntil(predicate, max?)` (Tab until the focused element matches; fails after `max`),
 * `focusedLabel()` (the focused element's accessible-ish name: aria-label, label text, or text).
 */
import { sendKeys } from '@web/test-runner-commands';

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

export async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await press('Tab');
}

export async function shiftTab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await press('Shift+Tab');
}

export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function tabUntil(predicate: (element: Element) => boolean, max = 30): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    const active = deepActiveElement();
    if (active && predicate(active)) return active;
  }
  throw new Error(`no element matched after ${max} Tab presses (focus is on ${describe(deepActiveElement())})`);
}

export function focusedLabel(): string {
  const element = deepActiveElement();
  if (!element) return '';
  const aria = element.getAttribute('aria-label');
  if (aria) return aria;
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return labels[0]!.textContent!.trim();
  return element.textContent?.trim() ?? '';
}

function describe(element: Element | null): string {
  if (!element) return 'nothing';
  return `<${element.localName}${element.id ? `#${element.id}` : ''}> "${element.textContent?.trim().slice(0, 40) ?? ''}"`;
}
