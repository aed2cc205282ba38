/**
 * Runs in the story's page before any of its scripts (puppeteer's evaluateOnNewDocument): catches
 * Storybook's channel as the preview creates it and records in `window.__storyRun` how the story
 * or docs page ended — finished (with its status), or the errors Storybook reported.
 * Self-contained: puppeteer sends its source text to the page.
 */
export interface StoryRun {
  done: boolean;
  status: string;
  errors: string[];
}

export function recordStoryRun(): void {
  interface Channel {
    on(event: string, listener: (payload: any) => void): void;
  }
  const run: StoryRun = { done: false, status: '', errors: [] };
  const describe = (error: any): string => (error && typeof error === 'object' ? [error.name, error.message ?? error.title, error.description].filter(Boolean).join(': ') : String(error));
  (window as unknown as { __storyRun: StoryRun }).__storyRun = run;
  let channel: Channel | undefined;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: Channel) {
      channel = value;
      value.on('storyMissing', (id) => run.errors.push(`no story ${describe(id)}`));
      value.on('storyErrored', (error) => run.errors.push(`render error: ${describe(error)}`));
      value.on('storyThrewException', (error) => run.errors.push(`render exception: ${describe(error)}`));
      value.on('playFunctionThrewException', (error) => run.errors.push(`play function: ${describe(error)}`));
      value.on('unhandledErrorsWhilePlaying', (errors: unknown[]) => run.errors.push(...errors.map((e) => `unhandled while playing: ${describe(e)}`)));
      value.on('storyFinished', ({ status }: { status: string }) => {
        run.status = status;
        run.done = true;
      });
      value.on('docsRendered', () => {
        run.status = 'success';
        run.done = true;
      });
    },
  });
}
