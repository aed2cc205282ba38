/**
 * Exports `messageKey(id, length, seed)`: the key of a message in the generated translations
 * (src/localization/generated/<folder>.<locale>.ts), `length` letters from a 32-bit FNV-1a hash of
 * its @lit/localize id that starts from `seed`. `npm run localize` chooses the fewest letters and a
 * seed that give each of the elements' messages a key of its own (generated/message-key.ts): the
 * ids themselves (a letter and 16 hex digits) were 40 % of a translation file's gzip, and letters
 * frequent in French text compress better than digits. A translation file holds its keys in one
 * string, then the messages in the same order.
 */
const letters = 'eaisnrtoludcmpvqfbgh';

export function messageKey(id: string, length: number, seed: number): string {
  let hash = seed;
  let key = '';
  for (const c of id) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  for (hash >>>= 0; key.length < length; hash = (hash / 20) | 0) key += letters[hash % 20];
  return key;
}
