/**
 * Waiting in a story's `play` until the element shows what the story is about, so that the story
 * counts as rendered (for `npm run test:stories` and its axe check) only then. Elements are
 * found by tag in the canvas; selectors match inside their shadow roots, nested ones included
 * (the booking's checkout, the directory's cards). Prefer the elements' documented parts.
 */

/** Every shadow root under `root`, depth first. */
function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(element.shadowRoot, ...shadowRoots(element.shadowRoot));
  }
  return found;
}

/** The first match of `selector` inside `host`'s shadow root or the shadow roots nested in it. */
function deepQuery<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  const root = host.shadowRoot;
  if (!root) return null;
  for (const scope of [root, ...shadowRoots(root)]) {
    const match = scope.querySelector<T>(selector);
    if (match) return match;
  }
  return null;
}

/** The element `tag` in the story's canvas. */
function elementIn<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string): T {
  const element = canvas.querySelector<T>(tag);
  if (!element) throw new Error(`The story renders no <${tag}>.`);
  return element;
}

/** Resolves with the match of `selector` in `tag` once it shows; rejects (failing the story) after `timeout` ms. */
export async function shows<T extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string, timeout = 8000): Promise<T> {
  const element = elementIn(canvas, tag);
  const deadline = performance.now() + timeout;
  for (;;) {
    const match = deepQuery<T>(element, selector);
    if (match) {
      await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      return match;
    }
    if (performance.now() > deadline) throw new Error(`<${tag}> did not show ${selector} within ${timeout} ms.`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

/** Types `value` into the field `selector` of `tag`; answers the field. */
export async function fill(canvas: HTMLElement, tag: string, selector: string, value: string): Promise<HTMLInputElement> {
  const input = await shows<HTMLInputElement>(canvas, tag, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return input;
}

/** Types `value` into the field `selector` of `tag` and submits its form (as pressing Enter does). */
export async function submit(canvas: HTMLElement, tag: string, selector: string, value: string): Promise<void> {
  (await fill(canvas, tag, selector, value)).form?.requestSubmit();
}

/** Clicks the button of `tag` whose text is `text` once it shows. */
export async function clickButton(canvas: HTMLElement, tag: string, text: string, timeout = 8000): Promise<void> {
  const element = elementIn(canvas, tag);
  const deadline = performance.now() + timeout;
  const find = () => {
    for (const scope of element.shadowRoot ? [element.shadowRoot, ...shadowRoots(element.shadowRoot)] : []) {
      const button = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
      if (button) return button;
    }
    return undefined;
  };
  for (let button = find(); ; button = find()) {
    if (button) return button.click();
    if (performance.now() > deadline) throw new Error(`<${tag}> did not show a "${text}" button within ${timeout} ms.`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

/** Clicks the match of `selector` in `tag` once it shows. */
export async function click(canvas: HTMLElement, tag: string, selector: string): Promise<void> {
  (await shows<HTMLElement>(canvas, tag, selector)).click();
}
