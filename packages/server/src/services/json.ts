/** Parses a JSON column; the database only holds what the server wrote, so a failure is a bug. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
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
