/**
 * `options` without its undefined members. ky merges options layer by layer, and an undefined
 * member there clears what the layer below set (a timeout, the headers, a signal).
 */
export const defined = <T extends object>(options: T): T => Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
