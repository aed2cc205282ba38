// Functions run inside the test pages (puppeteer serializes them: they use nothing from outside).

/** Whether the first element matching `selector` is upgraded and its shadow root shows `text`. */
export function showsText(selector: string, text: string): boolean {
  const element = document.querySelector(selector);
  return !!element && element.matches(':defined') && !!element.shadowRoot?.textContent?.includes(text);
}

/** The tags among `tags` that have an element on the page not upgraded by a registered class. */
export function notUpgraded(tags: string[]): string[] {
  return tags.filter((tag) => {
    const defined = customElements.get(tag);
    return [...document.querySelectorAll(tag)].some((element) => !defined || !(element instanceof defined));
  });
}

/** Whether the page's `<cowork-event-calendar>` shows its period's events (or that there are none). */
export function calendarLoaded(): boolean {
  const loaded = ['month', 'week', 'list'].map((view) => `[part~="${view}"][aria-busy="false"]`);
  return !!document.querySelector('cowork-event-calendar')?.shadowRoot?.querySelector([...loaded, '[part~="empty"]'].join(', '));
}

/**
 * Opens the first event listed by the page's `<cowork-event-calendar>` (going to the next month
 * when this one has none left), and records what a listener on the document saw of
 * `cowork-event-selected` in `window.selectedEvent`. True once clicked (to be polled).
 */
export function openFirstEvent(): boolean {
  const root = document.querySelector('cowork-event-calendar')?.shadowRoot;
  const entry = root?.querySelector<HTMLButtonElement>('button.entry');
  if (!entry) {
    root?.querySelector<HTMLButtonElement>('[part~="empty"] button')?.click();
    return false;
  }
  document.addEventListener(
    'cowork-event-selected',
    (event) => {
      const { detail, defaultPrevented } = event as CustomEvent<{ event: { title: string } }>;
      Object.assign(window, { selectedEvent: { title: detail.event.title, defaultPrevented } });
    },
    { once: true },
  );
  entry.click();
  return true;
}

/** The colour and text transform of the first "Choose" button of the booking widget. */
export function chooseButtonStyle(): { background: string; textTransform: string } | null {
  const button = document.querySelector('cowork-booking')?.shadowRoot?.querySelector('[part~="choose-button"]');
  if (!button) return null;
  const style = getComputedStyle(button);
  return { background: style.backgroundColor, textTransform: style.textTransform };
}

/** How many copies of lit-html the page runs (each copy registers its version). */
export function litCopies(): number {
  return ((window as { litHtmlVersions?: string[] }).litHtmlVersions ?? []).length;
}

/** Whether the classes of two tags stand on the same copy of Lit (the same ReactiveElement). */
export function sameLit(a: string, b: string): boolean {
  const base = (tag: string) => {
    let type = customElements.get(tag);
    while (type && Object.getPrototypeOf(type) !== HTMLElement) type = Object.getPrototypeOf(type);
    return type;
  };
  return !!base(a) && base(a) === base(b);
}

/**
 * Reports each Content-Security-Policy violation through `window.coworkEmbedProblem` (exposed by
 * the test), naming the element at fault and the element whose shadow root holds it.
 */
export function reportCspViolations(): void {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const element = event.composedPath()[0];
      const where = element instanceof Element ? `<${element.localName}${element.className ? ` class="${element.className}"` : ''}>` : String(event.blockedURI);
      const root = element instanceof Node ? element.getRootNode() : undefined;
      const host = root instanceof ShadowRoot ? ` in <${root.host.localName}>` : '';
      (window as unknown as { coworkEmbedProblem(text: string): void }).coworkEmbedProblem(`CSP ${event.effectiveDirective} blocked ${where}${host}`);
    },
    true,
  );
}

/** The `member` attribute and property of the page's `<cowork-member-card>`. */
export function cardMember(): { attribute: string | null; property: unknown } {
  const card = document.querySelector('cowork-member-card') as HTMLElement & { member?: unknown };
  return { attribute: card.getAttribute('member'), property: card.member };
}

/** What the app says in its `role="status"` paragraph, and what `openFirstEvent` saw. */
export function appSelection(): { shown: string | null | undefined; seen: { title: string; defaultPrevented: boolean } | undefined } {
  const seen = (window as { selectedEvent?: { title: string; defaultPrevented: boolean } }).selectedEvent;
  return { shown: document.querySelector('[role="status"]')?.textContent, seen };
}

/** The text and shadow root of the page's `<cowork-member-card>`, whoever defined it. */
export function cardContent(): { text: string | null; shadow: boolean } {
  const card = document.querySelector('cowork-member-card')!;
  return { text: card.textContent, shadow: !!card.shadowRoot };
}
