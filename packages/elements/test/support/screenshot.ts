/**
 * Screenshots for people to look at (not compared automatically): PNGs under
 * packages/elements/screenshots/ (gitignored), at 320 px and 1280 px wide, light and dark.
 *
 * Exports `screenshots(name, element, options?)`: for each width and colour scheme, resizes the
 * viewport, emulates the scheme, waits for the element to settle, and saves
 * `<name>-<width>-<scheme>.png` clipped to the element. Restores the viewport and scheme after.
 * `options.widths`, `options.schemes` narrow the set; `options.settle` awaits something first.
 */
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';

export interface ScreenshotOptions {
  widths?: number[];
  schemes?: ('light' | 'dark')[];
  settle?: () => Promise<unknown>;
}

const frame = () => new Promise((wake) => requestAnimationFrame(() => requestAnimationFrame(wake)));

export async function screenshots(name: string, element: HTMLElement, options: ScreenshotOptions = {}): Promise<string[]> {
  const saved: string[] = [];
  try {
    for (const width of options.widths ?? [320, 1280]) {
      await setViewport({ width, height: 900 });
      for (const scheme of options.schemes ?? ['light', 'dark']) {
        await emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await options.settle?.();
        await frame();
        // The page's body margin stays; clip the element plus a little air around it.
        const rect = element.getBoundingClientRect();
        const pad = 8;
        const clip = { x: Math.max(0, rect.left - pad), y: Math.max(0, rect.top + window.scrollY - pad), width: Math.min(width, rect.width + 2 * pad), height: Math.max(1, rect.height + 2 * pad) };
        const result = await executeServerCommand<{ path: string | null }, { name: string; clip: typeof clip }>('cowork-screenshot', { name: `${name}-${width}-${scheme}`, clip });
        if (result?.path) saved.push(result.path);
      }
    }
  } finally {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await setViewport({ width: 800, height: 600 });
  }
  return saved;
}
