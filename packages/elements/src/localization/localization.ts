/**
 * Localization with @lit/localize in runtime mode: English (source) and French.
 *
 * Exports:
 * - `LocaleCode`, `supportedLocales`, `matchLocale(tag)`: 'fr-BE' → 'fr'; unknown → 'en'.
 * - `resolveLang(element)`: the element's `lang`, else its nearest ancestor's (crossing shadow
 *   roots), else the document's, else 'en'.
 * - `activateLocale(tag)`: loads and activates the messages of `tag` for the whole page.
 * - `LocaleController`: `new LocaleController(host)`; read `lang` (the resolved tag, e.g. `fr-BE`),
 *   `locale` (the active message locale, 'en' | 'fr') and `intl` (the tag to give Intl: the
 *   resolved tag when it matches the active locale, else the active locale). It activates the
 *   element's language when the element connects and whenever a `lang` attribute on the element,
 *   an ancestor or the document changes (MutationObserver), and re-renders the host when the
 *   messages change.
 *
 * One active locale per page: @lit/localize keeps a single set of messages, so elements on one page
 * share it — the resolved language of the most recently connected (or re-languaged) element wins.
 * If another library on the page already configured @lit/localize, its configuration is used.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from './generated/locale-codes.ts';

export type LocaleCode = typeof sourceLocale | (typeof targetLocales)[number];
export const supportedLocales: readonly LocaleCode[] = [sourceLocale, ...targetLocales];

const loaders: Record<(typeof targetLocales)[number], () => Promise<any>> = {
  fr: () => import('./generated/fr.ts'),
};

let runtime: ReturnType<typeof configureLocalization> | null | undefined;

function localization(): ReturnType<typeof configureLocalization> | null {
  if (runtime === undefined) {
    try {
      runtime = configureLocalization({ sourceLocale, targetLocales, loadLocale: (locale) => loaders[locale as 'fr']() });
    } catch {
      // Configured already by another library sharing this copy of @lit/localize.
      runtime = null;
    }
  }
  return runtime;
}

/** The supported locale for a language tag: its primary language when supported, else English. */
export function matchLocale(tag: string | null | undefined): LocaleCode {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0] as LocaleCode;
  return supportedLocales.includes(language) ? language : sourceLocale;
}

/** The language of `element`: its own `lang`, its nearest ancestor's (across shadow roots), the document's. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || sourceLocale;
}

/** The active message locale of the page. */
export function activeLocale(): LocaleCode {
  return (localization()?.getLocale() as LocaleCode | undefined) ?? sourceLocale;
}

/** Loads (if needed) and activates the messages for `tag` on the whole page. */
export function activateLocale(tag: string): Promise<void> {
  const runtime = localization();
  const locale = matchLocale(tag);
  if (!runtime) return Promise.resolve();
  // Not skipped when `locale` is the active one: another may be loading, and this request must win
  // (setLocale itself ignores a request for the locale already loading or active).
  return runtime.setLocale(locale).catch(() => {});
}

export class LocaleController implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;
  /** The element's resolved language tag. */
  lang: string = sourceLocale;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    localization();
    host.addController(this);
  }

  /** The active message locale ('en' | 'fr'). */
  get locale(): LocaleCode {
    return activeLocale();
  }

  /** The tag to format with: the resolved tag when its language is the active locale. */
  get intl(): string {
    return matchLocale(this.lang) === this.locale ? this.lang : this.locale;
  }

  hostConnected(): void {
    window.addEventListener(LOCALE_STATUS_EVENT, this.#onStatus);
    this.#observer = new MutationObserver(() => this.#resolve(false));
    // Watch `lang` on the document and inside every shadow root between the document and the host.
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    let root = this.host.getRootNode();
    while (root instanceof ShadowRoot) {
      this.#observer.observe(root, options);
      root = root.host.getRootNode();
    }
    this.#observer.observe(document.documentElement, options);
    // The host's own `lang` is an attribute of an element in its parent's tree, observed above.
    this.#resolve(true);
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.#onStatus);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #resolve(force: boolean): void {
    const lang = resolveLang(this.host);
    if (!force && lang === this.lang) return;
    this.lang = lang;
    this.host.requestUpdate();
    void activateLocale(lang);
  }

  #onStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') this.host.requestUpdate();
  };
}
