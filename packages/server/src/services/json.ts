/** Parses a JSON column; the database only holds what the server wrote, so a failure is a bug. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/**
 * The documents of rows read again and again (the space of every request, the resources of every
 * availability answer), parsed once per text: the last parse of each row is kept with its text,
 * and reused while the row holds the same text. What it gives is frozen, all the way down, since
 * every caller shares it: callers build new objects (`{ ...document, id }`) rather than change it.
 */
export class DocumentCache<T> {
  readonly #parsed = new Map<string, { text: string; value: T }>();
  readonly #limit: number;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** The parsed `text` of the row `key`. */
  parse(key: string, text: string): T {
    const known = this.#parsed.get(key);
    if (known !== undefined && known.text === text) return known.value;
    const value = deepFreeze(parseJson<T>(text));
    if (this.#parsed.size >= this.#limit) this.#parsed.clear();
    this.#parsed.set(key, { text, value });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Copies an object's `x-` extension properties. */
export function extensionsOf(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => key.startsWith('x-')));
}

/** The object without properties whose value is undefined or null, so optional fields are left out of responses. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);
