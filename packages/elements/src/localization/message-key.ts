/**
 * Exports `messageKey(id, length)`: the key of a message in the generated translations
 * (src/localization/generated/<folder>.<locale>.ts). @lit/localize names a message by a hash of
 * its English text (`s` or `h` and 16 hex digits); the translations name it by the first `length`
 * characters of that id, the fewest that still tell every message of the elements apart (`npm run
 * localize` chooses them, generated/message-key.ts). Random digits compress badly: the whole ids
 * were 40 % of a translation file's gzip. An id given explicitly (`msg('…', { id })`) is its own key.
 */
export const messageKey = (id: string, length: number): string => (/^[sh][\da-f]{16}$/.test(id) ? id.slice(0, length) : id);
