/** Where the console finds its server and space: the only settings it has. */
export interface ConnectionSettings {
  /** The API's URL, without a trailing slash. */
  api: string;
  /** The space's id. */
  space: string;
}

const storageKey = 'cowork-console:connection';

/**
 * The settings to use: the element's attributes, else those of the page's URL (`?api=…&space=…`),
 * else those saved in this browser; the API defaults to the page's origin (the console served by
 * the reference server). Undefined while no space is known.
 */
export function connectionSettings(given: { api?: string | undefined; space?: string | undefined; origin: string }): ConnectionSettings | undefined {
  const query = new URLSearchParams(location.search);
  const saved = readSaved();
  const api = (given.api || query.get('api') || saved?.api || given.origin).replace(/\/+$/, '');
  const space = given.space || query.get('space') || (saved?.api === api ? saved.space : undefined);
  return space ? { api, space } : undefined;
}

export function saveConnectionSettings(settings: ConnectionSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Storage refused (a private window): the settings last as long as the page.
  }
}

function readSaved(): ConnectionSettings | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<ConnectionSettings> | null;
    return typeof value?.api === 'string' && typeof value.space === 'string' ? { api: value.api, space: value.space } : undefined;
  } catch {
    return undefined;
  }
}
