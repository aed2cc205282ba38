// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The keys of the messages in the translations (../message-key.ts): the fewest letters, and the first seed,
// that give each of the 350 messages of the elements a key of its own.
export const keyLength = 3;
export const keySeed = 67;
