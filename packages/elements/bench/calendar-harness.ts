/**
 * The in-page side of the calendar benchmark: `install(subject)` exposes `window.bench.run(…)`,
 * which renders the given events `warmup + runs` times, each time in a fresh calendar in a fresh
 * container 1,280 px wide, and measures from the moment the data is handed over:
 * - `script`: until the library's render returned (or its update promise resolved), before the
 *   browser computes styles and layout;
 * - `layout`: until the calendar has rendered and the browser has laid out the page (a forced
 *   layout read, `offsetHeight`, right after the library's render returned or its update
 *   promise resolved);
 * - `frame`: until the frame after that layout was produced (`requestAnimationFrame`, then a
 *   task), so any work the library defers to a later microtask or to the frame is counted too.
 * It also counts the event elements drawn, to check both calendars drew the events. Garbage is
 * collected between runs (Chromium runs with `--expose-gc`) so that it falls outside the timings.
 */
export type View = 'month' | 'week';

export interface Subject {
  render(container: HTMLElement, view: View, events: unknown[], options: { date: string; variant: string }): Promise<() => void> | (() => void);
  /** Event elements (and "+N more" links) in the DOM. */
  count(container: HTMLElement): number;
}

export interface Sample {
  /** Until the library's render returned (its update promise resolved): scripting, before the layout. */
  script: number;
  layout: number;
  frame: number;
  drawn: number;
}

const task = () => new Promise<void>((wake) => setTimeout(wake, 0));
const frame = () => new Promise<void>((wake) => requestAnimationFrame(() => setTimeout(wake, 0)));

export function install(subject: Subject): void {
  (window as unknown as { bench: unknown }).bench = {
    async run(view: View, url: string, options: { date: string; variant: string; runs: number; warmup: number }) {
      const events = (await (await fetch(url)).json()) as unknown[];
      const samples: Sample[] = [];
      for (let i = 0; i < options.warmup + options.runs; i++) {
        (globalThis as { gc?: () => void }).gc?.();
        await frame();
        const container = document.createElement('div');
        container.style.width = '1280px';
        document.body.append(container);
        // A fresh copy of the data each time: neither calendar can keep anything from a previous run.
        const data = structuredClone(events);
        const t0 = performance.now();
        const cleanup = await subject.render(container, view, data, options);
        const tr = performance.now();
        void container.offsetHeight;
        const t1 = performance.now();
        await frame();
        const t2 = performance.now();
        samples.push({ script: tr - t0, layout: t1 - t0, frame: t2 - t0, drawn: subject.count(container) });
        cleanup();
        container.remove();
      }
      return { first: samples[0]!, samples: samples.slice(options.warmup) };
    },
  };
}
