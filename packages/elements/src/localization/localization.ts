/**
 * Localization with @lit/localize in runtime mode: English (source) and French.
 *
 * Exports:
 * - `LocaleCode`, `supportedLocales`, `matchLocale(tag)`: 'fr-BE' → 'fr'; unknown → 'en'.
 * - `resolveLang(element)`: the element's `lang`, else its nearest ancestor's (crossing shadow
 *   roots), else the document's, else 'en'.
 * - `activateLocale(tag)`: loads and activates the messages of `tag` for the whole page.
 * - `Messages`, `useMessages(messages)`: each module that calls `msg()` registers the loaders of the
 *   translations of its folder (./generated/<folder>.ts, written by `npm run localize`) when it is
 *   evaluated, so a page loads the translations of the code it runs and no others: the booking
 *   widget's French messages, not the calendar's. Translations registered after their language was
 *   activated (an element defined later) are loaded then, and the elements re-render.
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
import { configureLocalization, LOCALE_STATUS_EVENT, type TemplateMap } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from './generated/locale-codes.ts';
import { keyLength, keySeed } from './generated/message-key.ts';
import { messageKey } from './message-key.ts';

export type LocaleCode = typeof sourceLocale | (typeof targetLocales)[number];
type TargetLocale = (typeof targetLocales)[number];
export const supportedLocales: readonly LocaleCode[] = [sourceLocale, ...targetLocales];

/** A generated translation module's messages: their keys (./message-key.ts) in one string, then the messages in that order. */
export type Translations = readonly [keys: string, ...messages: TemplateMap[string][]];

/** The loaders of one module's translations, by locale. */
export type Messages = Partial<Record<TargetLocale, () => Promise<{ default: Translations }>>>;

const registered = new Set<Messages>();
/** Per locale, every loaded translation in one object, by message key (./message-key.ts), filled as modules come. */
const merged = new Map<TargetLocale, TemplateMap>();
/**
 * What @lit/localize reads for a locale: its translations, looked up by the key of the id it asks
 * for. (A message of another library sharing this copy of @lit/localize without configuring it
 * could meet the key of one of ours: about 1 chance in 20 with 3 letters.)
 */
const lookups = new Map<TargetLocale, TemplateMap>();
const loads = new WeakMap<Messages, Map<TargetLocale, Promise<void>>>();
/** The locale the page asked for last (activateLocale), whose messages a module registered later loads at once. */
let requested: LocaleCode = sourceLocale;
const connected = new Set<LocaleController>();

const templatesOf = (locale: TargetLocale): TemplateMap => {
  let templates = merged.get(locale);
  if (!templates) merged.set(locale, (templates = {}));
  return templates;
};

const lookupOf = (locale: TargetLocale): TemplateMap => {
  let lookup = lookups.get(locale);
  if (!lookup) {
    const templates = templatesOf(locale);
    lookups.set(locale, (lookup = new Proxy(templates, { get: (_, id) => (typeof id === 'string' ? templates[messageKey(id, keyLength, keySeed)] : undefined) })));
  }
  return lookup;
};

/** Loads one module's translations into `locale`'s templates, once (again after a failure). */
function load(messages: Messages, locale: TargetLocale): Promise<void> {
  const loader = messages[locale];
  if (!loader) return Promise.resolve();
  let byLocale = loads.get(messages);
  if (!byLocale) loads.set(messages, (byLocale = new Map()));
  let loading = byLocale.get(locale);
  if (!loading) {
    loading = loader().then(
      ({ default: [keys, ...translations] }) => {
        const templates = templatesOf(locale);
        translations.forEach((translation, i) => (templates[keys.slice(i * keyLength, (i + 1) * keyLength)] = translation));
      },
      (error: unknown) => {
        byLocale.delete(locale);
        throw error;
      },
    );
    byLocale.set(locale, loading);
  }
  return loading;
}

let runtime: ReturnType<typeof configureLocalization> | null | undefined;

function localization(): ReturnType<typeof configureLocalization> | null {
  if (runtime === undefined) {
    try {
      runtime = configureLocalization({
        sourceLocale,
        targetLocales,
        // The translations of every module registered so far; later ones join the same object.
        loadLocale: (locale) => Promise.all([...registered].map((messages) => load(messages, locale as TargetLocale))).then(() => ({ templates: lookupOf(locale as TargetLocale) })),
      });
    } catch {
      // Configured already by another library sharing this copy of @lit/localize.
      runtime = null;
    }
  }
  return runtime;
}

/**
 * Registers the loaders of a module's translations: call it at the top of each module that calls
 * `msg()`, with the loaders generated for its folder (`./generated/<folder>.ts`, by `npm run
 * localize`). When the page already asked for a language, its messages are loaded now, then the
 * elements re-render.
 */
export function useMessages(messages: Messages): void {
  if (registered.has(messages)) return;
  registered.add(messages);
  // Only once the page asked for a language: registering configures nothing, so an application
  // may still configure @lit/localize itself after importing the elements.
  if (!runtime || requested === sourceLocale) return;
  load(messages, requested).then(
    () => connected.forEach((controller) => controller.host.requestUpdate()),
    () => {},
  );
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
  requested = locale;
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
    connected.add(this);
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
    connected.delete(this);
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
